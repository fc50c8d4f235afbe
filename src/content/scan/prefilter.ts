// The whole-page prefilter: from a root's text in one piece (scanned-text.ts), whether the walk
// and matcher could find any alias there, so that on the many pages that name nothing we know
// the first scan need not walk the DOM at all. It may only err towards "maybe".
//
// The text it gets joins blocks and `<br>` with nothing where the walk separates them, so word
// boundaries and whitespace cannot be trusted: it compares with all whitespace (and the
// characters the matcher drops) left out of both the text and the aliases, and ignores word
// boundaries and address rules. Everything else is the matcher's own test: the folded text walks
// the dictionary's trie, with the trie's spaces skipped, and a variant whose case counts is
// compared in case. Starting from every character, not only at words, it finds every match the
// matcher could find in any block (a block's text, less whitespace, is a piece of this text).
// It is one pass over the text, run once per page before anything is optimised, so it does
// little per character: a start is tried only where its first three characters (or a whole
// shorter alias) begin some alias (starts.ts).

import { CASE_SENSITIVE, NEEDS_CONTEXT, NOT_A_NAME } from '../../shared/matcher/alias-rules';
import { step, type Automaton } from '../../shared/matcher/automaton';
import type { Searcher } from '../../shared/matcher/search';
import { CharClass, charInfo, exactChar, SPACE } from '../../shared/normalise';
import { aliasStarts, mayStart } from './starts';

/**
 * `none`: no alias can occur. `context-only`: only aliases that count where the page names the
 * same entity in its own right (NEEDS_CONTEXT), so nothing found there could be shown until a
 * standalone name turns up elsewhere. `maybe`: some alias may occur; walk.
 */
export type Prefilter = 'none' | 'context-only' | 'maybe';

const NONE = 0;
const CONTEXT = 1;
const STANDALONE = 2;

export function prefilter(searcher: Searcher, text: string): Prefilter {
  const a = searcher.automaton;
  const starts = aliasStarts(a);
  if (!starts) return 'maybe';
  const n = text.length;
  let found = NONE;
  // The last three characters kept (not whitespace, not dropped), folded, and where each is.
  // Two blanks after the end let the last two starts be tried.
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let at0 = -1;
  let at1 = -1;
  let at2 = -1;
  for (let i = 0; i < n + 2; i++) {
    let c = 0;
    let at = -1;
    if (i < n) {
      const info = charInfo(text.charCodeAt(i));
      const cls = info >>> 16;
      if (cls === CharClass.Space || cls === CharClass.Dropped) continue;
      c = info & 0xffff;
      at = i;
    }
    c0 = c1;
    c1 = c2;
    c2 = c;
    at0 = at1;
    at1 = at2;
    at2 = at;
    // The oldest is tried as a start, now that the two characters after it are known.
    if (at0 >= 0 && mayStart(starts, c0, c1, c2)) {
      found = Math.max(found, walk(a, text, at0, at0, 0));
      if (found === STANDALONE) return 'maybe';
    }
  }
  return found === CONTEXT ? 'context-only' : 'none';
}

/** The strongest alias that starts at `start` and runs on from trie `node`, the text read up to `j`. */
function walk(a: Automaton, text: string, start: number, j: number, node: number): number {
  const n = text.length;
  let found = NONE;
  for (;;) {
    // A space in the trie is skipped: the text has none. It may also end an alias. Edges are
    // sorted by character, so a node with a space edge has it among its first.
    const first = a.nodeEdgeStart[node]!;
    const space = first < a.nodeEdgeStart[node + 1]! && a.edgeChar[first]! <= SPACE ? step(a, node, SPACE) : -1;
    if (a.nodePattern[node]! >= 0) found = Math.max(found, accepted(a, text, node, start, j));
    if (space > 0) found = Math.max(found, accepted(a, text, space, start, j));
    if (found === STANDALONE) return found;
    // The next character kept.
    let c = -1;
    for (; j < n; j++) {
      const info = charInfo(text.charCodeAt(j));
      const cls = info >>> 16;
      if (cls === CharClass.Space || cls === CharClass.Dropped) continue;
      c = info & 0xffff;
      j++;
      break;
    }
    if (c < 0) return found;
    if (space > 0) {
      const via = step(a, space, c);
      if (via > 0) {
        found = Math.max(found, walk(a, text, start, j, via));
        if (found === STANDALONE) return found;
      }
    }
    node = step(a, node, c);
    if (node < 0) return found;
  }
}

/** How strongly the pattern ending at `node` (if any) could name something as text[start, end). */
function accepted(a: Automaton, text: string, node: number, start: number, end: number): number {
  const pattern = a.nodePattern[node]!;
  if (pattern < 0) return NONE;
  let found = NONE;
  for (let v = a.patternVariantStart[pattern]!; v < a.patternVariantStart[pattern + 1]!; v++) {
    const flags = a.variantFlags[v]!;
    // Such a match is found only to be dropped (block-matches.ts).
    if (flags & NOT_A_NAME) continue;
    if (flags & CASE_SENSITIVE && !readsInCase(text, start, end, a.variantExact[v]!)) continue;
    if (!(flags & NEEDS_CONTEXT)) return STANDALONE;
    found = CONTEXT;
  }
  return found;
}

/** Whether text[start, end), normalised with case kept and without whitespace, is `expected` without its spaces. */
function readsInCase(text: string, start: number, end: number, expected: string): boolean {
  let k = 0;
  for (let i = start; i < end; i++) {
    const cls = charInfo(text.charCodeAt(i)) >>> 16;
    if (cls === CharClass.Space || cls === CharClass.Dropped) continue;
    while (k < expected.length && expected.charCodeAt(k) === SPACE) k++;
    if (k >= expected.length || exactChar(text.charCodeAt(i)) !== expected.charCodeAt(k++)) return false;
  }
  while (k < expected.length && expected.charCodeAt(k) === SPACE) k++;
  return k === expected.length;
}
