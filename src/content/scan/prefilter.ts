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

import { CASE_SENSITIVE, NEEDS_CONTEXT, NOT_A_NAME } from '../../shared/matcher/alias-rules';
import { step, type Automaton } from '../../shared/matcher/automaton';
import type { Searcher } from '../../shared/matcher/search';
import { CharClass, charInfo, exactChar, SPACE } from '../../shared/normalise';

/**
 * `none`: no alias can occur. `context-only`: only aliases that count where the page names the
 * same entity in its own right (NEEDS_CONTEXT), so nothing found there could be shown until a
 * standalone name turns up elsewhere. `maybe`: some alias may occur; walk.
 */
export type Prefilter = 'none' | 'context-only' | 'maybe';

const NONE = 0;
const CONTEXT = 1;
const STANDALONE = 2;

/** Characters of text normalised at a time, ahead of the starts being tried. */
const CHUNK = 8192;

export function prefilter(searcher: Searcher, text: string): Prefilter {
  const a = searcher.automaton;
  const { rootNext, pairNext } = searcher;
  // An alias whose normalised form opens with a space (a dropped character before it) still counts.
  const rootSpace = rootNext[SPACE]!;
  // The text without whitespace or dropped characters, folded, and as written (for case). It is
  // made a chunk at a time, ahead of the starts tried by at least the longest alias, so a page
  // that names something early is not read to its end.
  const n = text.length;
  const longest = longestAlias(a);
  const s: Skeleton = { a, folded: new Uint16Array(n), written: new Uint16Array(n), m: 0 };
  const { folded, written } = s;
  let read = 0;
  let found = NONE;
  for (let i = 0; ; i++) {
    if (read < n && i + longest >= s.m) {
      let m = s.m;
      for (const end = Math.min(n, read + CHUNK); read < end; read++) {
        const code = text.charCodeAt(read);
        const info = charInfo(code);
        const cls = info >>> 16;
        if (cls === CharClass.Space || cls === CharClass.Dropped) continue;
        folded[m] = info & 0xffff;
        written[m++] = code;
      }
      s.m = m;
      i--; // read again: the start may now have the characters it needs
      continue;
    }
    if (i >= s.m) break;
    const c = folded[i]!;
    let node = rootNext[c]!;
    if (node > 0) {
      // Most starts end at the second character: two table reads (on, or through a space) rule them out.
      const next = i + 1 < s.m ? folded[i + 1]! : -1;
      const ruledOut = next >= 0 && (c | next) < 0x80 && a.nodePattern[node]! < 0 && pairNext[(c << 7) | next] === 0 && pairNext[(c << 7) | SPACE] === 0;
      if (!ruledOut) found = Math.max(found, walk(s, i, i + 1, node));
    }
    if (rootSpace > 0 && found < STANDALONE && (node = step(a, rootSpace, c)) > 0) found = Math.max(found, walk(s, i, i + 1, node));
    if (found === STANDALONE) return 'maybe';
  }
  return found === CONTEXT ? 'context-only' : 'none';
}

/** Per automaton, its longest pattern (a variant's normalised text is as long as its pattern). */
const longestOf = new WeakMap<Automaton, number>();
function longestAlias(a: Automaton): number {
  let longest = longestOf.get(a);
  if (longest === undefined) {
    longest = 0;
    for (const v of a.variantExact) longest = Math.max(longest, v.length);
    longestOf.set(a, longest);
  }
  return longest;
}

interface Skeleton {
  a: Automaton;
  folded: Uint16Array;
  written: Uint16Array;
  m: number;
}

/** The strongest alias that starts at `start` and runs on from trie `node`, reached at `j`. */
function walk(s: Skeleton, start: number, j: number, node: number): number {
  const { a, folded, m } = s;
  let found = NONE;
  for (;;) {
    // A space in the trie is skipped: the text has none. It may also end an alias. Edges are
    // sorted by character, so a node with a space edge has it among its first.
    const first = a.nodeEdgeStart[node]!;
    const space = first < a.nodeEdgeStart[node + 1]! && a.edgeChar[first]! <= SPACE ? step(a, node, SPACE) : -1;
    if (a.nodePattern[node]! >= 0) found = Math.max(found, accepted(s, node, start, j));
    if (space > 0) found = Math.max(found, accepted(s, space, start, j));
    if (found === STANDALONE || j >= m) return found;
    const c = folded[j]!;
    if (space > 0) {
      const via = step(a, space, c);
      if (via > 0) {
        found = Math.max(found, walk(s, start, j + 1, via));
        if (found === STANDALONE) return found;
      }
    }
    node = step(a, node, c);
    if (node < 0) return found;
    j++;
  }
}

/** How strongly the pattern ending at `node` (if any) could name something as skeleton[start, end). */
function accepted(s: Skeleton, node: number, start: number, end: number): number {
  const { a } = s;
  const pattern = a.nodePattern[node]!;
  if (pattern < 0) return NONE;
  let found = NONE;
  for (let v = a.patternVariantStart[pattern]!; v < a.patternVariantStart[pattern + 1]!; v++) {
    const flags = a.variantFlags[v]!;
    // Such a match is found only to be dropped (block-matches.ts).
    if (flags & NOT_A_NAME) continue;
    if (flags & CASE_SENSITIVE && !readsInCase(s.written, start, end, a.variantExact[v]!)) continue;
    if (!(flags & NEEDS_CONTEXT)) return STANDALONE;
    found = CONTEXT;
  }
  return found;
}

/** Whether written[start, end), normalised with case kept, is `expected` with its spaces left out. */
function readsInCase(written: Uint16Array, start: number, end: number, expected: string): boolean {
  let k = start;
  for (let i = 0; i < expected.length; i++) {
    const e = expected.charCodeAt(i);
    if (e === SPACE) continue;
    if (k >= end || exactChar(written[k++]!) !== e) return false;
  }
  return k === end;
}
