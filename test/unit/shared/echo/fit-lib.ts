// Fits the echo model (src/shared/echo/model.ts) on labelled cases: ranking weights by maximising
// the softmax likelihood of the right item among each pair's contenders, then a logistic calibration
// of the top item's score and margin on pairs and negatives alike. Plain gradient steps with a small
// L2 penalty, deterministic, in well under a second: small enough to rerun inside the evaluation.

import { isCandidate } from '../../../../src/shared/echo/candidate';
import { enoughEvidence, FEATURES, type FeatureName } from '../../../../src/shared/echo/features';
import { contenders, NO_RIVAL } from '../../../../src/shared/echo/find-echoes';
import type { EchoIndex, EchoItem } from '../../../../src/shared/echo/index-build';
import { calibrated, MODEL, rankScore, type EchoModel, type Stump } from '../../../../src/shared/echo/model';
import { FOLDS, run, type Case, type Outcome } from './eval-lib';

export interface Row {
  f: number[][];
  /** Index of each contender that counts as right. */
  right: boolean[];
  kind: Case['kind'];
  /** The contenders' items, and the case, for scoring rows as outcomes. */
  items?: EchoItem[];
  case?: Case;
}

export function collect(cases: readonly Case[], index: EchoIndex, pool = MODEL.pool): Row[] {
  const rows: Row[] = [];
  for (const c of cases) {
    if (!isCandidate(c.text)) continue;
    const found = contenders(c.text, c.date, index, undefined, { ...MODEL, pool });
    if (!found || found.list.length === 0) continue;
    rows.push({ f: found.list.map((x) => x.f), right: found.list.map((x) => c.accept.includes(x.s.item.id)), kind: c.kind, items: found.list.map((x) => x.s.item), case: c });
  }
  return rows;
}

const dot = (w: readonly number[], f: readonly number[]) => w.reduce((s, x, i) => s + x * f[i]!, 0);

/** Ranking weights: softmax over each pair's contenders, the right ones pooled as one outcome. */
export function fitRank(rows: readonly Row[], l2 = FIT.rankL2, steps = 1500, rate = 0.1): number[] {
  const train = rows.filter((r) => r.kind === 'pair' && r.right.some(Boolean));
  // As long as the rows' vectors: the labs append features of their own.
  const d = train[0]?.f[0]?.length ?? FEATURES.length;
  const w = new Array<number>(d).fill(0);
  w[0] = 1;
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(d).fill(0);
    for (const r of train) {
      const s = r.f.map((f) => dot(w, f));
      const max = Math.max(...s);
      const e = s.map((x) => Math.exp(x - max));
      const z = e.reduce((a, b) => a + b, 0);
      const zr = e.reduce((a, b, i) => a + (r.right[i] ? b : 0), 0);
      r.f.forEach((f, i) => {
        const coef = (r.right[i] ? e[i]! / zr : 0) - e[i]! / z;
        for (let k = 0; k < d; k++) g[k]! += coef * f[k]!;
      });
    }
    for (let k = 0; k < d; k++) w[k]! += rate * (g[k]! / train.length - l2 * w[k]!);
  }
  return w;
}

/** Calibration: logistic regression of "the top item is right" on its features and its margin. */
export function fitCalibration(rows: readonly Row[], w: readonly number[] | ((r: Row) => readonly number[]), l2 = 0.01, steps = 3000, rate = 0.2): EchoModel['calibration'] {
  const xs: { x: number[]; y: number }[] = rows.map((r) => {
    const wr = typeof w === 'function' ? w(r) : w;
    const s = r.f.map((f) => dot(wr, f));
    let top = 0;
    s.forEach((x, i) => { if (x > s[top]!) top = i; });
    const rival = Math.max(-Infinity, ...s.filter((_, i) => i !== top));
    const margin = Number.isFinite(rival) ? s[top]! - rival : NO_RIVAL;
    return { x: [1, margin, ...r.f[top]!], y: r.right[top] ? 1 : 0 };
  });
  const d = FEATURES.length + 2;
  const c = new Array<number>(d).fill(0);
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(d).fill(0);
    for (const { x, y } of xs) {
      const p = 1 / (1 + Math.exp(-dot(c, x)));
      for (let k = 0; k < d; k++) g[k]! += (y - p) * x[k]!;
    }
    for (let k = 0; k < d; k++) c[k]! += rate * (g[k]! / xs.length - (k === 0 ? 0 : l2 * c[k]!));
  }
  const weights = Object.fromEntries(FEATURES.map((name, i) => [name, c[i + 2]!])) as Record<FeatureName, number>;
  return { bias: c[0]!, margin: c[1]!, weights };
}

