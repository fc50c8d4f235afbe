import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../../src/shared/echo/features';
import { calibrated, MODEL, rankScore } from '../../../../src/shared/echo/model';
import { FIT, fitBoost, fitCalibration, fitRank, type Row } from './fit-lib';

describe('echo model', () => {
  it('has a weight for every feature and nothing else', () => {
    expect(Object.keys(MODEL.rank).sort()).toEqual([...FEATURES].sort());
    expect(Object.keys(MODEL.calibration.weights).sort()).toEqual([...FEATURES].sort());
  });

  it('ranks by a weighted sum and gives a probability, surer with a clearer lead', () => {
    const f = FEATURES.map(() => 0.5);
    expect(rankScore(f)).toBeCloseTo(FEATURES.reduce((s, n) => s + 0.5 * MODEL.rank[n], 0));
    const close = calibrated(f, 0.1);
    const clear = calibrated(f, 3);
    expect(close).toBeGreaterThan(0);
    expect(clear).toBeLessThan(1);
    expect(clear).toBeGreaterThanOrEqual(close);
  });

  it('fitting learns to prefer the feature that marks the right contender', () => {
    // Feature 1 marks the right item; bm25 (feature 0) is noise that favours a wrong one.
    const row = (right: number) => ({
      f: [0, 1, 2].map((i) => FEATURES.map((_, k) => (k === 0 ? (i === 2 ? 1 : 0) : k === 1 ? (i === right ? 1 : 0) : 0))),
      right: [0, 1, 2].map((i) => i === right),
      kind: 'pair' as const,
    });
    const w = fitRank([row(0), row(1), row(0), row(1)], 0.01, 300, 0.5);
    expect(w[1]).toBeGreaterThan(w[0]!);
  });

  it('adds each stump of the boost to the log-odds, on the side its feature or the margin falls', () => {
    const f = FEATURES.map(() => 0.5);
    const plain = { ...MODEL, boost: [] };
    const logit = (p: number) => Math.log(p / (1 - p));
    const bent = { ...MODEL, boost: [{ on: 'bm25' as const, at: 1, left: -1, right: 2 }, { on: 'margin' as const, at: 1, left: 0.5, right: 0 }] };
    expect(logit(calibrated(f, 0.1, bent)) - logit(calibrated(f, 0.1, plain))).toBeCloseTo(-0.5);
    expect(logit(calibrated(f.map(() => 2), 3, bent)) - logit(calibrated(f.map(() => 2), 3, plain))).toBeCloseTo(2);
  });

  it('boosting learns what a straight line cannot: right only where bm25 is in a middle band', () => {
    // One contender per row, so the margin says nothing; the truth is 0.3 <= bm25 < 0.7.
    const rows: Row[] = Array.from({ length: 200 }, (_, i) => {
      const b = (i % 100) / 100;
      return { f: [FEATURES.map((_, k) => (k === 0 ? b : 0))], right: [b >= 0.3 && b < 0.7], kind: 'pair' as const };
    });
    const w = FEATURES.map((_, k) => (k === 0 ? 1 : 0));
    const calibration = fitCalibration(rows, w);
    const opts = { ...FIT, boostRounds: 60, boostRate: 0.3, boostMinLeaf: 10 };
    const model = { ...MODEL, rank: Object.fromEntries(FEATURES.map((n, k) => [n, w[k]!])) as typeof MODEL.rank, calibration };
    const accuracy = (m: typeof model) => rows.filter((r) => (calibrated(r.f[0]!, 2, m) >= 0.5) === r.right[0]).length / rows.length;
    const boosted = { ...model, boost: fitBoost(rows, w, calibration, opts) };
    expect(accuracy(model)).toBeLessThan(0.7);
    // Cuts are quantile midpoints, so the band's edges are found to within a bin.
    expect(accuracy(boosted)).toBeGreaterThanOrEqual(0.95);
  });
});

