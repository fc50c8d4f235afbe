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
    bm25: 1.642, coverage: 0.264, itemCoverage: 0.197, words: 0.02, rarest: 0.01, phrases: 0.275,
    ideas: 0.784, figures: 0.149, ownEntity: 0.85, otherEntity: 0.035, yearsBack: -0.271, kindPerson: -0.104,
    kindBody: 0.032, kindClaim: -0.047, content: 0.129, typePromise: 0.225, typeLaunch: -0.316,
    futureLaunch: -0.244, specific: 0.559, hinted: 0.226,
  },
  calibration: {
    bias: -5.808, margin: 0.258,
    weights: {
      bm25: 1.469, coverage: 0.281, itemCoverage: 0.22, words: -0.29, rarest: -0.293, phrases: 0.223,
      ideas: 1.049, figures: 0.041, ownEntity: 1.13, otherEntity: 0.052, yearsBack: -0.424,
      kindPerson: -0.255, kindBody: -0.231, kindClaim: 0.059, content: 0.15, typePromise: -0.126,
      typeLaunch: -0.157, futureLaunch: -0.345, specific: 0.445, hinted: 0.602,
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
