// Evaluates "Sound familiar?" echoes (issue 13) and, with ECHOES_BENCH=1, writes the "Sound familiar?
// echoes" section of BENCHMARKS.md (not on every unit run: its timings would dirty the file).
// Development set (pairs.json, negatives.json): the model is refitted on each half and scored on the
// other, and the threshold is chosen on those out-of-fold confidences. Fresh set (fresh-*.json,
// written before the model existed): scored once by the shipped model at the shipped threshold.

import { describe, expect, it } from 'vitest';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { BACKGROUND } from '../../../../src/shared/echo/background';
import { DEFAULT_MIN_CONFIDENCE, findEchoes, isEarlier } from '../../../../src/shared/echo/find-echoes';
import { buildEchoIndex } from '../../../../src/shared/echo/index-build';
import { chooseThreshold, evalIndex, loadCases, metrics, repeatsDevelopment, run } from './eval-lib';
import { writeSection } from './eval-report';
import { fitModel } from './fit-lib';

const TARGET_PRECISION = 0.9;

function timeIt(f: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

describe('Sound familiar? echoes on the labelled sets', () => {
  const dev = loadCases('dev');
  const fresh = loadCases('fresh');
  const index = evalIndex([...dev.claims, ...fresh.claims]);
  const halfA = dev.cases.filter((c) => c.split === 'dev');
  const halfB = dev.cases.filter((c) => c.split === 'test');
  // Each half scored by a model that never saw it.
  const outOfFold = [...run(halfA, index, fitModel(halfB, index)), ...run(halfB, index, fitModel(halfA, index))];
  const threshold = chooseThreshold(outOfFold, TARGET_PRECISION);
  const inSample = run(dev.cases, index);
  const freshOut = run(fresh.cases, index);
  // Written from the same public record, some fresh cases retell a development case's event or
  // sentence; they are reported apart as well (the headline keeps the whole set as committed).
  const independent = freshOut.filter((o) => !repeatsDevelopment(o.case, dev.cases));

  it('ran on every case, and both sets are big enough', () => {
    const count = (cases: typeof dev.cases, kind: string) => cases.filter((c) => c.kind === kind).length;
    expect(count(dev.cases, 'pair')).toBeGreaterThanOrEqual(80);
    expect(count(dev.cases, 'negative')).toBeGreaterThanOrEqual(300);
    expect(count(fresh.cases, 'pair')).toBeGreaterThanOrEqual(40);
    expect(count(fresh.cases, 'negative')).toBeGreaterThanOrEqual(100);
    expect(outOfFold.length).toBe(dev.cases.length);
    expect(freshOut.length).toBe(fresh.cases.length);
    // Most of the fresh set is independent of the development set.
    expect(independent.filter((o) => o.case.kind === 'pair').length).toBeGreaterThanOrEqual(30);
    expect(independent.filter((o) => o.case.kind === 'negative').length).toBeGreaterThanOrEqual(60);
  });

  it('never suggests an item dated on or after the page', () => {
    for (const c of [...dev.cases, ...fresh.cases]) {
      for (const e of findEchoes(c.text, c.date, index, { minConfidence: 0, limit: 10 })) {
        expect(isEarlier(e.item.date, c.date), `${c.id}: ${e.item.id} (${e.item.date}) vs ${c.date}`).toBe(true);
      }
    }
  });

  it('computes precision and recall on both sets, and writes BENCHMARKS.md', () => {
    const m = {
      fresh: metrics(freshOut, DEFAULT_MIN_CONFIDENCE),
      freshAtChosen: metrics(freshOut, threshold),
      freshIndependent: metrics(independent, DEFAULT_MIN_CONFIDENCE),
      oof: metrics(outOfFold, threshold),
      oofA: metrics(outOfFold.filter((o) => o.case.split === 'dev'), threshold),
      oofB: metrics(outOfFold.filter((o) => o.case.split === 'test'), threshold),
      inSample: metrics(inSample, DEFAULT_MIN_CONFIDENCE),
    };
    for (const x of Object.values(m)) {
      expect(Number.isFinite(x.precision) && Number.isFinite(x.recall)).toBe(true);
      expect(x.truePositives + x.wrongItem).toBeLessThanOrEqual(x.pairs);
    }
    const entities = builtinEntities();
    const buildMs = timeIt(() => buildEchoIndex(entities, { claims: dev.claims }), 5);
    const sample = [...dev.cases, ...fresh.cases].filter((c, i) => i % 5 === 0);
    const scoreMs = timeIt(() => { for (const c of sample) findEchoes(c.text, c.date, index); }, 5) / sample.length;
    let worstMs = 0;
    for (const c of sample) {
      const t = performance.now();
      findEchoes(c.text, c.date, index);
      worstMs = Math.max(worstMs, performance.now() - t);
    }
    const builtin = buildEchoIndex(entities);
    if (process.env.ECHOES_BENCH !== '1') return;
    writeSection({
      threshold, metrics: m, outOfFold, freshOut, repeats: freshOut.filter((o) => !independent.includes(o)).map((o) => o.case.id), buildMs, scoreMs, worstMs, sampled: sample.length,
      items: builtin.items.length, bytes: JSON.stringify(builtin).length, backgroundBytes: JSON.stringify(BACKGROUND).length,
      targetPrecision: TARGET_PRECISION,
    });
  }, 120_000);
});
