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
//
// It runs once per page, before anything is optimised, so the engine does what it can: one
// native replace drops whitespace and dropped characters (most of a page's text is indentation),
// and the loop over what is left makes no call per character and does small-integer arithmetic
// only: a table of units, a key of the next five, and a walk through the trie only where those
// five begin some alias, or where the first two open a shorter one whose key is there too
// (starts.ts). About one start in fifty is walked on English pages, where one in seven began
// with the three characters of some alias.

import { CASE_SENSITIVE, NEEDS_CONTEXT, NOT_A_NAME } from '../../shared/matcher/alias-rules';
import { step, type Automaton } from '../../shared/matcher/automaton';
import type { Searcher } from '../../shared/matcher/search';
import { exactChar, foldedChar, SPACE } from '../../shared/normalise';
import { aliasStarts, MASK, SHORT, unit } from './starts';

/**
 * `none`: no alias can occur. `context-only`: only aliases that count where the page names the
 * same entity in its own right (NEEDS_CONTEXT), so nothing found there could be shown until a
 * standalone name turns up elsewhere. `maybe`: some alias may occur; walk.
 */
export type Prefilter = 'none' | 'context-only' | 'maybe';

const NONE = 0;
const CONTEXT = 1;
const STANDALONE = 2;

/**
 * Every run of what the matcher reads past: whitespace (normalise.ts's isWhitespace is exactly
 * `\s` less U+FEFF) and the characters it drops (U+FEFF among them, and NUL, which exactChar maps
 * to 0). prefilter.browser.test.ts checks every code unit against charInfo's classes.
 */
export const SKIPPED = /[\0\s\u00ad\u200b-\u200d\u2060]+/g;

/**
 * Each kept character's unit in a key (starts.ts), filled as characters are met: 0 until then, as
 * no unit is 0. foldedChar, not charInfo: deciding whether a character is a letter can cost
 * compiling a Unicode-property expression, and the prefilter never asks.
 */
const units = new Uint8Array(0x10000);

function unitOf(code: number): number {
  return (units[code] = unit(foldedChar(code)));
}

/** The unit of the character at `i`, or 0 past the end. */
function unitAt(kept: string, i: number): number {
  return i < kept.length ? units[kept.charCodeAt(i)] || unitOf(kept.charCodeAt(i)) : 0;
}

export function prefilter(searcher: Searcher, text: string): Prefilter {
  const a = searcher.automaton;
  const starts = aliasStarts(a);
  if (!starts) return 'maybe';
  const { keys, gate } = starts;
  const kept = text.replace(SKIPPED, '');
  const n = kept.length;
  let found = NONE;
  // The units of the characters at i … i + 4 (0 past the end: a key that reads past it only costs a walk).
  let u0 = 0;
  let u1 = unitAt(kept, 0);
  let u2 = unitAt(kept, 1);
  let u3 = unitAt(kept, 2);
  let u4 = unitAt(kept, 3);
  for (let i = 0; i < n; i++) {
    u0 = u1;
    u1 = u2;
    u2 = u3;
    u3 = u4;
    if (i + 4 < n) {
      const code = kept.charCodeAt(i + 4);
      u4 = units[code] || unitOf(code);
    } else {
      u4 = 0;
    }
    // The keys of starts.ts, of three units, four and five.
    const k3 = (u0 * 31 + u1) * 31 + u2;
    const k4 = k3 * 31 + u3;
    if (keys[(k4 * 31 + u4) & MASK] === 0) {
      const g = gate === null ? 0 : gate[((u0 & 0x7f) << 7) | (u1 & 0x7f)]!;
      if (g === 0 || (g === SHORT && keys[k3 & MASK] === 0 && keys[k4 & MASK] === 0)) continue;
    }
    const strongest = walk(a, kept, i, i, 0);
    if (strongest === STANDALONE) return 'maybe';
    if (strongest > found) found = strongest;
  }
  return found === CONTEXT ? 'context-only' : 'none';
}

/** The strongest alias that starts at `start` and runs on from trie `node`, the text read up to `j`. */
function walk(a: Automaton, kept: string, start: number, j: number, node: number): number {
  const n = kept.length;
  let found = NONE;
  for (;;) {
    // A space in the trie is skipped: the text has none. It may also end an alias. Edges are
    // sorted by character, so a node with a space edge has it among its first.
    const first = a.nodeEdgeStart[node]!;
    const space = first < a.nodeEdgeStart[node + 1]! && a.edgeChar[first]! <= SPACE ? step(a, node, SPACE) : -1;
    if (a.nodePattern[node]! >= 0) found = Math.max(found, accepted(a, kept, node, start, j));
    if (space > 0) found = Math.max(found, accepted(a, kept, space, start, j));
    if (found === STANDALONE || j >= n) return found;
    const c = foldedChar(kept.charCodeAt(j++));
    if (space > 0) {
      const via = step(a, space, c);
      if (via > 0) {
        found = Math.max(found, walk(a, kept, start, j, via));
        if (found === STANDALONE) return found;
      }
    }
    node = step(a, node, c);
    if (node < 0) return found;
  }
}

/** How strongly the pattern ending at `node` (if any) could name something as kept[start, end). */
function accepted(a: Automaton, kept: string, node: number, start: number, end: number): number {
  const pattern = a.nodePattern[node]!;
  if (pattern < 0) return NONE;
  let found = NONE;
  for (let v = a.patternVariantStart[pattern]!; v < a.patternVariantStart[pattern + 1]!; v++) {
    const flags = a.variantFlags[v]!;
    // Such a match is found only to be dropped (block-matches.ts).
    if (flags & NOT_A_NAME) continue;
    if (flags & CASE_SENSITIVE && !readsInCase(kept, start, end, a.variantExact[v]!)) continue;
    if (!(flags & NEEDS_CONTEXT)) return STANDALONE;
    found = CONTEXT;
  }
  return found;
}

/** Whether kept[start, end), normalised with case kept, is `expected` without its spaces. */
function readsInCase(kept: string, start: number, end: number, expected: string): boolean {
  let k = 0;
  for (let i = start; i < end; i++) {
    while (k < expected.length && expected.charCodeAt(k) === SPACE) k++;
    if (k >= expected.length || exactChar(kept.charCodeAt(i)) !== expected.charCodeAt(k++)) return false;
  }
  while (k < expected.length && expected.charCodeAt(k) === SPACE) k++;
  return k === expected.length;
}
