// How every alias begins, for the whole-page prefilter (prefilter.ts): two bit sets over keys of a
// few kept characters (an alias's spaces left out, folded as the matcher folds). LONG holds the key
// of the first five of every alias of five or more; SHORT the key of the first three of every alias
// of three or four, and of every three that begin with a shorter one. Built once per dictionary by
// walking the top of its trie. Five, not three: "the", "and" and "ter" begin some alias of the
// shipped dictionary and one place in seven of an English page, where its first five leave about
// one in a hundred (half of them "gover", "natio", "digit": beginnings of real aliases).
//
// The sets are read once per character of the page, in code that runs before the engine has
// optimised anything, so keys use small-integer arithmetic only (no Math.imul calls, no numbers
// that leave the small-integer range): a character counts by its low seven bits, and a key is a
// polynomial in those. A key of three is below 2^17 and indexes SHORT exactly; a key of five is
// folded to 19 bits, so characters that share them only share bits, which costs a walk.

import type { Automaton } from '../../shared/matcher/automaton';
import { SPACE } from '../../shared/normalise';

/** Bits of a key of five that LONG keeps: 2^19 bits (64 KB), of which a few hundred beginnings set about 0.1%. */
export const LONG_MASK = 0x7ffff;

/** What a folded character counts as in a key: 1 … 128 (one byte a character in prefilter.ts's table). */
export function unit(folded: number): number {
  return (folded & 0x7f) + 1;
}

/** The key of three units: below 129 × 961 + 129 × 31 + 129 < 2^17. */
export function key3(u0: number, u1: number, u2: number): number {
  return (u0 * 31 + u1) * 31 + u2;
}

export interface AliasStarts {
  /** Bit (k & LONG_MASK) of the key k of the first five units of every alias of five or more kept characters. */
  long: Uint8Array;
  /** Bit k of the key k of the first three units of every alias of three or four; of every three that an alias of one or two begins. */
  short: Uint8Array;
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
  const starts: AliasStarts = { long: new Uint8Array((LONG_MASK + 1) >> 3), short: new Uint8Array((1 << 17) >> 3) };
  visit(a, starts, 0, 0, 0);
  cache.set(a, starts);
  return starts;
}

function setBit(bits: Uint8Array, k: number): void {
  bits[k >> 3]! |= 1 << (k & 7);
}

/**
 * Adds the beginnings below trie `node`, reached by `depth` kept characters whose key is `k` (k3
 * the key of their first three). Depth first, allocating nothing: it runs in every page that loads
 * a dictionary.
 */
function visit(a: Automaton, starts: AliasStarts, node: number, depth: number, k: number, k3 = 0): void {
  // An alias of one to four kept characters ends here: any units may follow it in a key of three.
  if (depth > 0 && depth < 5 && a.nodePattern[node]! >= 0) {
    const short = starts.short;
    if (depth >= 3) {
      setBit(short, depth === 3 ? k : k3);
    } else if (depth === 2) {
      // No alias of the shipped dictionary is this short: it sets every three it may begin.
      for (let u = 1; u <= 0x80; u++) setBit(short, k * 31 + u);
    } else {
      for (let u = 1; u <= 0x80; u++) for (let w = 1; w <= 0x80; w++) setBit(short, key3(k, u, w));
    }
  }
  for (let e = a.nodeEdgeStart[node]!; e < a.nodeEdgeStart[node + 1]!; e++) {
    const c = a.edgeChar[e]!;
    const child = a.edgeTarget[e]!;
    // A space is not a kept character: its child is reached by the same ones.
    if (c === SPACE) visit(a, starts, child, depth, k, k3);
    // The fifth kept character completes a key: no need to enter its node.
    else if (depth === 4) setBit(starts.long, (k * 31 + unit(c)) & LONG_MASK);
    else visit(a, starts, child, depth + 1, k * 31 + unit(c), depth === 2 ? k * 31 + unit(c) : k3);
  }
}
