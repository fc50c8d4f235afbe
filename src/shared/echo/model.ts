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

// Fitted on all the development data (eval-lib.ts DEVELOPMENT: pairs, negatives, fresh and held-out
// sets 2, 3 and 4) with DEFAULT_PARAMS and fit-lib.ts FIT; never on a held-out file.
// ECHOES_DEV=1 on test/unit/shared/echo/echo-dev.test.ts refits and prints these numbers, and the
// cross-validated precision and recall (BENCHMARKS.md).
export const MODEL: EchoModel = {
  pool: 20,
  // known and knownPhrases weigh nothing here: alike for a sentence's built-in items, they cannot order them.
  rank: {
    bm25: 1.835, coverage: 0.196, itemCoverage: 0.175, words: 0.178, rarest: -0.059, phrases: 0.128,
    ideas: 0.602, figures: 0.202, ownEntity: 0.576, otherEntity: 0.018, yearsBack: -0.357, kindPerson: 0.007,
    kindBody: 0.062, kindClaim: -0.044, content: 0.122, typePromise: 0.377, typeLaunch: -0.274, futureLaunch: -0.148,
    specific: 0.532, hinted: 0.128, known: 0, knownPhrases: 0,
  },
  calibration: {
    bias: -7.179, margin: 0.195,
    weights: {
      bm25: 1.371, coverage: 0.119, itemCoverage: 0.225, words: 0.052, rarest: -0.538, phrases: -0.123,
      ideas: 0.84, figures: 0.19, ownEntity: 0.808, otherEntity: 0.135, yearsBack: -0.321, kindPerson: -0.071,
      kindBody: -0.137, kindClaim: 0.109, content: 0.101, typePromise: 0.047, typeLaunch: -0.284, futureLaunch: -0.404,
      specific: 0.355, hinted: 0.334, known: 0.65, knownPhrases: 0.949,
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
