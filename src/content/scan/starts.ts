// How every alias begins, for the whole-page prefilter (prefilter.ts): a table of the first five
// kept characters of each alias (its spaces left out, folded as the matcher folds), or of the
// whole alias where it has three or four, and a table of the first two characters of those short
// ones. Built once per dictionary by walking the top of its trie. Five, not three: "the", "and"
// and "ter" begin some alias of the shipped dictionary and one place in seven of an English page,
// where its first five leave about one in a hundred, so few starts cost a walk through the trie.
//
// The tables are read once per character of the page, in code that runs before the engine has
// optimised anything, so keys use small-integer arithmetic only (no Math.imul calls, no numbers
// that leave the small-integer range): a character counts by its low seven bits, and a key is a
// polynomial in those. Characters that share them only share slots, which costs a walk.

import type { Automaton } from '../../shared/matcher/automaton';
import { SPACE } from '../../shared/normalise';

/**
 * A beginning's key is a polynomial in its units: 0, then k × 31 + unit for each character. With
 * units of at most 128 the key of five stays below 2^27. Key bits kept: 2^16 one-byte slots, of
 * which a few thousand beginnings fill a few percent.
 */
export const MASK = 0xffff;
/** Gate slots: the low 7 bits of two units. */
const GATE_SIZE = 1 << 14;

/** What a folded character counts as in a key: 1 … 128 (one byte a character in prefilter.ts's table), so that 0 can stand for "past the end". */
export function unit(folded: number): number {
  return (folded & 0x7f) + 1;
}

/** Slot in the gate of a beginning whose first two units are u0, u1. */
export function gateSlot(u0: number, u1: number): number {
  return ((u0 & 0x7f) << 7) | (u1 & 0x7f);
}

/** In the gate: some alias of three or four kept characters begins with this pair (compare its key); of one or two (walk). */
export const SHORT = 1;
export const TINY = 2;

export interface AliasStarts {
  /** Non-zero at (key of its first five units) & MASK for every alias of five or more kept characters, (key of all) & MASK for every alias of three or four. */
  keys: Uint8Array;
  /** SHORT or TINY at gateSlot(first two units) of every alias of up to four kept characters; null where there is none. */
  gate: Uint8Array | null;
}

/**
 * Beyond this many aliases (distinct folded texts) there is no set: nearly every page names one of
 * them (every corpus page does at the benchmark's 10k and 50k), so the prefilter would only add
 * its cost.
 */
const MAX_PATTERNS = 5000;
const cache = new WeakMap<Automaton, AliasStarts>();

/** The beginnings of `a`'s aliases (cached per automaton), or null where the dictionary is too big for a prefilter to pay. */
export function aliasStarts(a: Automaton): AliasStarts | null {
  if (a.patternVariantStart.length - 1 > MAX_PATTERNS) return null;
  const cached = cache.get(a);
  if (cached) return cached;
  const starts: AliasStarts = { keys: new Uint8Array(MASK + 1), gate: null };
  visit(a, starts, 0, 0, 0, 0, 0);
  cache.set(a, starts);
  return starts;
}

/**
 * Adds the beginnings below trie `node`, reached by `depth` kept characters whose key is `k`
 * (u0, u1 their first two units). Depth first, allocating nothing: it runs in every page that
 * loads a dictionary.
 */
function visit(a: Automaton, starts: AliasStarts, node: number, depth: number, k: number, u0: number, u1: number): void {
  // An alias ends here.
  if (depth > 0 && a.nodePattern[node]! >= 0) {
    const gate = (starts.gate ??= new Uint8Array(GATE_SIZE));
    if (depth > 2) {
      starts.keys[k & MASK] = 1;
      gate[gateSlot(u0, u1)] ||= SHORT;
    } else if (depth === 2) {
      gate[gateSlot(u0, u1)] = TINY;
    } else {
      // Any character may follow, or none (unit 0).
      for (let u = 0; u < 0x80; u++) gate[gateSlot(u0, u)] = TINY;
    }
  }
  for (let e = a.nodeEdgeStart[node]!; e < a.nodeEdgeStart[node + 1]!; e++) {
    const c = a.edgeChar[e]!;
    const child = a.edgeTarget[e]!;
    // A space is not a kept character: its child is reached by the same ones.
    if (c === SPACE) visit(a, starts, child, depth, k, u0, u1);
    // The fifth kept character completes a key: no need to enter its node.
    else if (depth === 4) starts.keys[(k * 31 + unit(c)) & MASK] = 1;
    else visit(a, starts, child, depth + 1, k * 31 + unit(c), depth === 0 ? unit(c) : u0, depth === 1 ? unit(c) : u1);
  }
}
