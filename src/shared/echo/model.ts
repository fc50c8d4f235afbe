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
// set 2) with DEFAULT_PARAMS and fit-lib.ts FIT; never on a held-out file.
// ECHOES_DEV=1 on test/unit/shared/echo/echo-dev.test.ts refits and prints these numbers, and the
// cross-validated precision and recall (BENCHMARKS.md).
export const MODEL: EchoModel = {
  pool: 20,
  rank: {
    bm25: 1.648, coverage: 0.265, itemCoverage: 0.198, words: 0.021, rarest: 0.012, phrases: 0.28,
    ideas: 0.783, figures: 0.147, ownEntity: 0.847, otherEntity: 0.035, yearsBack: -0.272,
    kindPerson: -0.106, kindBody: 0.031, kindClaim: -0.049, content: 0.131, typePromise: 0.223,
    typeLaunch: -0.316, futureLaunch: -0.244, specific: 0.563,
  },
  calibration: {
    bias: -5.908, margin: 0.258,
    weights: {
      bm25: 1.489, coverage: 0.307, itemCoverage: 0.224, words: -0.314, rarest: -0.321, phrases: 0.237,
      ideas: 1.049, figures: 0.043, ownEntity: 1.127, otherEntity: 0.066, yearsBack: -0.411,
      kindPerson: -0.256, kindBody: -0.222, kindClaim: 0.057, content: 0.168, typePromise: -0.108,
      typeLaunch: -0.156, futureLaunch: -0.344, specific: 0.479,
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
