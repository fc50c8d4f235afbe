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
    bm25: 1.648, coverage: 0.266, itemCoverage: 0.203, words: 0.022, rarest: 0.029, phrases: 0.269,
    ideas: 0.788, figures: 0.156, ownEntity: 0.847, otherEntity: 0.039, yearsBack: -0.275,
    kindPerson: -0.101, kindBody: 0.038, kindClaim: -0.044, content: 0.133, typePromise: 0.232,
    typeLaunch: -0.321, futureLaunch: -0.24, specific: 0.571, hinted: 0.211,
  },
  calibration: {
    bias: -5.884, margin: 0.256,
    weights: {
      bm25: 1.495, coverage: 0.282, itemCoverage: 0.239, words: -0.306, rarest: -0.302, phrases: 0.173,
      ideas: 1.067, figures: 0.123, ownEntity: 1.084, otherEntity: 0.07, yearsBack: -0.422,
      kindPerson: -0.265, kindBody: -0.218, kindClaim: 0.054, content: 0.154, typePromise: -0.097,
      typeLaunch: -0.101, futureLaunch: -0.366, specific: 0.465, hinted: 0.564,
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
