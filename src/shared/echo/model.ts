// The small linear model that ranks earlier items for a sentence and says how sure it is: one weight
// per feature (features.ts) for ranking, then a logistic calibration of the item's features and its
// margin over the best rival, bent by boosted stumps. Fitted on the development set only by test/unit/shared/echo/fit-lib.ts;
// see BENCHMARKS.md, "Sound familiar? echoes".

import { FEATURES, type FeatureName } from './features';

export interface EchoModel {
  /** How many items, best by BM25, the model re-ranks; the rest cannot be suggested. */
  pool: number;
  rank: Record<FeatureName, number>;
  /** P(right) = sigmoid(bias + margin × (rank score − best other's) + Σ weight × feature), of the item shown. */
  calibration: { bias: number; margin: number; weights: Record<FeatureName, number> };
  /**
   * Boosted stumps added to the calibration's log-odds: each adds `left` where the feature (or the
   * margin) is below `at`, else `right`. They bend what a straight line cannot (a little BM25 says
   * less than twice as little). Absent or empty: the calibration alone.
   */
  boost?: readonly Stump[];
}

export interface Stump {
  on: FeatureName | 'margin';
  at: number;
  left: number;
  right: number;
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
  boost: [
    { on: 'known', at: 0.7363, left: -0.0963, right: 0.0298 }, { on: 'known', at: 0.7363, left: -0.0927, right: 0.0268 }, { on: 'bm25', at: 3.4077, left: -0.065, right: 0.0388 },
    { on: 'known', at: 0.8665, left: -0.0535, right: 0.046 }, { on: 'known', at: 0.7363, left: -0.0871, right: 0.023 }, { on: 'bm25', at: 3.4077, left: -0.0604, right: 0.0344 },
    { on: 'known', at: 0.7363, left: -0.0835, right: 0.0207 }, { on: 'bm25', at: 3.4077, left: -0.0566, right: 0.0308 }, { on: 'known', at: 0.8665, left: -0.0461, right: 0.0372 },
    { on: 'bm25', at: 3.0622, left: -0.0774, right: 0.0188 }, { on: 'known', at: 0.7363, left: -0.0776, right: 0.0178 }, { on: 'bm25', at: 3.8267, left: -0.0304, right: 0.0475 },
    { on: 'bm25', at: 3.0622, left: -0.0735, right: 0.0166 }, { on: 'known', at: 0.7363, left: -0.074, right: 0.0162 }, { on: 'known', at: 0.8665, left: -0.0393, right: 0.0303 },
    { on: 'bm25', at: 3.0622, left: -0.0703, right: 0.0149 }, { on: 'known', at: 0.7363, left: -0.068, right: 0.0139 }, { on: 'bm25', at: 3.8267, left: -0.0261, right: 0.0406 },
    { on: 'bm25', at: 3.0622, left: -0.0663, right: 0.0132 }, { on: 'known', at: 0.8665, left: -0.0347, right: 0.0262 }, { on: 'known', at: 0.7363, left: -0.0624, right: 0.0122 },
    { on: 'bm25', at: 3.0622, left: -0.0632, right: 0.0119 }, { on: 'bm25', at: 3.8267, left: -0.0227, right: 0.0351 }, { on: 'known', at: 0.6073, left: -0.0929, right: 0.0067 },
    { on: 'bm25', at: 3.0622, left: -0.0592, right: 0.0104 }, { on: 'known', at: 0.8665, left: -0.03, right: 0.0221 }, { on: 'known', at: 0.6073, left: -0.0892, right: 0.0059 },
    { on: 'bm25', at: 3.8267, left: -0.0201, right: 0.0311 }, { on: 'known', at: 0.7363, left: -0.0537, right: 0.0096 }, { on: 'phrases', at: 0.3466, left: 0.0201, right: -0.0276 },
    { on: 'bm25', at: 3.4077, left: -0.0354, right: 0.0163 }, { on: 'rarest', at: 0.5755, left: 0.0508, right: -0.0112 }, { on: 'bm25', at: 3.0622, left: -0.0544, right: 0.0093 },
    { on: 'known', at: 0.6073, left: -0.0859, right: 0.0055 }, { on: 'phrases', at: 0.3466, left: 0.0199, right: -0.0263 }, { on: 'bm25', at: 3.8267, left: -0.0179, right: 0.0282 },
    { on: 'known', at: 0.6073, left: -0.0836, right: 0.0052 }, { on: 'phrases', at: 0.3466, left: 0.0187, right: -0.0248 }, { on: 'bm25', at: 3.4077, left: -0.0324, right: 0.0147 },
    { on: 'bm25', at: 3.0622, left: -0.0507, right: 0.0083 }, { on: 'phrases', at: 0.3466, left: 0.0188, right: -0.0243 }, { on: 'known', at: 0.6073, left: -0.0814, right: 0.0048 },
    { on: 'rarest', at: 0.5755, left: 0.0456, right: -0.0099 }, { on: 'bm25', at: 3.0622, left: -0.0491, right: 0.0079 }, { on: 'coverage', at: 0.2398, left: 0.0145, right: -0.0286 },
    { on: 'bm25', at: 3.8267, left: -0.0163, right: 0.0257 }, { on: 'known', at: 0.6073, left: -0.0792, right: 0.0046 }, { on: 'phrases', at: 0.3466, left: 0.0173, right: -0.0221 },
    { on: 'bm25', at: 3.4077, left: -0.0295, right: 0.0131 }, { on: 'coverage', at: 0.2398, left: 0.014, right: -0.0272 }, { on: 'known', at: 0.8665, left: -0.0223, right: 0.0163 },
    { on: 'bm25', at: 3.8267, left: -0.0151, right: 0.024 }, { on: 'rarest', at: 0.596, left: 0.0374, right: -0.0098 }, { on: 'known', at: 0.6073, left: -0.0766, right: 0.0044 },
    { on: 'coverage', at: 0.2398, left: 0.0133, right: -0.0257 }, { on: 'bm25', at: 3.4077, left: -0.028, right: 0.0124 }, { on: 'phrases', at: 0.3466, left: 0.0164, right: -0.0204 },
    { on: 'bm25', at: 3.0622, left: -0.0455, right: 0.0072 }, { on: 'known', at: 0.6073, left: -0.074, right: 0.0039 }, { on: 'coverage', at: 0.2398, left: 0.0125, right: -0.0241 },
    { on: 'bm25', at: 3.8267, left: -0.0144, right: 0.0228 }, { on: 'rarest', at: 0.596, left: 0.0343, right: -0.009 }, { on: 'bm25', at: 3.0622, left: -0.0431, right: 0.0066 },
    { on: 'phrases', at: 0.3466, left: 0.0157, right: -0.0192 }, { on: 'known', at: 0.6073, left: -0.0722, right: 0.0038 }, { on: 'bm25', at: 3.4077, left: -0.0257, right: 0.011 },
    { on: 'coverage', at: 0.2398, left: 0.0123, right: -0.0234 }, { on: 'bm25', at: 3.8267, left: -0.0132, right: 0.021 }, { on: 'phrases', at: 0.3466, left: 0.015, right: -0.0183 },
    { on: 'known', at: 0.6073, left: -0.07, right: 0.0035 }, { on: 'bm25', at: 2.939, left: -0.0477, right: 0.0052 }, { on: 'coverage', at: 0.2398, left: 0.0115, right: -0.0218 },
    { on: 'ownEntity', at: 0.8151, left: -0.0071, right: 0.0382 }, { on: 'known', at: 0.8665, left: -0.0187, right: 0.0136 }, { on: 'bm25', at: 3.4077, left: -0.024, right: 0.0102 },
    { on: 'coverage', at: 0.2398, left: 0.0114, right: -0.0212 }, { on: 'bm25', at: 3.8267, left: -0.0123, right: 0.0196 }, { on: 'known', at: 0.5208, left: -0.0822, right: 0.0027 },
    { on: 'rarest', at: 0.596, left: 0.0309, right: -0.0081 }, { on: 'typePromise', at: 0.5, left: -0.0145, right: 0.0162 }, { on: 'known', at: 0.5208, left: -0.0807, right: 0.0026 },
    { on: 'phrases', at: 0.3466, left: 0.0137, right: -0.0165 }, { on: 'bm25', at: 3.4077, left: -0.0231, right: 0.0098 }, { on: 'futureLaunch', at: 0.5, left: 0.0046, right: -0.0442 },
    { on: 'bm25', at: 2.939, left: -0.0442, right: 0.0046 }, { on: 'coverage', at: 0.2398, left: 0.0107, right: -0.0202 }, { on: 'bm25', at: 3.8267, left: -0.0116, right: 0.0182 },
    { on: 'phrases', at: 0.3466, left: 0.0134, right: -0.016 }, { on: 'known', at: 0.5208, left: -0.0794, right: 0.0024 }, { on: 'itemCoverage', at: 0.0484, left: 0.0726, right: -0.0032 },
    { on: 'words', at: 1.8688, left: -0.0037, right: 0.0591 }, { on: 'ownEntity', at: 0.8151, left: -0.006, right: 0.0339 }, { on: 'known', at: 0.6073, left: -0.0639, right: 0.0031 },
    { on: 'typePromise', at: 0.5, left: -0.0133, right: 0.0149 }, { on: 'bm25', at: 3.0622, left: -0.0364, right: 0.0053 }, { on: 'coverage', at: 0.2398, left: 0.0104, right: -0.0192 },
    { on: 'known', at: 0.8665, left: -0.0165, right: 0.012 }, { on: 'itemCoverage', at: 0.0484, left: 0.0684, right: -0.0029 }, { on: 'bm25', at: 3.4077, left: -0.0209, right: 0.009 },
    { on: 'phrases', at: 0.3466, left: 0.0128, right: -0.0148 },
  ],
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
  let z = bias + m * margin + weigh(weights, f);
  for (const s of model.boost ?? []) z += (s.on === 'margin' ? margin : f[FEATURE_INDEX[s.on]]!) < s.at ? s.left : s.right;
  return 1 / (1 + Math.exp(-z));
}

const FEATURE_INDEX = Object.fromEntries(FEATURES.map((name, i) => [name, i])) as Record<FeatureName, number>;
