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

// Fitted on all the development data (pairs.json, negatives.json, fresh-pairs.json,
// fresh-negatives.json) with DEFAULT_PARAMS and fit-lib.ts FIT; never on a held-out file.
// ECHOES_DEV=1 on test/unit/shared/echo/echo-dev.test.ts refits and prints these numbers, and the
// cross-validated precision and recall (BENCHMARKS.md).
export const MODEL: EchoModel = {
  pool: 20,
  rank: {
    bm25: 1.83, coverage: 0.324, itemCoverage: 0.208, words: 0.41, rarest: 0.192, phrases: 0.503, ideas: 0.769,
    figures: 0.174, ownEntity: 0.716, otherEntity: -0.02, yearsBack: -0.215, kindPerson: -0.033, kindBody: -0.021,
    kindClaim: 0.003, content: 0.299, typePromise: 0.165, typeLaunch: -0.295, futureLaunch: -0.283,
  },
  calibration: {
    bias: -6.109, margin: 0.303,
    weights: {
      bm25: 1.682, coverage: 0.273, itemCoverage: 0.311, words: 0.114, rarest: -0.287, phrases: 0.475, ideas: 1.093,
      figures: 0.252, ownEntity: 1.024, otherEntity: -0.077, yearsBack: -0.192, kindPerson: 0.043, kindBody: -0.109,
      kindClaim: 0.051, content: 0.375, typePromise: -0.074, typeLaunch: -0.246, futureLaunch: -0.455,
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