/** The calibration's examples: each row's top item by these ranking weights, its features, margin and truth. */
function tops(rows: readonly Row[], w: readonly number[]): { f: number[]; margin: number; y: number }[] {
  return rows.map((r) => {
    const s = r.f.map((f) => dot(w, f));
    let top = 0;
    s.forEach((x, i) => { if (x > s[top]!) top = i; });
    const rival = Math.max(-Infinity, ...s.filter((_, i) => i !== top));
    return { f: r.f[top]!, margin: Number.isFinite(rival) ? s[top]! - rival : NO_RIVAL, y: r.right[top] ? 1 : 0 };
  });
}

/**
 * Gradient-boosted stumps on the calibration's residual (Newton steps, shrunk by `rate`): each round
 * splits one feature or the margin at a midpoint between its observed values (at most 15 per
 * feature, by quantile), each side at least `minLeaf` examples.
 */
export function fitBoost(rows: readonly Row[], w: readonly number[], cal: EchoModel['calibration'], opts = FIT): Stump[] {
  const xs = tops(rows, w);
  const names: Stump['on'][] = ['margin', ...FEATURES];
  const value = (x: (typeof xs)[number], k: number) => (k === 0 ? x.margin : x.f[k - 1]!);
  const cw = FEATURES.map((name) => cal.weights[name]);
  const z = xs.map((x) => cal.bias + cal.margin * x.margin + dot(cw, x.f));
  const cuts = names.map((_, k) => {
    const v = [...new Set(xs.map((x) => value(x, k)))].sort((a, b) => a - b);
    const at = new Set<number>();
    for (let q = 1; q < 16; q++) {
      const i = Math.floor((q * v.length) / 16);
      if (i > 0 && i < v.length) at.add(Number(((v[i - 1]! + v[i]!) / 2).toFixed(4)));
    }
    return [...at];
  });
  const out: Stump[] = [];
  for (let round = 0; round < opts.boostRounds; round++) {
    const p = z.map((x) => 1 / (1 + Math.exp(-x)));
    const g = xs.map((x, i) => x.y - p[i]!);
    const h = p.map((x) => x * (1 - x));
    let best: (Stump & { gain: number; k: number }) | null = null;
    names.forEach((on, k) => {
      for (const at of cuts[k]!) {
        let gl = 0, hl = 0, nl = 0, gr = 0, hr = 0, nr = 0;
        xs.forEach((x, i) => { if (value(x, k) < at) { gl += g[i]!; hl += h[i]!; nl++; } else { gr += g[i]!; hr += h[i]!; nr++; } });
        if (nl < opts.boostMinLeaf || nr < opts.boostMinLeaf) continue;
        const gain = (gl * gl) / (hl + 1) + (gr * gr) / (hr + 1) - ((gl + gr) ** 2) / (hl + hr + 1);
        if (!best || gain > best.gain) best = { on, at, left: gl / (hl + 1), right: gr / (hr + 1), gain, k };
      }
    });
    if (!best) break;
    const { on, at, left, right, k } = best;
    const stump = { on, at, left: Number((opts.boostRate * left).toFixed(4)), right: Number((opts.boostRate * right).toFixed(4)) };
    out.push(stump);
    xs.forEach((x, i) => { z[i]! += value(x, k) < at ? stump.left : stump.right; });
  }
  return out;
}

export function fitModel(cases: readonly Case[], index: EchoIndex, pool = MODEL.pool): EchoModel {
  return fitRows(collect(cases, index, pool), pool);
}

/** The model fitted on rows already collected. */
export function fitRows(rows: readonly Row[], pool = MODEL.pool, opts = FIT): EchoModel {
  const w = fitRank(rows, opts.rankL2);
  const rank = Object.fromEntries(FEATURES.map((name, i) => [name, w[i]!])) as Record<FeatureName, number>;
  if (!opts.innerFolds) {
    const calibration = fitCalibration(rows, w, opts.calL2);
    return { pool, rank, calibration, ...(opts.boostRounds > 0 ? { boost: fitBoost(rows, w, calibration, opts) } : {}) };
  }
  // The calibration learns from rank scores of rows the ranking never saw (its folds, in turn): fitted
  // on its own training rows, a ranking is surer of them than it will be of a new sentence.
  const folds = [...new Set(rows.map((r) => r.case?.fold ?? 0))];
  const inner = new Map(folds.map((k) => [k, fitRank(rows.filter((r) => (r.case?.fold ?? 0) !== k), opts.rankL2)]));
  return { pool, rank, calibration: fitCalibration(rows, (r) => inner.get(r.case?.fold ?? 0)!, opts.calL2) };
}

