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
// sets 2 and 3) with DEFAULT_PARAMS and fit-lib.ts FIT; never on a held-out file.
// ECHOES_DEV=1 on test/unit/shared/echo/echo-dev.test.ts refits and prints these numbers, and the
// cross-validated precision and recall (BENCHMARKS.md).
export const MODEL: EchoModel = {
  pool: 20,
  // known and knownPhrases weigh nothing here: alike for a sentence's built-in items, they cannot order them.
  rank: {
    bm25: 1.659, coverage: 0.223, itemCoverage: 0.178, words: 0.023, rarest: -0.067, phrases: 0.197,
    ideas: 0.744, figures: 0.227, ownEntity: 0.736, otherEntity: 0.012, yearsBack: -0.362, kindPerson: -0.095,
    kindBody: 0.018, kindClaim: -0.064, content: 0.123, typePromise: 0.311, typeLaunch: -0.298,
    futureLaunch: -0.218, specific: 0.567, hinted: 0.171, known: 0, knownPhrases: 0,
  },
  calibration: {
    bias: -6.212, margin: 0.249,
    weights: {
      bm25: 1.012, coverage: 0.195, itemCoverage: 0.249, words: -0.036, rarest: -0.435, phrases: 0.112,
      ideas: 0.784, figures: 0.197, ownEntity: 1.152, otherEntity: 0.132, yearsBack: -0.405,
      kindPerson: -0.176, kindBody: -0.217, kindClaim: 0.037, content: 0.07, typePromise: -0.013,
      typeLaunch: -0.155, futureLaunch: -0.424, specific: 0.439, hinted: 0.426, known: 0.742,
      knownPhrases: 0.749,
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
