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
// and the loop over what is left is a small function of its own that makes no call per character
// and does small-integer arithmetic only: a table of units, the keys of the next three and five,
// and a walk through the trie only where some alias begins with those (starts.ts). About one
// start in sixty is walked on English pages, where one in seven began with the three characters
// of some alias; half of those walks are real beginnings of aliases ("gover", "natio").

import { CASE_SENSITIVE, NEEDS_CONTEXT, NOT_A_NAME } from './alias-rules';
import { step, type Automaton } from './automaton';
import type { Searcher } from './search';
import { exactChar, foldedChar, SPACE } from '../normalise';
import { LONG_MASK, unit } from './start-keys';
import { SKIPPED } from './skipped';
import { aliasStarts } from './starts';

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
 * Put after the kept text so the loop reads the next five without testing for the end. Its unit,
 * like any, only costs a walk where a key reads it.
 */
const PAD = '\x01\x01\x01\x01';

/**
 * Each kept character's unit in a key (starts.ts): 0 until it is first met, as no unit is 0. ASCII
 * is filled before the first page is read, from what foldedChar does there (lower-cases, and
 * makes whitespace a space), so an English page's loop calls unitOf for a few characters at most,
 * and never runs the folding behind it for ASCII. foldedChar, not
 * charInfo: deciding whether a character is a letter can cost compiling a Unicode-property
 * expression. prefilter.browser.test.ts checks every code unit's against foldedChar's.
 */
const units = new Uint8Array(0x10000);

function unitOf(code: number): number {
  return (units[code] = unit(foldedChar(code)));
}

function fillAscii(): void {
  for (let c = 0; c < 0x80; c++) units[c] = unit(c >= 0x41 && c <= 0x5a ? c + 0x20 : c === 0x20 || (c >= 0x09 && c <= 0x0d) ? SPACE : c);
}

/** A kept character's unit, as the loop reads it: for prefilter.browser.test.ts. */
export function keptUnit(code: number): number {
  if (units[0] === 0) fillAscii();
  return units[code] || unitOf(code);
}

export function prefilter(searcher: Searcher, text: string): Prefilter {
  const a = searcher.automaton;
  const starts = aliasStarts(a);
  if (!starts) return 'maybe';
  if (units[0] === 0) fillAscii();
  const kept = text.replace(SKIPPED, '') + PAD;
  const n = kept.length - PAD.length;
  let found = NONE;
  for (let i = nextStart(kept, n, 0, starts.long, starts.short); i >= 0; i = nextStart(kept, n, i + 1, starts.long, starts.short)) {
    const strongest = walk(a, kept, n, i, i, 0);
    if (strongest === STANDALONE) return 'maybe';
    if (strongest > found) found = strongest;
  }
  return found === CONTEXT ? 'context-only' : 'none';
}

/**
 * The first place at or after `i` (below `n`) where the next five kept characters begin some alias
 * of five or more, or the next three one of three or four (or begin with one of one or two), or -1.
 * The loop the whole page goes through: kept small and free of calls but for a character's first
 * unit, so the engine soon runs it optimised. `kept` holds PAD after `n`.
 */
function nextStart(kept: string, n: number, i: number, long: Uint8Array, short: Uint8Array): number {
  let u1 = units[kept.charCodeAt(i)] || unitOf(kept.charCodeAt(i));
  let u2 = units[kept.charCodeAt(i + 1)] || unitOf(kept.charCodeAt(i + 1));
  let u3 = units[kept.charCodeAt(i + 2)] || unitOf(kept.charCodeAt(i + 2));
  let u4 = units[kept.charCodeAt(i + 3)] || unitOf(kept.charCodeAt(i + 3));
  for (; i < n; i++) {
    const code = kept.charCodeAt(i + 4);
    const u0 = u1;
    u1 = u2;
    u2 = u3;
    u3 = u4;
    u4 = units[code] || unitOf(code);
    const k3 = (u0 * 31 + u1) * 31 + u2;
    const k5 = ((k3 * 31 + u3) * 31 + u4) & LONG_MASK;
    if ((short[k3 >> 3]! & (1 << (k3 & 7))) | (long[k5 >> 3]! & (1 << (k5 & 7)))) return i;
  }
  return -1;
}

/** The strongest alias that starts at `start` and runs on from trie `node`, the text read up to `j` (of `n`). */
function walk(a: Automaton, kept: string, n: number, start: number, j: number, node: number): number {
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
        found = Math.max(found, walk(a, kept, n, start, j, via));
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