/**
 * Fitting choices, picked by cross-validation (echo-dev.test.ts; ECHOES_RANK_L2 etc. try others):
 * a ranking penalty of 0.1 over 0.001–1 (top-1 72.5% at 0.01, 74.9% at 0.1); the calibration's 0.01
 * and fitting it on inner-fold rank scores made no difference beyond noise. Boosting: 100 stumps,
 * rate 0.1, 20 examples a side; 60–200 rounds, rates 0.05–0.2 and 10–40 a side all read 56–58%
 * recall at 88% precision (48% without), and 45–55% at 90%, where the curve is a narrow ridge.
 */
export const FIT = {
  rankL2: Number(process.env.ECHOES_RANK_L2 ?? 0.1),
  calL2: Number(process.env.ECHOES_CAL_L2 ?? 0.01),
  innerFolds: process.env.ECHOES_INNER === '1',
  boostRounds: Number(process.env.ECHOES_BOOST_ROUNDS ?? 100),
  boostRate: Number(process.env.ECHOES_BOOST_RATE ?? 0.1),
  boostMinLeaf: Number(process.env.ECHOES_BOOST_MIN_LEAF ?? 20),
};

/** The model with every number rounded for the source file (and for comparison with it). */
export function rounded(m: EchoModel, digits = 3): EchoModel {
  const r = (x: number) => Number(x.toFixed(digits));
  return {
    pool: m.pool,
    rank: Object.fromEntries(Object.entries(m.rank).map(([k, v]) => [k, r(v)])) as Record<FeatureName, number>,
    calibration: {
      bias: r(m.calibration.bias), margin: r(m.calibration.margin),
      weights: Object.fromEntries(Object.entries(m.calibration.weights).map(([k, v]) => [k, r(v)])) as Record<FeatureName, number>,
    },
    ...(m.boost ? { boost: m.boost } : {}),
  };
}

export { rankScore };

/** Each fold scored by a model fitted on the other folds: out-of-fold outcomes for every case. */
export function crossValidate(cases: readonly Case[], index: EchoIndex, pool = MODEL.pool): { outcomes: Outcome[]; models: EchoModel[] } {
  const outcomes: Outcome[] = [];
  const models: EchoModel[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const model = fitModel(cases.filter((c) => c.fold !== k), index, pool);
    models.push(model);
    outcomes.push(...run(cases.filter((c) => c.fold === k), index, model));
  }
  return { outcomes, models };
}

/**
 * Outcomes computed from collected rows, as findEchoes would give them (rank, then margin, then
 * calibration), without scoring the sentences again: fast enough to cross-validate many variants.
 * Cases with no row (not a candidate, or nothing shared) come out with no suggestion.
 */
export function rowOutcomes(cases: readonly Case[], rows: readonly Row[], modelOf: (c: Case) => EchoModel): Outcome[] {
  const byCase = new Map(rows.map((r) => [r.case!, r]));
  return cases.map((c) => {
    const r = byCase.get(c);
    if (!r) return { case: c, candidate: isCandidate(c.text), top: null, correct: false };
    const model = modelOf(c);
    const s = r.f.map((f) => rankScore(f, model));
    const order = s.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || r.f[b]![0]! - r.f[a]![0]!);
    const top = order[0]!;
    const margin = order.length > 1 ? s[top]! - s[order[1]!]! : NO_RIVAL;
    const confidence = enoughEvidence(r.f[top]!) ? calibrated(r.f[top]!, margin, model) : 0;
    return { case: c, candidate: true, top: { item: r.items![top]!, score: s[top]!, confidence, shared: { words: [], ideas: [], entities: [] } }, correct: r.right[top]! };
  });
}

/** crossValidate on collected rows: each fold scored by a model fitted on the others' rows. */
export function crossValidateRows(cases: readonly Case[], rows: readonly Row[], fit: (rows: readonly Row[]) => EchoModel = (x) => fitRows(x)): { outcomes: Outcome[]; models: EchoModel[] } {
  const models = Array.from({ length: FOLDS }, (_, k) => fit(rows.filter((r) => r.case!.fold !== k)));
  return { outcomes: rowOutcomes(cases, rows, (c) => models[c.fold]!), models };
}
