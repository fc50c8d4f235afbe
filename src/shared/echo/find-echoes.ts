// Finds the earlier promises and announcements a page sentence repeats: only items dated before
// the page, ranked by confidence, each with the words, ideas and entities the two share for the
// card. Pure and synchronous; it knows nothing of the DOM or of how echoes are painted.

import { DEFAULT_PARAMS, makeQuery, scoreItem, type Query, type ScoreParams, type Scored } from './bm25';
import { findEntities, nameStems } from './entities';
import { IDEA_NAMES } from './concepts';
import { enoughEvidence, features } from './features';
import type { EchoIndex, EchoItem } from './index-build';
import { calibrated, MODEL, rankScore, type EchoModel } from './model';
import { terms } from './tokenize';

/**
 * The confidence below which nothing is shown: the threshold with the highest recall at precision
 * >= 0.9 on all the development data, five-fold cross-validated over chains (eval-lib.ts
 * chooseThreshold), as chosen, not rounded: the ridge is narrow. BENCHMARKS.md, "Sound familiar?
 * echoes", has the curve around it.
 */
export const DEFAULT_MIN_CONFIDENCE = 0.7749;

export interface EchoOptions {
  /** At most this many echoes per sentence (default 1: the card shows the top suggestion). */
  limit?: number;
  /** Nothing below this confidence is returned (default DEFAULT_MIN_CONFIDENCE; 0 for all). */
  minConfidence?: number;
  params?: ScoreParams;
  model?: EchoModel;
}

export interface SharedTerms {
  /** Words and phrases both use, as the sentence writes them, strongest first. */
  words: string[];
  /** Ideas both express in different words ("councils" / "local authorities"). */
  ideas: string[];
  /** Names of entities both concern. */
  entities: string[];
}

export interface Echo {
  item: EchoItem;
  /** The model's ranking score (model.ts). */
  score: number;
  /** 0–1: how sure we are that the sentence repeats this item (see confidence()). */
  confidence: number;
  shared: SharedTerms;
}


/** True where `itemDate` is wholly before `pageDate`, compared at the coarser of the two precisions. */
export function isEarlier(itemDate: string, pageDate: string): boolean {
  return VALID_DATE.test(itemDate) && VALID_DATE.test(pageDate) && earlier(itemDate, pageDate);
}

const VALID_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** isEarlier for dates already known to be valid (the index holds only valid dates). */
const earlier = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
};

function explain(s: Scored, surfaces: Map<string, string>, index: EchoIndex, weights: Map<string, number>): SharedTerms {
  const byWeight = [...s.matched].sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0));
  const inPhrase = new Set(byWeight.filter((t) => t.includes(' ')).flatMap((t) => t.split(' ')));
  const words: string[] = [];
  const ideas: string[] = [];
  for (const t of byWeight) {
    if (IDEA_NAMES[t]) ideas.push(IDEA_NAMES[t]);
    else if (!t.includes(' ') && inPhrase.has(t)) continue;
    else words.push(surfaces.get(t) ?? t);
  }
  return { words, ideas, entities: s.sharedEntities.map((id) => index.names[id] ?? id) };
}

/** Looking ahead: what a promise says, where a report of what happened does not. */
const FUTURE = /\b(?:will|shall|would|plans? to|aims? to|is to|are to|set to|wants? to|expects? to|intends? to|by (?:the end of )?(?:[a-z]+ )?(?:19|20)\d\d)\b/i;

/** The query for a sentence: its terms' weights, the entities it names (or hints at) and their names' stems, and its tense. */
export function sentenceQuery(sentence: string, stems: readonly string[], pageDate: string, index: EchoIndex, params = DEFAULT_PARAMS): Query {
  const entities = findEntities(sentence, index.aliases);
  const hinted = findEntities(sentence, index.contextAliases ?? []).filter((id) => !entities.includes(id));
  return { ...makeQuery(index, stems, entities, pageDate, params), nameTerms: nameStems(index.aliases, entities), hinted, future: FUTURE.test(sentence) };
}

