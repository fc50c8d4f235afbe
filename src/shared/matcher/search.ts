// Finds dictionary matches in page text: every alias occurrence that sits on word boundaries and
// passes its alias's case and domain rules, keeping the leftmost-longest non-overlapping set.
// Page-level rules (context, publication date) are applied later, in shared/precision.ts.
//
// It reads the text in place, normalising as it goes (shared/normalise.ts defines the rules), in
// one pass of table lookups. A match must start at a word boundary and cannot end inside a word,
// so an alias that starts with a letter or digit can only match where a whole word of the page
// is that alias's first word: the trie is walked only from those words (a hash-set probe per
// word decides), and from the rare punctuation that starts an alias.

import { charClass, CharClass, charInfo, exactChar, foldedChar, isWordChar, SPACE } from '../normalise';
import { CASE_SENSITIVE, DOMAIN_LIKE } from './alias-rules';
import { hasFirstWord, step, wordHash, type Automaton } from './automaton';

/** A match: offsets in the searched text, and the alias variants that accept it. */
export interface TextMatch {
  start: number;
  end: number;
  /** Indexes into the automaton's variant arrays. */
  variants: number[];
}

export interface Searcher {
  automaton: Automaton;
  /** Root transitions for every UTF-16 unit (0: none). */
  rootNext: Int32Array;
  /** Depth-2 nodes by their two ASCII chars (`c0 << 7 | c1`), 0 for none: spares most walks a search. */
  pairNext: Int32Array;
}

export function createSearcher(automaton: Automaton): Searcher {
  const a = automaton;
  const rootNext = new Int32Array(0x10000);
  const pairNext = new Int32Array(0x80 * 0x80);
  for (let e = a.nodeEdgeStart[0]!; e < a.nodeEdgeStart[1]!; e++) {
    const c0 = a.edgeChar[e]!;
    const child = a.edgeTarget[e]!;
    rootNext[c0] = child;
    if (c0 >= 0x80) continue;
    for (let e1 = a.nodeEdgeStart[child]!; e1 < a.nodeEdgeStart[child + 1]!; e1++) {
      const c1 = a.edgeChar[e1]!;
      if (c1 < 0x80) pairNext[(c0 << 7) | c1] = a.edgeTarget[e1]!;
    }
  }
  return { automaton, rootNext, pairNext };
}

/** All accepted matches in `text`, leftmost-longest, non-overlapping, in order. */
/** What most texts hold: one shared empty list, not one allocated per call. */
const NONE: readonly TextMatch[] = Object.freeze([]);

export function findMatches(searcher: Searcher, text: string): readonly TextMatch[] {
  const { automaton: a, rootNext } = searcher;
  let found: TextMatch[] | null = null;
  /** Nothing may start before this: the end of the last match. */
  let resumeAt = 0;
  // The hot loop of the scan. Each word is read in a tight inner loop that only hashes it, and
  // matches are recorded inline: a closure writing `resumeAt` cost ~25% of the search.
  for (let i = 0, n = text.length; i < n; i++) {
    let info = charInfo(text.charCodeAt(i));
    let cls = info >>> 16;
    if (cls === CharClass.Word) {
      const wordStart = i;
      let hash = wordHash(0, info & 0xffff);
      for (i++; i < n; i++) {
        info = charInfo(text.charCodeAt(i));
        cls = info >>> 16;
        if (cls === CharClass.Word) hash = wordHash(hash, info & 0xffff);
        else if (cls !== CharClass.Dropped) break; // inside a word, a soft hyphen does not end it
      }
      if (wordStart >= resumeAt && hasFirstWord(a.firstWords, hash)) {
        const match = longestAt(searcher, text, wordStart);
        if (match) {
          (found ??= []).push(match);
          resumeAt = match.end;
        }
      }
      if (i === n) break;
    }
    // `i` is now at a character that is not part of a word.
    if (cls === CharClass.Other && i >= resumeAt && rootNext[info & 0xffff] !== 0) {
      const match = longestAt(searcher, text, i);
      if (match) {
        (found ??= []).push(match);
        resumeAt = match.end;
      }
    }
  }
  return found ?? NONE;
}

