// The small linear model that ranks earlier items for a sentence and says how sure it is: one weight
// per feature (features.ts) for ranking, then a logistic calibration of the item's features and its
// margin over the best rival. Fitted on the development set only by test/unit/shared/echo/fit-lib.ts;
// see BENCHMARKS.md, "Sound familiar? echoes".

import { FEATURES, type FeatureName } from './features';

export interface EchoModel {
  /** How many items, best by BM25, the model re-ranks; the rest cannot be suggested. */
  pool: number;
  rank: Record<FeatureName, number>;
  /** P(right) = sigmoid(bias + margin × (rank score − best other's) + Σ weight × feature), of the item shown. */
  calibration: { bias: number; margin: number; weights: Record<FeatureName, number> };
}

// Fitted on the whole development set (pairs.json, negatives.json) with DEFAULT_PARAMS; the fresh
// held-out set (fresh-*.json) was never used. ECHOES_DEV=1 on test/unit/shared/echo/echo-dev.test.ts
// refits and prints these numbers.
export const MODEL: EchoModel = {
  pool: 20,
  rank: {
    bm25: 3.347, coverage: 0.526, itemCoverage: 0.038, words: 1.015, rarest: 0.115, phrases: -0.29, ideas: 1.667,
    figures: 0.781, ownEntity: 1.16, otherEntity: -0.553, yearsBack: 0.174, kindPerson: 0.39, kindBody: 0.004, kindClaim: 0.136,
  },
  calibration: {
    bias: -5.291, margin: 0.339,
    weights: {
      bm25: 1.36, coverage: 0.453, itemCoverage: 0.171, words: 0.251, rarest: -0.417, phrases: 0.471, ideas: 1.222,
      figures: 0.633, ownEntity: 0.864, otherEntity: 0.05, yearsBack: -0.416, kindPerson: 0.076, kindBody: -0.027, kindClaim: 0.332,
    },
  },
};

function weigh(weights: Record<FeatureName, number>, f: readonly number[]): number {
  let s = 0;
  FEATURES.forEach((name, i) => { s += weights[name] * f[i]!; });
  return s;
}

export function rankScore(f: readonly number[], model: EchoModel = MODEL): number {
  return weigh(model.rank, f);
}

/** How sure the model is that an item with these features, this far ahead of its best rival, is right. */
export function calibrated(f: readonly number[], margin: number, model: EchoModel = MODEL): number {
  const { bias, margin: m, weights } = model.calibration;
  return 1 / (1 + Math.exp(-(bias + m * margin + weigh(weights, f))));
}
