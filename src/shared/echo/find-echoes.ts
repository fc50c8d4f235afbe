// Finds the earlier promises and announcements a page sentence repeats: only items dated before
// the page, ranked by confidence, each with the words, ideas and entities the two share for the
// card. Pure and synchronous; it knows nothing of the DOM or of how echoes are painted.

import { DEFAULT_PARAMS, makeQuery, scoreItem, type ScoreParams, type Scored } from './bm25';
import { findEntities } from './entities';
import type { EchoIndex, EchoItem } from './index-build';
import { terms } from './tokenize';

/**
 * The confidence below which nothing is shown: the threshold chosen on the development half of the
 * labelled set (0.514), rounded up. Its precision on the held-out half falls short of the 0.9 target
 * (BENCHMARKS.md, "Sound familiar? echoes"; test/unit/shared/echo/echo-eval.test.ts).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.52;

export interface EchoOptions {
  /** At most this many echoes per sentence (default 1: the card shows the top suggestion). */
  limit?: number;
  /** Nothing below this confidence is returned (default DEFAULT_MIN_CONFIDENCE; 0 for all). */
  minConfidence?: number;
  params?: ScoreParams;
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
  /** BM25 with the entity boost. */
  score: number;
  /** 0–1: how sure we are that the sentence repeats this item (see confidence()). */
  confidence: number;
  shared: SharedTerms;
}

/** Readable names of the idea terms tokenize.ts folds wordings into. */
const IDEA_NAMES: Record<string, string> = {
  council: 'councils', login: 'signing in', ident: 'digital identity', paperless: 'paperless',
  onceonli: 'asking only once', legaci: 'legacy IT', app: 'an app', ai: 'AI', epr: 'electronic patient records',
};

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

/**
 * Confidence from the score and the share of the sentence's weight the item matched: a long
 * sentence piles up score from many weak words, so score alone flatters it. Squashed to 0–1.
 */
export function confidence(s: Pick<Scored, 'score' | 'coverage'>): number {
  const x = s.score * s.coverage;
  return x / (x + 5);
}

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

/** Earlier items the sentence repeats, best first, at most `limit`, none below `minConfidence`. */
export function findEchoes(sentence: string, pageDate: string, index: EchoIndex, options: EchoOptions = {}): Echo[] {
  const params = options.params ?? DEFAULT_PARAMS;
  const limit = options.limit ?? 1;
  const floor = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const ts = terms(sentence);
  if (ts.length === 0 || !VALID_DATE.test(pageDate)) return [];
  const surfaces = new Map<string, string>();
  for (const t of ts) if (!surfaces.has(t.term)) surfaces.set(t.term, t.surface);
  const query = makeQuery(index, ts.map((t) => t.term), findEntities(sentence, index.aliases), pageDate, params);
  const scored: Scored[] = [];
  for (const item of index.items) {
    if (!earlier(item.date, pageDate)) continue;
    const s = scoreItem(index, query, item, params);
    if (s) scored.push(s);
  }
  return scored
    .map((s) => ({ s, c: confidence(s) }))
    .filter(({ c }) => c >= floor)
    .sort((a, b) => b.c - a.c || b.s.score - a.s.score)
    .slice(0, limit)
    .map(({ s, c }) => ({ item: s.item, score: s.score, confidence: c, shared: explain(s, surfaces, index, query.terms) }));
}

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
