// Finds where a recorded quote sits in today's page text: every verbatim occurrence is scored by
// how well its surroundings match the recorded context and how near it is to the recorded
// position; failing that, a bounded fuzzy search. Below the minimum score the quote is
// unplaced: a claim must never be attached to the wrong sentence.

import type { TextPositionSelector, TextQuoteSelector } from '../claims/claim';
import { approximateSearch } from './approximate-search';

export interface Anchor {
  start: number;
  end: number;
  /** 0–1: how sure the match is. */
  score: number;
}

/** Quotes shorter than this are too likely to recur by chance to be trusted without context. */
const SHORT_QUOTE = 32;
/** Context agreement a short verbatim quote needs. */
const MIN_CONTEXT_SHORT = 0.5;
/** Similarity (1 − edits / length) a fuzzy match needs. */
export const MIN_FUZZY_SIMILARITY = 0.8;
/** Below this similarity a fuzzy match must also keep some of its recorded surroundings. */
const FUZZY_ALONE = 0.95;
const MIN_FUZZY_CONTEXT = 0.3;
/** Fuzzy search is skipped for very short quotes. */
const MIN_FUZZY_LENGTH = 16;
/**
 * And capped in cost: a window is searched only if (edits allowed / 32, rounded up) × its length
 * stays under this. At the cap, a 2,000-character quote over 770,000 characters, that took about
 * 0.4 s here; a 200-character quote is searched on pages up to 5 million characters.
 */
const MAX_FUZZY_STEPS = 10_000_000;

export function anchorQuote(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): Anchor | null {
  const { exact } = quote;
  if (!exact) return null;
  const expected = position?.start ?? -1;

  let best: Anchor | null = null;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const context = contextScore(text, at, at + exact.length, quote);
    if (exact.length < SHORT_QUOTE && context < MIN_CONTEXT_SHORT) continue;
    const nearness = expected < 0 ? 0 : 1 - Math.min(1, Math.abs(at - expected) / Math.max(1, text.length));
    const score = 0.8 * context + 0.2 * nearness;
    if (!best || score > best.score) {
      best = { start: at, end: at + exact.length, score };
    }
  }
  if (best) return best;
  return fuzzyAnchor(text, quote, expected);
}

function fuzzyAnchor(text: string, quote: TextQuoteSelector, expected: number): Anchor | null {
  const { exact } = quote;
  if (exact.length < MIN_FUZZY_LENGTH) return null;
  const maxEdits = Math.floor(exact.length * (1 - MIN_FUZZY_SIMILARITY));
  // Look near the old position first: cheaper, and the likeliest place.
  const windows: [number, number][] = [];
  if (expected >= 0) {
    const reach = exact.length * 4 + 2000;
    windows.push([Math.max(0, expected - reach), Math.min(text.length, expected + exact.length + reach)]);
  }
  windows.push([0, text.length]);
  for (const [from, to] of windows) {
    if ((to - from) * Math.ceil((maxEdits + 1) / 32) > MAX_FUZZY_STEPS) continue;
    const match = approximateSearch(text, exact, from, to, expected >= 0 ? expected + exact.length : from, maxEdits);
    if (match) {
      const similarity = 1 - match.distance / exact.length;
      const context = contextScore(text, match.start, match.end, quote);
      if (!plausibleEdit(exact, text.slice(match.start, match.end), similarity, context)) return null;
      return { start: match.start, end: match.end, score: 0.8 * similarity + 0.2 * context };
    }
  }
  return null;
}

/**
 * Whether a near match is the same sentence lightly edited rather than a different one that
 * reads alike: its numbers must be unchanged (500 → 300 is another claim), a short quote needs
 * its context, and a looser match needs some of it.
 */
function plausibleEdit(quote: string, found: string, similarity: number, context: number): boolean {
  const digits = (s: string) => s.replace(/\D+/g, ' ').trim();
  if (digits(quote) !== digits(found)) return false;
  if (quote.length < SHORT_QUOTE) return context >= MIN_CONTEXT_SHORT;
  return similarity >= FUZZY_ALONE || context >= MIN_FUZZY_CONTEXT;
}

/** How much of the recorded prefix and suffix still surround [start, end): 0–1. */
export function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const total = quote.prefix.length + quote.suffix.length;
  if (total === 0) return 1;
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return (commonSuffix(before, quote.prefix) + commonPrefix(after, quote.suffix)) / total;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
