// Describes one (page sentence, earlier item) match as a few numbers a small linear model can weigh:
// how much lexical evidence there is (BM25, share of each side matched, phrases, ideas, years), and
// whose it is (the item's own entity named in the sentence, other shared entities, the kind of item),
// how much of the sentence beyond the names it mentions is matched, and the kind of event against
// the sentence's tense (a launch rarely answers a "will"), and how many specific (not generic, not
// name) words they share, which also decides whether a person's or body's event may be shown at all;
// and how much of the sentence the field's knowledge uses at all (a promise about e-scooters is
// no echo of anything here, however well one of its words matches).
// The weights live in model.ts; this file only measures.

import type { EchoIndex } from './index-build';
import { entityRarity, idf, type Query, type Scored } from './bm25';
import { IDEA_TERMS } from './concepts';

/** Feature names, in the order of the vector; model.ts holds one weight per name. */
export const FEATURES = [
  'bm25', 'coverage', 'itemCoverage', 'words', 'rarest', 'phrases', 'ideas', 'figures', 'ownEntity', 'otherEntity',
  'yearsBack', 'kindPerson', 'kindBody', 'kindClaim', 'content', 'typePromise', 'typeLaunch', 'futureLaunch', 'specific',
  'hinted', 'known', 'knownPhrases',
] as const;
export type FeatureName = (typeof FEATURES)[number];

/** Years and sums of money (tokenize.ts keeps no other numbers). */
const FIGURE = /\d/;

/**
 * Below this idf (over the shipped knowledge and general English) a word is generic: "councils",
 * "digital", "public" are in so many items that sharing one says little about which promise it is.
 */
export const GENERIC_IDF = 3;

const SPECIFIC = FEATURES.indexOf('specific');
const PHRASES = FEATURES.indexOf('phrases');
const PERSON = FEATURES.indexOf('kindPerson');
const BODY = FEATURES.indexOf('kindBody');

/**
 * Enough evidence beyond names to show a match with a person's or a body's event: two specific
 * words, or a shared phrase that is not a name. A person or body the two share plus generic words
 * ("Eric Pickles" and "councils") cannot carry an echo alone, however rare the name is: they act
 * on many things. An initiative's name is itself what it promises ("the Federated Data Platform
 * will be rolled out"), so there the name may carry the match.
 */
export function enoughEvidence(f: readonly number[]): boolean {
  return !(f[PERSON]! > 0 || f[BODY]! > 0) || f[SPECIFIC]! >= 2 || f[PHRASES]! > 0;
}

/**
 * The feature vector of a scored item. `queryWeights` are the sentence's term weights (idf), used to
 * say how much of the item's own weight the sentence covers: a short item wholly matched is stronger
 * evidence than a long one grazed.
 */
export function features(index: EchoIndex, s: Scored, query: Query): number[] {
  const { item } = s;
  const { terms: queryWeights, entities: queryEntities, year: pageYear } = query;
  const names = query.nameTerms ?? new Set<string>();
  let itemWeight = 0;
  let itemMatched = 0;
  // Words only: a phrase's weight is already its words'.
  for (const t of item.terms) {
    if (t.includes(' ')) continue;
    const w = idf(index, t);
    itemWeight += w;
    if (queryWeights.has(t)) itemMatched += w;
  }
  let phrases = 0;
  let ideas = 0;
  let figures = 0;
  let words = 0;
  let rarest = 0;
  let specific = 0;
  // The sentence's own words beyond the names it mentions, and how much of them the item matches.
  let contentWeight = 0;
  let contentMatched = 0;
  for (const [t, w] of queryWeights) if (!t.includes(' ') && !names.has(t)) contentWeight += w;
  for (const t of s.matched) {
    if (!t.includes(' ') && !names.has(t)) contentMatched += queryWeights.get(t) ?? 0;
    if (t.includes(' ')) {
      // A phrase of name words ("eric pickl") is the name again, not a shared phrase.
      if (t.split(' ').some((w) => !names.has(w))) phrases++;
      continue;
    }
    if (!names.has(t) && (queryWeights.get(t) ?? 0) >= GENERIC_IDF) specific++;
    if (IDEA_TERMS.has(t)) ideas++;
    else if (FIGURE.test(t)) figures++;
    else if (!names.has(t)) {
      // Words of the names the sentence mentions are the entity features' evidence, not this one's.
      words++;
      rarest = Math.max(rarest, queryWeights.get(t) ?? 0);
    }
  }
  // Known: in the shipped knowledge's statistics (the same for every built-in item of a sentence,
  // so it moves the confidence, not the order) or matched by this item itself: a pack's or the
  // reader's item counts its own words, and never another private item's (docs/SECURITY.md).
  const matchedHere = new Set(s.matched);
  let knownWeight = 0;
  let knownPhrases = 0;
  let phraseCount = 0;
  for (const t of queryWeights.keys()) {
    const inKnowledge = (index.df[t] ?? 0) > 0 || matchedHere.has(t);
    if (t.includes(' ')) {
      phraseCount++;
      if (inKnowledge) knownPhrases++;
    } else if (!names.has(t) && inKnowledge) knownWeight += queryWeights.get(t)!;
  }
  const own = item.entityId !== undefined && queryEntities.includes(item.entityId) ? entityRarity(index, item.entityId) : 0;
  let other = 0;
  for (const id of s.sharedEntities) if (id !== item.entityId) other = Math.max(other, entityRarity(index, id));
  const kind = item.origin === 'claim' ? 'claim' : index.kinds?.[item.entityId ?? ''];
  return [
    Math.log1p(s.score),
    s.coverage,
    itemWeight > 0 ? itemMatched / itemWeight : 0,
    Math.log1p(words),
    rarest / 5,
    Math.log1p(phrases),
    Math.min(ideas, 2),
    Math.min(figures, 2),
    own,
    other,
    Math.log1p(Math.max(0, pageYear - item.year)),
    kind === 'person' ? 1 : 0,
    kind === 'body' ? 1 : 0,
    kind === 'claim' ? 1 : 0,
    contentWeight > 0 ? contentMatched / contentWeight : 0,
    item.type === 'promise' ? 1 : 0,
    item.type === 'launch' ? 1 : 0,
    item.type === 'launch' && query.future ? 1 : 0,
    Math.min(specific, 4),
    item.entityId !== undefined && query.hinted?.includes(item.entityId) ? entityRarity(index, item.entityId) : 0,
    contentWeight > 0 ? knownWeight / contentWeight : 0,
    phraseCount > 0 ? knownPhrases / phraseCount : 0,
  ];
}