/** Walks the trie from `start`; the deepest accepted pattern is the longest match there. */
function longestAt(searcher: Searcher, text: string, start: number): TextMatch | null {
  const { automaton: a, rootNext, pairNext } = searcher;
  const n = text.length;
  const c0 = foldedChar(text.charCodeAt(start));
  let node = rootNext[c0]!;
  let best: TextMatch | null = null;
  let depth = 1;
  let lastWasSpace = false;
  for (let j = start + 1; node > 0; j++) {
    const pattern = a.nodePattern[node]!;
    if (pattern >= 0) {
      const variants = acceptedVariants(a, text, pattern, start, j);
      if (variants) best = { start, end: j, variants };
    }
    // The next normalised character: dropped characters vanish, whitespace runs read as one space.
    let c = -1;
    for (; j < n; j++) {
      const cls = charClass(text.charCodeAt(j));
      if (cls === CharClass.Dropped || (cls === CharClass.Space && lastWasSpace)) continue;
      lastWasSpace = cls === CharClass.Space;
      c = lastWasSpace ? SPACE : foldedChar(text.charCodeAt(j));
      break;
    }
    if (c < 0) break;
    node = depth === 1 && (c0 | c) < 0x80 ? pairNext[(c0 << 7) | c]! : step(a, node, c);
    depth++;
  }
  return best;
}

/** The variants of `pattern` that accept text[start, end), or null if none does. */
function acceptedVariants(a: Automaton, text: string, pattern: number, start: number, end: number): number[] | null {
  // The start is a word boundary by construction; the end must not cut a word in two.
  const after = exactAt(text, end);
  if (after >= 0 && isWordChar(exactChar(text.charCodeAt(end - 1))) && isWordChar(after)) return null;
  let variants: number[] | null = null;
  for (let v = a.patternVariantStart[pattern]!; v < a.patternVariantStart[pattern + 1]!; v++) {
    const flags = a.variantFlags[v]!;
    if (flags & CASE_SENSITIVE && !readsExactly(text, start, end, a.variantExact[v]!)) continue;
    if (flags & DOMAIN_LIKE && isPartOfAddress(text, start, end)) continue;
    (variants ??= []).push(v);
  }
  return variants;
}

/** Whether text[start, end), normalised with case kept, is `expected`. */
function readsExactly(text: string, start: number, end: number, expected: string): boolean {
  let k = 0;
  let lastWasSpace = false;
  for (let i = start; i < end; i++) {
    const e = exactChar(text.charCodeAt(i));
    if (e === 0 || (e === SPACE && lastWasSpace)) continue;
    lastWasSpace = e === SPACE;
    if (expected.charCodeAt(k++) !== e) return false;
  }
  return k === expected.length;
}

/** Offset of the first character at or after `from` that is not dropped (text.length if none). */
function nextKept(text: string, from: number): number {
  let i = from;
  while (i < text.length && charClass(text.charCodeAt(i)) === CharClass.Dropped) i++;
  return i;
}

/** The normalised (case-kept) character at or after `from`, or -1 at the end. */
function exactAt(text: string, from: number): number {
  const i = nextKept(text, from);
  return i < text.length ? exactChar(text.charCodeAt(i)) : -1;
}

/** The normalised character before `before`, or -1 at the start. */
function exactBefore(text: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) {
    const e = exactChar(text.charCodeAt(i));
    if (e !== 0) return e;
  }
  return -1;
}

/** `gov.uk` inside `www.gov.uk/guidance`, `name@gov.uk`, `gov.uk?q=tax` or `my-gov.uk:443` is an address, not a mention. */
function isPartOfAddress(text: string, start: number, end: number): boolean {
  const before = exactBefore(text, start);
  if (before === 0x2e || before === 0x2f || before === 0x40 || before === 0x2d) return true; // . / @ -
  const afterAt = nextKept(text, end);
  const after = afterAt < text.length ? exactChar(text.charCodeAt(afterAt)) : -1;
  if (after === 0x2f || after === 0x23) return true; // / #
  const next = exactAt(text, afterAt + 1);
  // `gov.uk?q=tax` is a query string; "the future of GOV.UK?" ends a question.
  if (after === 0x3f) return next >= 0 && next !== SPACE;
  if (after === 0x3a) return next >= 0x30 && next <= 0x39; // :443, but not "gov.uk: the site"
  return after === 0x2e && next >= 0 && isWordChar(next);
}
