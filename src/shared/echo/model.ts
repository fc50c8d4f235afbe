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
    bm25: 1.822, coverage: 0.32, itemCoverage: 0.215, words: 0.367, rarest: 0.167, phrases: 0.507, ideas: 0.766,
    figures: 0.171, ownEntity: 0.712, otherEntity: -0.038, yearsBack: -0.377, kindPerson: -0.041,
    kindBody: 0.008, kindClaim: -0.008, content: 0.299, typePromise: 0.2, typeLaunch: -0.303,
    futureLaunch: -0.292,
  },
  calibration: {
    bias: -6.071, margin: 0.306,
    weights: {
      bm25: 1.681, coverage: 0.274, itemCoverage: 0.306, words: 0.118, rarest: -0.283, phrases: 0.468,
      ideas: 1.095, figures: 0.251, ownEntity: 1.019, otherEntity: -0.08, yearsBack: -0.35, kindPerson: 0.05,
      kindBody: -0.13, kindClaim: 0.075, content: 0.346, typePromise: -0.108, typeLaunch: -0.229,
      futureLaunch: -0.428,
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
