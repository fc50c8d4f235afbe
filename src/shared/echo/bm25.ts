// Scores one page sentence against every indexed item: Okapi BM25 over stemmed words and
// bigrams, bigrams weighted up, then a boost when both name the same entity. Says which terms
// matched, for the card; it does not decide what is shown (find-echoes.ts does).

import { BACKGROUND } from './background';
import type { EchoIndex, EchoItem } from './index-build';

export interface ScoreParams {
  k1: number;
  b: number;
  /** Multiplies a bigram's idf weight; a shared phrase already scores its idf on top of its words'. */
  bigramWeight: number;
  /**
   * Score multiplier per shared entity (at most two count), scaled by how rare the entity is in the
   * index: an entity in four items or fewer counts in full, one in every item not at all.
   */
  entityBoost: number;
  /**
   * Score divisor per year between the item and the page: a re-announcement usually repeats the
   * latest promise in a chain (the 2024 roll-out plan, not the 2005 idea).
   */
  recencyPerYear: number;
  /**
   * How much a paragraph of general English (background.ts) counts against an item in idf: words
   * common everywhere weigh less even where the knowledge base rarely uses them. 0 turns it off.
   */
  backgroundWeight: number;
  /**
   * A matched term adds its idf raised to this power: above 1, one rare shared word outweighs
   * several generic ones ("digital", "services", "councils"), which otherwise let an unrelated item
   * into the lead on volume alone. The features still see plain idf.
   */
  idfPower: number;
  /**
   * How much a term in the item's context field (context.ts: its entity's summary, less numbers,
   * sums and months) counts against one in the event's own text, BM25F-style: each
   * field's term frequency normalised by its own length, then summed with this weight. 0 ignores it.
   */
  contextWeight: number;
}

// k1, b and bigramWeight: a grid search on one half of the development set (BENCHMARKS.md); round
// numbers, the region was flat. backgroundWeight 1 and entityBoost 0 were chosen on the whole
// development set, measured out of fold: the model (features.ts, model.ts) weighs shared entities
// itself, and a boost inside BM25 only added noise to its input. recencyPerYear 0.05: five-fold
// cross-validation over chains tried 0–0.2, and 0.03–0.07 was a flat best (top-1 76%, against 75%
// at 0.1): a milder divisor lets an older promise into the shortlist, and the model's own yearsBack
// weighs the years. idfPower 1.5: the same cross-validation tried 1, 1.3, 1.5 and 2 (top-1 71.4%,
// 72.2%, 73.4%, 73.8%), and 1.75 against 1.5 with this round's concepts (75.4% against 75.0%): flat from 1.5.
// contextWeight 0.4: cross-validated with the summary as context, 0.3–0.6 tried (top-1 79.4%, 79.0%,
// 78.3%, 77.9%; recall at 90% precision 38.8%, 41.6%, 40.2%, 40.6%).
export const DEFAULT_PARAMS: ScoreParams = { k1: 1.2, b: 0.5, bigramWeight: 1, entityBoost: 0, recencyPerYear: 0.05, backgroundWeight: 1, idfPower: 1.5, contextWeight: 0.4 };

export interface Query {
  /** Unique terms of the sentence with their weight (idf × bigram weight). */
  terms: Map<string, number>;
  entities: string[];
  /** The page's date as a fractional year (2017.83), for the recency divisor. */
  year: number;
  /** Stems of the names of the entities the sentence names: a match on those alone is no echo. */
  nameTerms?: ReadonlySet<string>;
  /** Entities the sentence only hints at, by a context alias and not by any full name. */
  hinted?: string[];
  /** The sentence looks ahead ("will", "by 2030"): it promises rather than reports. */
  future?: boolean;
}

export interface Scored {
  item: EchoItem;
  score: number;
  /** Share of the sentence's term weight that the item matched, 0–1. */
  coverage: number;
  /** Terms of the item's own text that the sentence uses (not those met in its context field only). */
  matched: string[];
  sharedEntities: string[];
}

/**
 * Okapi idf over the public items (index-build.ts counts only those) plus, weighted, the background
 * paragraphs (which hold words, not phrases).
 */
export function idf(index: EchoIndex, term: string, backgroundWeight = DEFAULT_PARAMS.backgroundWeight): number {
  const n = index.docs + backgroundWeight * BACKGROUND.docs;
  const df = (index.df[term] ?? 0) + backgroundWeight * (BACKGROUND.df[term] ?? 0);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a fractional year; a bare year counts as its middle. */
export function fractionalYear(date: string): number {
  const [y, m] = date.split('-');
  return Number(y) + (m ? (Number(m) - 0.5) / 12 : 0.5);
}

/** 1 for an entity in at most four counted items, falling to 0 for one in every item (log scale). */
export function entityRarity(index: EchoIndex, id: string): number {
  const n = index.docs;
  const df = Math.max(1, index.entityDf?.[id] ?? 1);
  return n <= 4 ? 1 : Math.max(0, Math.min(1, Math.log(n / df) / Math.log(n / 4)));
}

export function makeQuery(index: EchoIndex, terms: readonly string[], entities: string[], pageDate: string, params = DEFAULT_PARAMS): Query {
  const weights = new Map<string, number>();
  for (const t of terms) {
    if (weights.has(t)) continue;
    weights.set(t, idf(index, t, params.backgroundWeight) * (t.includes(' ') ? params.bigramWeight : 1));
  }
  return { terms: weights, entities, year: fractionalYear(pageDate) };
}

/** BM25F of one item over its text and its context field; null when it shares no term with the query. */
export function scoreItem(index: EchoIndex, query: Query, item: EchoItem, params = DEFAULT_PARAMS): Scored | null {
  const { k1, b } = params;
  const lengthNorm = 1 - b + b * (item.length / (index.avgLength || item.length || 1));
  // Term → its length-normalised frequency, summed over the fields that hold it.
  const tfn = new Map<string, number>();
  item.terms.forEach((t, i) => { if (query.terms.has(t)) tfn.set(t, item.tf[i]! / lengthNorm); });
  const matched = [...tfn.keys()];
  const ctx = item.context;
  if (ctx && params.contextWeight > 0) {
    const contextNorm = 1 - b + b * (ctx.length / (index.avgContextLength || ctx.length || 1));
    ctx.terms.forEach((t, i) => {
      if (query.terms.has(t)) tfn.set(t, (tfn.get(t) ?? 0) + params.contextWeight * (ctx.tf[i]! / contextNorm));
    });
  }
  if (tfn.size === 0) return null;
  let score = 0;
  let matchedWeight = 0;
  let totalWeight = 0;
  for (const w of query.terms.values()) totalWeight += w;
  for (const [t, f] of tfn) {
    const w = query.terms.get(t)!;
    score += (params.idfPower === 1 ? w : w ** params.idfPower) * ((f * (k1 + 1)) / (f + k1));
  }
  for (const t of matched) matchedWeight += query.terms.get(t)!;
  const sharedEntities = item.entities.filter((id) => query.entities.includes(id));
  const rarity = sharedEntities.map((id) => entityRarity(index, id)).sort((a, b) => b - a);
  score *= 1 + params.entityBoost * ((rarity[0] ?? 0) + (rarity[1] ?? 0));
  score /= 1 + params.recencyPerYear * Math.max(0, query.year - item.year);
  return { item, score, coverage: totalWeight > 0 ? matchedWeight / totalWeight : 0, matched, sharedEntities };
}
