// Experiments on the echo confidence (ECHOES_LAB=1 only): features of the rest of the pool, deeper
// trees, class weights, each fitted inside the cross-validation folds on collected rows, and the
// numbers of BENCHMARKS.md's development loop for each variant. Skipped on ordinary runs.

import { describe, expect, it } from 'vitest';
import { enoughEvidence, FEATURES } from '../../../../src/shared/echo/features';
import { NO_RIVAL } from '../../../../src/shared/echo/find-echoes';
import { MODEL } from '../../../../src/shared/echo/model';
import { chooseThreshold, evalIndex, FOLDS, loadCases, metrics, precisionAtRecall, topOneRight, type Outcome } from './eval-lib';
import { collect, fitRank, type Row } from './fit-lib';

const on = process.env.ECHOES_LAB === '1';
const dot = (w: readonly number[], f: readonly number[]) => w.reduce((s, x, i) => s + x * f[i]!, 0);

interface Ex { x: number[]; y: number; row: Row; top: number; ok: boolean }

/** Pool features beyond the top's own: what ranks 2–3 say. */
function extras(r: Row, s: number[], order: number[], which: string[]): number[] {
  const top = order[0]!;
  const it = r.items!;
  const ent = (i: number) => it[i]!.entityId ?? it[i]!.id;
  const max = s[top]!;
  const e = s.map((x) => Math.exp(x - max));
  const z = e.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  for (const w of which) {
    if (w === 'share') out.push(e[top]! / z);
    if (w === 'entShare') out.push(e.reduce((a, b, i) => a + (ent(i) === ent(top) ? b : 0), 0) / z);
    if (w === 'same2') out.push(order[1] !== undefined && ent(order[1]) === ent(top) ? 1 : 0);
    if (w === 'same23') out.push(order.slice(1, 3).filter((i) => ent(i) === ent(top)).length);
    if (w === 'gap3') out.push(order[2] !== undefined ? Math.min(NO_RIVAL * 2, s[top]! - s[order[2]]!) : NO_RIVAL * 2);
    if (w === 'link2') out.push(order[1] !== undefined && (it[order[1]]!.entities ?? []).some((x: string) => (it[top]!.entities ?? []).includes(x)) ? 1 : 0);
    if (w === 'poolN') out.push(r.f.length / MODEL.pool);
  }
  return out;
}

function examples(rows: readonly Row[], w: number[], which: string[]): Ex[] {
  return rows.map((r) => {
    const s = r.f.map((f) => dot(w, f));
    const order = s.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || r.f[b]![0]! - r.f[a]![0]!);
    const top = order[0]!;
    const margin = order.length > 1 ? s[top]! - s[order[1]!]! : NO_RIVAL;
    return { x: [margin, ...r.f[top]!, ...extras(r, s, order, which)], y: r.right[top] ? 1 : 0, row: r, top, ok: enoughEvidence(r.f[top]!) };
  });
}

interface Opts { l2: number; rounds: number; rate: number; minLeaf: number; depth: number; balance: boolean; iso?: boolean }
type Tree = (x: number[]) => number;

