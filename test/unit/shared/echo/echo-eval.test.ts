// Evaluates "Sound familiar?" echoes (issue 13) and, with ECHOES_BENCH=1, writes the "Sound familiar?
// echoes" section of BENCHMARKS.md (not on every unit run: its timings would dirty the file).
// Development data (eval-lib.ts DEVELOPMENT): five-fold cross-validation over chains — each fold
// scored by a model fitted on the other four — and the threshold chosen on those out-of-fold
// confidences. Held-out files (eval-lib.ts HELD_OUT), if any: scored once by the shipped model at
// the shipped threshold.

import { describe, expect, it } from 'vitest';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { BACKGROUND } from '../../../../src/shared/echo/background';
import { DEFAULT_MIN_CONFIDENCE, findEchoes, isEarlier } from '../../../../src/shared/echo/find-echoes';
import { buildEchoIndex } from '../../../../src/shared/echo/index-build';
import { causes } from './error-analysis';
import { chooseThreshold, evalIndex, HELD_OUT, loadCases, metrics, run } from './eval-lib';
import { writeSection } from './eval-report';
import { crossValidate } from './fit-lib';

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
  const dev = loadCases();
  const held = HELD_OUT.length > 0 ? loadCases(HELD_OUT) : null;
  const index = evalIndex([...dev.claims, ...(held?.claims ?? [])]);
  const cv = crossValidate(dev.cases, index);
  const threshold = chooseThreshold(cv.outcomes, TARGET_PRECISION);
  const inSample = run(dev.cases, index);
  const heldOut = held ? run(held.cases, index) : null;

  it('ran on every case, and the development data is big enough', () => {
    const count = (kind: string) => dev.cases.filter((c) => c.kind === kind).length;
    expect(count('pair')).toBeGreaterThanOrEqual(80);
    expect(count('negative')).toBeGreaterThanOrEqual(300);
    expect(cv.outcomes.length).toBe(dev.cases.length);
    // Every fold holds pairs and negatives, and no chain is split across folds.
    for (let k = 0; k < cv.models.length; k++) {
      expect(dev.cases.some((c) => c.fold === k && c.kind === 'pair')).toBe(true);
      expect(dev.cases.some((c) => c.fold === k && c.kind === 'negative')).toBe(true);
    }
    const foldOf = new Map<string, number>();
    for (const c of dev.cases) expect(foldOf.get(c.group) ?? c.fold).toBe(foldOf.set(c.group, c.fold).get(c.group));
  });

  it('never suggests an item dated on or after the page', () => {
    for (const c of [...dev.cases, ...(held?.cases ?? [])]) {
      for (const e of findEchoes(c.text, c.date, index, { minConfidence: 0, limit: 10 })) {
        expect(isEarlier(e.item.date, c.date), `${c.id}: ${e.item.id} (${e.item.date}) vs ${c.date}`).toBe(true);
      }
    }
    // Every case, ten suggestions each: more than the default 5 s on a loaded shared machine.
  }, 120_000);

  it('does not echo a bare body name with no promise content (seen in use), whatever the page date', () => {
    // A guard: on today's knowledge the model before this one scored it at most 0.49 at these dates
    // (the false alarm was seen on an earlier knowledge base); features.test.ts has what the model now sees.
    for (const date of ['2019-06', '2023-01-15', '2026-12-06']) {
      expect(findEchoes('The Government Digital Service will host the new service.', date, index)).toEqual([]);
    }
  });

  it("does not echo a politician's event on his name plus generic words (seen on held-out set 2)", () => {
    // The model frozen at 219fae2 showed his 2010 spending-transparency event at 0.95 and 0.92.
    for (const [text, date] of [
      ['Eric Pickles announced a £250m pot to help English councils keep or bring back weekly bin collections.', '2011-09-30'],
      ['Eric Pickles warned that councils which do not offer a weekly household waste collection could put public funding at risk.', '2012-11-26'],
    ] as const) expect(findEchoes(text, date, index)).toEqual([]);
  });

  it('computes cross-validated precision and recall, and writes BENCHMARKS.md', () => {
    const byFile = (file: string, t: number) => metrics(cv.outcomes.filter((o) => o.case.file === file || o.case.file === file.replace('pairs', 'negatives')), t);
    const m = {
      cv: metrics(cv.outcomes, threshold),
      cvShipped: metrics(cv.outcomes, DEFAULT_MIN_CONFIDENCE),
      cvFirst: byFile('pairs', DEFAULT_MIN_CONFIDENCE),
      cvFresh: byFile('fresh-pairs', DEFAULT_MIN_CONFIDENCE),
      cvHeldout2: byFile('heldout2-pairs', DEFAULT_MIN_CONFIDENCE),
      cvHeldout3: byFile('heldout3-pairs', DEFAULT_MIN_CONFIDENCE),
      cvHeldout4: byFile('heldout4-pairs', DEFAULT_MIN_CONFIDENCE),
      cvHeldout5: byFile('heldout5-pairs', DEFAULT_MIN_CONFIDENCE),
      inSample: metrics(inSample, DEFAULT_MIN_CONFIDENCE),
      ...(heldOut ? { heldOut: metrics(heldOut, DEFAULT_MIN_CONFIDENCE) } : {}),
    };
    for (const x of Object.values(m)) {
      expect(Number.isFinite(x.precision) && Number.isFinite(x.recall)).toBe(true);
      expect(x.truePositives + x.wrongItem).toBeLessThanOrEqual(x.pairs);
    }
    const entities = builtinEntities();
    const buildMs = timeIt(() => buildEchoIndex(entities, { claims: dev.claims }), 5);
    const sample = dev.cases.filter((c, i) => i % 5 === 0);
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
      threshold, metrics: m, outOfFold: cv.outcomes, heldOut,
      causes: causes(cv.outcomes, DEFAULT_MIN_CONFIDENCE, index, cv.models, dev.cases),
      buildMs, scoreMs, worstMs, sampled: sample.length,
      items: builtin.items.length, bytes: JSON.stringify(builtin).length, backgroundBytes: JSON.stringify(BACKGROUND).length,
      targetPrecision: TARGET_PRECISION,
    });
  }, 600_000);
});
