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
// sets 2, 3, 4 and 5) with DEFAULT_PARAMS and fit-lib.ts FIT; never on a held-out file.
// ECHOES_DEV=1 on test/unit/shared/echo/echo-dev.test.ts refits and prints these numbers, and the
// cross-validated precision and recall (BENCHMARKS.md).
export const MODEL: EchoModel = {
  pool: 20,
  // known and knownPhrases weigh nothing here: alike for a sentence's built-in items, they cannot order them.
  rank: {
    bm25: 1.809, coverage: 0.192, itemCoverage: 0.18, words: 0.18, rarest: -0.051, phrases: 0.125, ideas: 0.608,
    figures: 0.216, ownEntity: 0.548, otherEntity: 0.023, yearsBack: -0.368, kindPerson: 0.014, kindBody: 0.05,
    kindClaim: -0.054, content: 0.126, typePromise: 0.402, typeLaunch: -0.26, futureLaunch: -0.149, specific: 0.543,
    hinted: 0.121, known: 0, knownPhrases: 0,
  },
  calibration: {
    bias: -7.244, margin: 0.198,
    weights: {
      bm25: 1.414, coverage: 0.178, itemCoverage: 0.228, words: -0.009, rarest: -0.484, phrases: -0.035, ideas: 0.742,
      figures: 0.213, ownEntity: 0.762, otherEntity: 0.178, yearsBack: -0.392, kindPerson: -0.066, kindBody: -0.122,
      kindClaim: 0.089, content: 0.161, typePromise: 0.029, typeLaunch: -0.282, futureLaunch: -0.388, specific: 0.315,
      hinted: 0.281, known: 0.625, knownPhrases: 0.952,
    },
  },
  boost: [
    { on: 'known', at: 0.87, left: -0.0565, right: 0.0554 }, { on: 'bm25', at: 3.4477, left: -0.0666, right: 0.0391 }, { on: 'known', at: 0.87, left: -0.0522, right: 0.0496 },
    { on: 'bm25', at: 3.8427, left: -0.0396, right: 0.0632 }, { on: 'known', at: 0.7379, left: -0.0848, right: 0.0259 }, { on: 'known', at: 0.7379, left: -0.0809, right: 0.0232 },
    { on: 'bm25', at: 3.4477, left: -0.0591, right: 0.0326 }, { on: 'bm25', at: 3.8427, left: -0.0343, right: 0.0543 }, { on: 'known', at: 0.87, left: -0.0444, right: 0.0403 },
    { on: 'known', at: 0.7379, left: -0.0747, right: 0.0202 }, { on: 'bm25', at: 3.4477, left: -0.0528, right: 0.0278 }, { on: 'known', at: 0.7379, left: -0.0708, right: 0.0181 },
    { on: 'bm25', at: 3.0924, left: -0.0721, right: 0.017 }, { on: 'bm25', at: 3.8427, left: -0.0287, right: 0.0453 }, { on: 'known', at: 0.87, left: -0.0377, right: 0.0328 },
    { on: 'bm25', at: 3.0924, left: -0.0681, right: 0.0151 }, { on: 'known', at: 0.7379, left: -0.0646, right: 0.0157 }, { on: 'bm25', at: 3.8427, left: -0.0253, right: 0.0401 },
    { on: 'known', at: 0.6125, left: -0.101, right: 0.0086 }, { on: 'bm25', at: 3.0924, left: -0.0637, right: 0.0131 }, { on: 'known', at: 0.87, left: -0.0325, right: 0.0274 },
    { on: 'known', at: 0.6125, left: -0.0979, right: 0.0076 }, { on: 'bm25', at: 3.8427, left: -0.0224, right: 0.0353 }, { on: 'known', at: 0.6125, left: -0.0958, right: 0.007 },
    { on: 'bm25', at: 3.0924, left: -0.0591, right: 0.0114 }, { on: 'known', at: 0.6125, left: -0.0933, right: 0.0063 }, { on: 'known', at: 0.87, left: -0.0282, right: 0.023 },
    { on: 'bm25', at: 2.9698, left: -0.0664, right: 0.0085 }, { on: 'rarest', at: 0.596, left: 0.0501, right: -0.0134 }, { on: 'known', at: 0.6125, left: -0.0904, right: 0.0058 },
    { on: 'bm25', at: 3.8427, left: -0.0195, right: 0.0308 }, { on: 'phrases', at: 0.3466, left: 0.0209, right: -0.028 }, { on: 'bm25', at: 2.9698, left: -0.0638, right: 0.008 },
    { on: 'known', at: 0.6125, left: -0.0883, right: 0.0054 }, { on: 'rarest', at: 0.596, left: 0.0459, right: -0.0122 }, { on: 'bm25', at: 3.8427, left: -0.0179, right: 0.0286 },
    { on: 'phrases', at: 0.3466, left: 0.02, right: -0.0261 }, { on: 'known', at: 0.6125, left: -0.0868, right: 0.0052 }, { on: 'bm25', at: 3.0924, left: -0.0514, right: 0.0091 },
    { on: 'phrases', at: 0.3466, left: 0.0189, right: -0.0247 }, { on: 'bm25', at: 3.4477, left: -0.032, right: 0.0144 }, { on: 'known', at: 0.6125, left: -0.0844, right: 0.0048 },
    { on: 'rarest', at: 0.596, left: 0.0414, right: -0.0109 }, { on: 'bm25', at: 2.9698, left: -0.0585, right: 0.0068 }, { on: 'phrases', at: 0.3466, left: 0.0183, right: -0.0234 },
    { on: 'bm25', at: 3.8427, left: -0.0161, right: 0.0259 }, { on: 'known', at: 0.87, left: -0.0224, right: 0.0184 }, { on: 'known', at: 0.6125, left: -0.0821, right: 0.0045 },
    { on: 'phrases', at: 0.3466, left: 0.0171, right: -0.0219 }, { on: 'bm25', at: 3.4477, left: -0.0294, right: 0.013 }, { on: 'known', at: 0.6125, left: -0.0796, right: 0.0042 },
    { on: 'bm25', at: 2.9698, left: -0.0551, right: 0.006 }, { on: 'phrases', at: 0.3466, left: 0.017, right: -0.0216 }, { on: 'bm25', at: 3.8427, left: -0.0146, right: 0.0235 },
    { on: 'rarest', at: 0.596, left: 0.0371, right: -0.0097 }, { on: 'known', at: 0.6125, left: -0.0781, right: 0.004 }, { on: 'bm25', at: 2.9698, left: -0.0528, right: 0.0056 },
    { on: 'phrases', at: 0.3466, left: 0.016, right: -0.0202 }, { on: 'bm25', at: 3.4477, left: -0.0263, right: 0.0112 }, { on: 'known', at: 0.6125, left: -0.0756, right: 0.0036 },
    { on: 'phrases', at: 0.3466, left: 0.0153, right: -0.0192 }, { on: 'bm25', at: 3.8427, left: -0.0134, right: 0.0216 }, { on: 'rarest', at: 0.596, left: 0.0334, right: -0.0088 },
    { on: 'known', at: 0.6125, left: -0.0741, right: 0.0035 }, { on: 'bm25', at: 2.9698, left: -0.0499, right: 0.0051 }, { on: 'known', at: 0.87, left: -0.0181, right: 0.0144 },
    { on: 'ideas', at: 0.5, left: -0.0139, right: 0.019 }, { on: 'phrases', at: 0.3466, left: 0.0145, right: -0.0178 }, { on: 'bm25', at: 3.8427, left: -0.0127, right: 0.0205 },
    { on: 'margin', at: 1.8446, left: 0.0079, right: -0.0314 }, { on: 'known', at: 0.6125, left: -0.0708, right: 0.0033 }, { on: 'bm25', at: 3.0924, left: -0.0388, right: 0.0059 },
    { on: 'typePromise', at: 0.5, left: -0.0153, right: 0.0162 }, { on: 'phrases', at: 0.3466, left: 0.0139, right: -0.017 }, { on: 'bm25', at: 3.4477, left: -0.0236, right: 0.0099 },
    { on: 'ideas', at: 1.5, left: 0.0036, right: -0.0607 }, { on: 'rarest', at: 0.596, left: 0.03, right: -0.0079 }, { on: 'known', at: 0.6125, left: -0.0693, right: 0.0031 },
    { on: 'bm25', at: 3.8427, left: -0.0117, right: 0.0188 }, { on: 'margin', at: 1.8446, left: 0.0076, right: -0.03 }, { on: 'coverage', at: 0.2346, left: 0.0106, right: -0.021 },
    { on: 'bm25', at: 2.9698, left: -0.0457, right: 0.0045 }, { on: 'futureLaunch', at: 0.5, left: 0.0046, right: -0.0438 }, { on: 'known', at: 0.5251, left: -0.0803, right: 0.0023 },
    { on: 'phrases', at: 0.3466, left: 0.0129, right: -0.016 }, { on: 'bm25', at: 3.8427, left: -0.0116, right: 0.0185 }, { on: 'ideas', at: 0.5, left: -0.0125, right: 0.0167 },
    { on: 'ideas', at: 1.5, left: 0.0034, right: -0.0576 }, { on: 'known', at: 0.5251, left: -0.0786, right: 0.0022 }, { on: 'typePromise', at: 0.5, left: -0.0139, right: 0.0145 },
    { on: 'margin', at: 1.8446, left: 0.0068, right: -0.0276 }, { on: 'bm25', at: 3.8427, left: -0.0111, right: 0.0177 }, { on: 'rarest', at: 0.596, left: 0.0274, right: -0.0072 },
    { on: 'bm25', at: 2.9698, left: -0.0434, right: 0.0041 }, { on: 'coverage', at: 0.2346, left: 0.0097, right: -0.0193 }, { on: 'known', at: 0.5251, left: -0.0771, right: 0.0022 },
    { on: 'ideas', at: 1.5, left: 0.0032, right: -0.0535 }, { on: 'words', at: 1.8688, left: -0.0039, right: 0.0501 }, { on: 'phrases', at: 0.3466, left: 0.0122, right: -0.0148 },
    { on: 'bm25', at: 3.4477, left: -0.0211, right: 0.0088 },
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