function fit(xs: Ex[], o: Opts): (x: number[]) => number {
  const d = xs[0]!.x.length + 1;
  const pos = xs.filter((x) => x.y === 1).length;
  const wt = xs.map((x) => (o.balance ? (x.y === 1 ? xs.length / (2 * pos) : xs.length / (2 * (xs.length - pos))) : 1));
  const c = new Array<number>(d).fill(0);
  const v = (x: Ex) => [1, ...x.x];
  for (let step = 0; step < 3000; step++) {
    const g = new Array<number>(d).fill(0);
    xs.forEach((x, j) => { const xv = v(x); const p = 1 / (1 + Math.exp(-dot(c, xv))); for (let k = 0; k < d; k++) g[k]! += wt[j]! * (x.y - p) * xv[k]!; });
    for (let k = 0; k < d; k++) c[k]! += 0.2 * (g[k]! / xs.length - (k === 0 ? 0 : o.l2 * c[k]!));
  }
  const cuts = xs[0]!.x.map((_, k) => {
    const vals = [...new Set(xs.map((x) => x.x[k]!))].sort((a, b) => a - b);
    const at = new Set<number>();
    for (let q = 1; q < 16; q++) { const i = Math.floor((q * vals.length) / 16); if (i > 0 && i < vals.length) at.add((vals[i - 1]! + vals[i]!) / 2); }
    return [...at];
  });
  const zs = xs.map((x) => dot(c, v(x)));
  const trees: Tree[] = [];
  // One split of the examples in `idx`: the best feature and cut by Newton gain.
  const split = (idx: number[], g: number[], h: number[]) => {
    let best: { k: number; at: number; gain: number } | null = null;
    cuts.forEach((cs, k) => { for (const at of cs) {
      let gl = 0, hl = 0, nl = 0, gr = 0, hr = 0, nr = 0;
      for (const i of idx) { if (xs[i]!.x[k]! < at) { gl += g[i]!; hl += h[i]!; nl++; } else { gr += g[i]!; hr += h[i]!; nr++; } }
      if (nl < o.minLeaf || nr < o.minLeaf) continue;
      const gain = (gl * gl) / (hl + 1) + (gr * gr) / (hr + 1) - ((gl + gr) ** 2) / (hl + hr + 1);
      if (!best || gain > best.gain) best = { k, at, gain };
    } });
    return best as { k: number; at: number; gain: number } | null;
  };
  const leaf = (idx: number[], g: number[], h: number[]) => { let gs = 0, hs = 0; for (const i of idx) { gs += g[i]!; hs += h[i]!; } return (o.rate * gs) / (hs + 1); };
  const grow = (idx: number[], g: number[], h: number[], depth: number): Tree => {
    const b = depth > 0 ? split(idx, g, h) : null;
    if (!b) { const val = leaf(idx, g, h); return () => val; }
    const l = grow(idx.filter((i) => xs[i]!.x[b.k]! < b.at), g, h, depth - 1);
    const r = grow(idx.filter((i) => xs[i]!.x[b.k]! >= b.at), g, h, depth - 1);
    return (x) => (x[b.k]! < b.at ? l(x) : r(x));
  };
  const all = xs.map((_, i) => i);
  for (let round = 0; round < o.rounds; round++) {
    const p = zs.map((z) => 1 / (1 + Math.exp(-z)));
    const g = xs.map((x, i) => wt[i]! * (x.y - p[i]!));
    const h = p.map((q, i) => wt[i]! * q * (1 - q));
    const t = grow(all, g, h, o.depth);
    trees.push(t);
    xs.forEach((x, i) => { zs[i]! += t(x.x); });
  }
  const raw = (x: number[]) => { let z = dot(c, [1, ...x]); for (const t of trees) z += t(x); return 1 / (1 + Math.exp(-z)); };
  if (!o.iso) return raw;
  // Isotonic map of the raw score, by pooled adjacent violators, on inner-fold scores of these rows.
  const pts = xs.filter((x) => x.ok).map((x) => ({ s: raw(x.x), y: x.y })).sort((a, b) => a.s - b.s);
  const blocks: { lo: number; v: number; n: number }[] = [];
  for (const p of pts) {
    blocks.push({ lo: p.s, v: p.y, n: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.v >= blocks[blocks.length - 1]!.v) {
      const b = blocks.pop()!; const a = blocks[blocks.length - 1]!;
      a.v = (a.v * a.n + b.v * b.n) / (a.n + b.n); a.n += b.n;
    }
  }
  // Ties within a block broken by the raw score, so the map stays strictly monotone.
  return (x) => { const r = raw(x); let v = 0; for (const b of blocks) if (r >= b.lo) v = b.v; return v * 0.999 + r * 0.001; };
}

describe.runIf(on)('echo confidence lab (development data only)', () => {
  it('prints cross-validated numbers for each variant', () => {
    const { cases, claims } = loadCases();
    const index = evalIndex(claims);
    const rows = collect(cases, index);
    const ranks = Array.from({ length: FOLDS }, (_, k) => fitRank(rows.filter((r) => r.case!.fold !== k)));
    const base: Opts = { l2: 0.01, rounds: 100, rate: 0.1, minLeaf: 20, depth: 1, balance: false };
    const variants: [string, string[], Opts][] = JSON.parse(process.env.ECHOES_LAB_VARIANTS ?? 'null') ?? [['baseline', [], base]];
    for (const [name, which, o0] of variants) {
      const o = { ...base, ...o0 };
      const byCase = new Map<unknown, Outcome>();
      for (let k = 0; k < FOLDS; k++) {
        const model = fit(examples(rows.filter((r) => r.case!.fold !== k), ranks[k]!, which), o);
        for (const ex of examples(rows.filter((r) => r.case!.fold === k), ranks[k]!, which)) {
          const conf = ex.ok ? model(ex.x) : 0;
          byCase.set(ex.row.case, { case: ex.row.case!, candidate: true, top: { item: ex.row.items![ex.top]!, score: 0, confidence: conf, shared: { words: [], ideas: [], entities: [] } }, correct: ex.row.right[ex.top]! });
        }
      }
      if (process.env.ECHOES_LAB_DUMP === '1') {
        // The pool's features are described for every variant, whether or not the model uses them.
        const look = ['share', 'entShare', 'same2', 'same23', 'link2'];
        const names = ['margin', ...FEATURES, ...look];
        const groups: Record<string, number[][]> = { 'A right top below': [], 'B wrong/false alarm above': [], 'C hit above': [] };
        const th = 0.7749;
        for (let k = 0; k < FOLDS; k++) for (const ex of examples(rows.filter((r) => r.case!.fold === k), ranks[k]!, look)) {
          const conf = byCase.get(ex.row.case)!.top!.confidence;
          if (ex.y === 1 && conf < th) groups['A right top below']!.push(ex.x);
          if (ex.y === 0 && conf >= th) { groups['B wrong/false alarm above']!.push(ex.x); console.log(`B ${ex.row.case!.id} ${ex.row.case!.kind} conf ${conf.toFixed(2)} top ${ex.row.items![ex.top]!.id} ${look.map((w, i) => `${w}=${ex.x[1 + FEATURES.length + i]!.toFixed(2)}`).join(' ')} margin=${ex.x[0]!.toFixed(2)} "${ex.row.case!.text.slice(0, 90)}"`); }
          if (ex.y === 1 && conf >= th) groups['C hit above']!.push(ex.x);
        }
        for (const [g, xs] of Object.entries(groups)) console.log(`${g} (${xs.length}): ` + names.map((n, i) => `${n} ${(xs.reduce((a, x) => a + x[i]!, 0) / Math.max(1, xs.length)).toFixed(2)}`).join(', '));
      }
      const oof: Outcome[] = cases.map((c) => byCase.get(c) ?? { case: c, candidate: false, top: null, correct: false });
      const t = chooseThreshold(oof);
      const m = metrics(oof, t);
      const rec = [0.85, 0.88, 0.9].map((p) => (metrics(oof, chooseThreshold(oof, p)).recall * 100).toFixed(1)).join('/');
      const par = [0.5, 0.6, 0.7].map((g) => ((precisionAtRecall(oof, g) ?? 0) * 100).toFixed(1)).join('/');
      console.log(`${name.padEnd(28)} P ${(m.precision * 100).toFixed(1)} R ${(m.recall * 100).toFixed(1)} (${m.truePositives}/${m.wrongItem}/${m.falseAlarms}) @${t.toFixed(4)} top1 ${(topOneRight(oof) * 100).toFixed(1)} R@85/88/90 ${rec} P@R50/60/70 ${par}`);
    }
    expect(FEATURES.length).toBeGreaterThan(0);
  }, 1_200_000);
});
