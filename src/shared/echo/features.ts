// Describes one (page sentence, earlier item) match as a few numbers a small linear model can weigh:
// how much lexical evidence there is (BM25, share of each side matched, phrases, ideas, years), and
// whose it is (the item's own entity named in the sentence, other shared entities, the kind of item).
// The weights live in model.ts; this file only measures.

import type { EchoIndex } from './index-build';
import { entityRarity, idf, type Scored } from './bm25';
import { IDEA_TERMS } from './concepts';

/** Feature names, in the order of the vector; model.ts holds one weight per name. */
export const FEATURES = [
  'bm25', 'coverage', 'itemCoverage', 'words', 'rarest', 'phrases', 'ideas', 'figures', 'ownEntity', 'otherEntity',
  'yearsBack', 'kindPerson', 'kindBody', 'kindClaim',
] as const;
export type FeatureName = (typeof FEATURES)[number];

/** Years and sums of money (tokenize.ts keeps no other numbers). */
const FIGURE = /\d/;

/**
 * The feature vector of a scored item. `queryWeights` are the sentence's term weights (idf), used to
 * say how much of the item's own weight the sentence covers: a short item wholly matched is stronger
 * evidence than a long one grazed.
 */
export function features(index: EchoIndex, s: Scored, queryWeights: Map<string, number>, queryEntities: readonly string[], pageYear: number): number[] {
  const { item } = s;
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
  for (const t of s.matched) {
    if (t.includes(' ')) phrases++;
    else if (IDEA_TERMS.has(t)) ideas++;
    else if (FIGURE.test(t)) figures++;
    else {
      words++;
      rarest = Math.max(rarest, queryWeights.get(t) ?? 0);
    }
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
  ];
}
