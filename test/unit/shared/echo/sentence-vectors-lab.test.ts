// Experiment with a sentence encoder (ECHOES_VECTORS_LAB=<vectors.json> only): does the cosine of a
// general-purpose sentence embedding between the page sentence and each contender add to what the
// lexical model already knows? The vectors come from sentence-vectors.mjs (the Universal Sentence
// Encoder lite, run outside the repository's dependencies). Development data only, five folds over
// chains, the labs' confidence model (lab-fit.ts); prints BENCHMARKS.md's numbers. Skipped otherwise.

import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { enoughEvidence, FEATURES } from '../../../../src/shared/echo/features';
import { NO_RIVAL } from '../../../../src/shared/echo/find-echoes';
import { chooseThreshold, evalIndex, FOLDS, loadCases, metrics, precisionAtRecall, topOneRight, type Case, type Outcome } from './eval-lib';
import { collect, fitRank, type Row } from './fit-lib';
import { fit, type Opts } from './lab-fit';

const vectorsFile = process.env.ECHOES_VECTORS_LAB;
const textsFile = process.env.ECHOES_VECTORS_TEXTS;
const dot = (w: readonly number[], f: readonly number[]) => w.reduce((s, x, i) => s + x * f[i]!, 0);
const cosine = (a: readonly number[], b: readonly number[]) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));

/** Share of (right, wrong) score pairs the score orders rightly: 0.5 is chance. */
function auc(right: readonly number[], wrong: readonly number[]): number {
  let a = 0;
  for (const p of right) for (const n of wrong) a += p > n ? 1 : p === n ? 0.5 : 0;
  return a / (right.length * wrong.length);
}

/** '' the lexical features alone; 'c' the cosine in the confidence; 'r' in the ranking too; 'g' also its gap to the pool's best. */
const VARIANTS = ['', 'c', 'cr', 'cgr'];

describe.runIf(!!vectorsFile || !!textsFile)('echo sentence-vector lab (development data only)', () => {
  it.runIf(!!textsFile)('lists the texts to embed', () => {
    const { cases, claims } = loadCases();
    const texts = new Set([...cases.map((c) => c.text), ...evalIndex(claims).items.map((it) => it.text)]);
    writeFileSync(textsFile!, JSON.stringify([...texts]));
    expect(texts.size).toBeGreaterThan(cases.length);
  });

  it.runIf(!textsFile)('prints cross-validated numbers for each variant', () => {
    const vectors: Record<string, number[]> = JSON.parse(readFileSync(vectorsFile!, 'utf8'));
    const { cases, claims } = loadCases();
    const index = evalIndex(claims);
    const plain = collect(cases, index);
    const d = FEATURES.length;
    const cosOf = (a: string, b: string) => cosine(vectors[a]!, vectors[b]!);
    const extend = (r: Row, v: string): Row => {
      if (!v) return r;
      const sims = r.items!.map((it) => cosOf(r.case!.text, it.text));
      const best = Math.max(...sims);
      return { ...r, f: r.f.map((f, i) => [...f, sims[i]!, ...(v.includes('g') ? [sims[i]! - best] : [])]) };
    };
    const base: Opts = { l2: 0.01, rounds: 100, rate: 0.1, minLeaf: 20, depth: 1, balance: false };
    for (const v of VARIANTS) {
      const rows = plain.map((r) => extend(r, v));
      const rankWeights = (train: Row[]) => (v.includes('r') ? fitRank(train)
        : [...fitRank(train.map((r) => ({ ...r, f: r.f.map((f) => f.slice(0, d)) }))), ...new Array<number>(train[0]!.f[0]!.length - d).fill(0)]);
      const example = (w: number[]) => (r: Row) => {
        const s = r.f.map((f) => dot(w, f));
        const order = s.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || r.f[b]![0]! - r.f[a]![0]!);
        const top = order[0]!;
        const margin = order.length > 1 ? s[top]! - s[order[1]!]! : NO_RIVAL;
        return { x: [margin, ...r.f[top]!], y: r.right[top] ? 1 : 0, ok: enoughEvidence(r.f[top]!), r, top };
      };
      const byCase = new Map<Case, Outcome>();
      for (let k = 0; k < FOLDS; k++) {
        const train = rows.filter((r) => r.case!.fold !== k);
        const w = rankWeights(train);
        const model = fit(train.map(example(w)), base);
        for (const e of rows.filter((r) => r.case!.fold === k).map(example(w))) {
          byCase.set(e.r.case!, { case: e.r.case!, candidate: true, top: { item: e.r.items![e.top]!, score: 0, confidence: e.ok ? model(e.x) : 0, shared: { words: [], ideas: [], entities: [] } }, correct: e.r.right[e.top]! });
        }
      }
      const oof: Outcome[] = cases.map((c) => byCase.get(c) ?? { case: c, candidate: false, top: null, correct: false });
      const t = chooseThreshold(oof);
      const m = metrics(oof, t);
      const rec = [0.85, 0.88, 0.9].map((p) => (metrics(oof, chooseThreshold(oof, p)).recall * 100).toFixed(1)).join('/');
      const par = [0.5, 0.6, 0.7].map((g) => ((precisionAtRecall(oof, g) ?? 0) * 100).toFixed(1)).join('/');
      console.log(`${(v || 'lexical').padEnd(8)} P ${(m.precision * 100).toFixed(1)} R ${(m.recall * 100).toFixed(1)} (${m.truePositives}/${m.wrongItem}/${m.falseAlarms}) @${t.toFixed(4)} top1 ${(topOneRight(oof) * 100).toFixed(1)} R@85/88/90 ${rec} P@R50/60/70 ${par}`);
      if (v) continue;
      // Where the threshold is decided: does the cosine tell right tops from wrong ones there?
      const shown = [...byCase.values()].filter((o) => o.top);
      const cos = (o: Outcome) => cosOf(o.case.text, o.top!.item.text);
      const split = (os: Outcome[]) => auc(os.filter((o) => o.correct).map(cos), os.filter((o) => !o.correct).map(cos)).toFixed(3);
      const sure = shown.filter((o) => o.top!.confidence >= 0.5);
      const pairs = rows.filter((r) => r.case!.kind === 'pair' && r.right.some(Boolean));
      const cosFirst = pairs.filter((r) => { const s = r.items!.map((it) => cosOf(r.case!.text, it.text)); return r.right[s.indexOf(Math.max(...s))]; }).length;
      console.log(`cosine: AUC of right vs wrong tops ${split(shown)} (lexical confidence ${auc(shown.filter((o) => o.correct).map((o) => o.top!.confidence), shown.filter((o) => !o.correct).map((o) => o.top!.confidence)).toFixed(3)}); among tops at confidence >= 0.5 (${sure.filter((o) => o.correct).length} right, ${sure.filter((o) => !o.correct).length} wrong) ${split(sure)}; the cosine's own first choice is right for ${cosFirst} of ${pairs.length} pairs with the right item in the pool`);
    }
    expect(plain.length).toBeGreaterThan(0);
  }, 1_800_000);
});