/** One earlier item in the running for a sentence: its BM25 match and the model's features of it. */
export interface Contender {
  s: Scored;
  f: number[];
}

/**
 * The items dated before the page that share a term with the sentence, best by BM25 first, at most
 * the model's pool, each with its features; null when there is nothing to compare. Exported for the
 * fitting code, which needs every contender and not only the winner.
 */
export function contenders(sentence: string, pageDate: string, index: EchoIndex, params = DEFAULT_PARAMS, model = MODEL): { query: Query; surfaces: Map<string, string>; list: Contender[] } | null {
  const ts = terms(sentence);
  if (ts.length === 0 || !VALID_DATE.test(pageDate)) return null;
  const surfaces = new Map<string, string>();
  for (const t of ts) if (!surfaces.has(t.term)) surfaces.set(t.term, t.surface);
  const query = sentenceQuery(sentence, ts.map((t) => t.term), pageDate, index, params);
  const scored: Scored[] = [];
  for (const item of index.items) {
    if (!earlier(item.date, pageDate)) continue;
    const s = scoreItem(index, query, item, params);
    if (s) scored.push(s);
  }
  scored.sort((a, b) => b.score - a.score);
  const list = scored.slice(0, model.pool).map((s) => ({ s, f: features(index, s, query) }));
  return { query, surfaces, list };
}

/** Earlier items the sentence repeats, best first, at most `limit`, none below `minConfidence`. */
export function findEchoes(sentence: string, pageDate: string, index: EchoIndex, options: EchoOptions = {}): Echo[] {
  const model = options.model ?? MODEL;
  const limit = options.limit ?? 1;
  const floor = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const found = contenders(sentence, pageDate, index, options.params ?? DEFAULT_PARAMS, model);
  if (!found || found.list.length === 0) return [];
  const ranked = found.list.map((c) => ({ ...c, r: rankScore(c.f, model) })).sort((a, b) => b.r - a.r || b.s.score - a.s.score);
  let ceiling = 1;
  return ranked
    // Margin over the best other item: a sentence that fits two items equally well is ambiguous.
    // An item ranked below another is never surer than it (the calibration weighs features apart
    // from the ranking, so it could be), and the card lists them in rank order.
    .map(({ s, f, r }, i) => {
      // A person's or body's name plus generic words is never shown (features.ts enoughEvidence); an
      // item that wins on that alone also silences those below it: the sentence matched nothing better.
      const c = enoughEvidence(f) ? calibrated(f, r - (i === 0 ? ranked[1]?.r ?? r - NO_RIVAL : ranked[0]!.r), model) : 0;
      ceiling = Math.min(ceiling, c);
      return { s, r, c: ceiling };
    })
    .filter(({ c }) => c >= floor)
    .slice(0, limit)
    .map(({ s, r, c }) => ({ item: s.item, score: r, confidence: c, shared: explain(s, found.surfaces, index, found.query.terms) }));
}

/** The margin credited to an item with no rival at all. */
export const NO_RIVAL = 2;

/** Per page: the strongest echoes across its sentences, one per earlier item, at most `max`. */
export function pageEchoes<T extends { echoes: Echo[] }>(sentences: readonly T[], max = 3): { sentence: T; echo: Echo }[] {
  const all = sentences.flatMap((sentence) => sentence.echoes.map((echo) => ({ sentence, echo })));
  all.sort((a, b) => b.echo.confidence - a.echo.confidence);
  const seenItems = new Set<string>();
  const seenSentences = new Set<T>();
  const out: { sentence: T; echo: Echo }[] = [];
  for (const e of all) {
    if (out.length >= max) break;
    if (seenItems.has(e.echo.item.id) || seenSentences.has(e.sentence)) continue;
    seenItems.add(e.echo.item.id);
    seenSentences.add(e.sentence);
    out.push(e);
  }
  return out;
}
