import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../../src/shared/echo/features';
import { calibrated, MODEL, rankScore } from '../../../../src/shared/echo/model';
import { fitRank } from './fit-lib';

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
});
