// Experiment with a sentence encoder (ECHOES_VECTORS_LAB=<vectors.json> only): does the cosine of a
// general-purpose sentence embedding between the page sentence and each contender add to what the
// lexical model already knows? The vectors come from sentence-vectors.mjs (the Universal Sentence
// Encoder lite, run outside the repository's dependencies). Development data only, five folds over
// chains, the labs' confidence model (lab-fit.ts); prints BENCHMARKS.md's numbers. Skipped otherwise.

import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { FEATURES } from '../../../../src/shared/echo/features';
import { evalIndex, FOLDS, loadCases, type Case, type Outcome } from './eval-lib';
import { collect, fitRank, type Row } from './fit-lib';
import { fit, type Opts } from './lab-fit';
import { labLine, labOutcome, topExample } from './lab-report';

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
      const byCase = new Map<Case, Outcome>();
      for (let k = 0; k < FOLDS; k++) {
        const train = rows.filter((r) => r.case!.fold !== k);
        const w = rankWeights(train);
        const model = fit(train.map((r) => topExample(w, r)), base);
        for (const e of rows.filter((r) => r.case!.fold === k).map((r) => topExample(w, r))) byCase.set(e.r.case!, labOutcome(e, model(e.x)));
      }
      console.log(labLine((v || 'lexical').padEnd(8), cases, byCase).line);
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
