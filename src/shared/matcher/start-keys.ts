// How every alias begins, as keys for the content script's whole-page prefilter: computed once,
// where the dictionary is compiled (the background), by walking the top of the trie, and sent to
// every tab with the dictionary as short lists of integers. A tab only sets the bits they name
// (starts.ts), instead of walking the trie on every page load. The key arithmetic
// (a character's unit, a key of three, LONG_MASK) lives here, so both sides count alike.

import type { Automaton } from './automaton';
import { SPACE } from '../normalise';
import { packTables, type PackedTables } from '../wire-tables';

/** Bits of a key of five that the long set keeps: 2^19 bits (64 KB). */
export const LONG_MASK = 0x7ffff;
/** Size in bits of the short set: every key of three is below it. */
export const SHORT_BITS = 1 << 17;

/** What a folded character counts as in a key: 1 … 128. */
export function unit(folded: number): number {
  return (folded & 0x7f) + 1;
}

/** The key of three units: below 129 × 961 + 129 × 31 + 129 < 2^17. */
export function key3(u0: number, u1: number, u2: number): number {
  return (u0 * 31 + u1) * 31 + u2;
}

/** The smallest and largest key of each list, from the smallest and largest unit (1 and 128). */
export const KEY_RANGES = {
  long: [0, LONG_MASK],
  short: [key3(1, 1, 1), key3(128, 128, 128)],
  two: [1 * 31 + 1, 128 * 31 + 128],
  one: [1, 128],
} as const;

/**
 * Beyond this many aliases (distinct folded texts) there are no keys: nearly every page names one
 * of them (every corpus page does at the benchmark's 10k and 50k), so the prefilter would only
 * add its cost.
 */
export const MAX_PATTERNS = 5000;

/** The keys, each list sorted and without repeats. */
export interface StartKeys {
  /** (key of the first five units) & LONG_MASK, of every alias of five or more kept characters. */
  long: number[];
  /** The key of the first three units of every alias of three or four. */
  short: number[];
  /** The key of the two units of every alias of two kept characters: any third may follow. */
  two: number[];
  /** The unit of every alias of one kept character: any two may follow. */
  one: number[];
}

/** The keys of `a`'s aliases, or null where the dictionary is too big for a prefilter to pay. */
export function startKeys(a: Automaton): StartKeys | null {
  if (a.patternVariantStart.length - 1 > MAX_PATTERNS) return null;
  const sets = { long: new Set<number>(), short: new Set<number>(), two: new Set<number>(), one: new Set<number>() };
  visit(a, sets, 0, 0, 0, 0);
  const sorted = (s: Set<number>) => [...s].sort((x, y) => x - y);
  return { long: sorted(sets.long), short: sorted(sets.short), two: sorted(sets.two), one: sorted(sets.one) };
}

/** The keys as they travel: four tables (long, short, two, one), each at its narrowest width. */
export type PackedStartKeys = PackedTables;

export function packStartKeys(keys: StartKeys): PackedStartKeys {
  return packTables([keys.long, keys.short, keys.two, keys.one], ['any', 'any', 'any', 'any']);
}

type KeySets = { [K in keyof StartKeys]: Set<number> };

/**
 * Adds the beginnings below trie `node`, reached by `depth` kept characters whose key is `k` (k3
 * the key of their first three).
 */
function visit(a: Automaton, sets: KeySets, node: number, depth: number, k: number, k3: number): void {
  // An alias of one to four kept characters ends here.
  if (depth > 0 && depth < 5 && a.nodePattern[node]! >= 0) {
    if (depth >= 3) sets.short.add(depth === 3 ? k : k3);
    else if (depth === 2) sets.two.add(k);
    else sets.one.add(k);
  }
  for (let e = a.nodeEdgeStart[node]!; e < a.nodeEdgeStart[node + 1]!; e++) {
    const c = a.edgeChar[e]!;
    const child = a.edgeTarget[e]!;
    // A space is not a kept character: its child is reached by the same ones.
    if (c === SPACE) visit(a, sets, child, depth, k, k3);
    // The fifth kept character completes a key: no need to enter its node.
    else if (depth === 4) sets.long.add((k * 31 + unit(c)) & LONG_MASK);
    else visit(a, sets, child, depth + 1, k * 31 + unit(c), depth === 2 ? k * 31 + unit(c) : k3);
  }
}
