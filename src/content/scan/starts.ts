// How every alias begins, for the whole-page prefilter (prefilter.ts): a bit set over the first
// three characters of each alias with its spaces left out (or the whole alias, where it has fewer),
// folded as the matcher folds. Built once per dictionary by walking the top of its trie, so a
// start the set rules out costs three bit reads instead of a walk through the trie.

import type { Automaton } from '../../shared/matcher/automaton';
import { SPACE } from '../../shared/normalise';

/** 2^16 bits: a few thousand beginnings fill a few percent of it, so a false "maybe" is rare. */
const BITS = 16;
const starts = new WeakMap<Automaton, Int32Array>();

/** Slot of a beginning of one, two or three characters (0 for none: no kept character folds to 0). */
function slot(c0: number, c1: number, c2: number): number {
  return (Math.imul(c0, 0x9e3779b1) ^ Math.imul(c1 + 1, 0x85ebca77) ^ Math.imul(c2 + 2, 0xc2b2ae3d)) >>> (32 - BITS);
}

function has(set: Int32Array, s: number): boolean {
  return (set[s >>> 5]! & (1 << (s & 31))) !== 0;
}

/** Whether an alias may begin with c0, c1, c2 (later ones 0 where the text ends). */
export function mayStart(set: Int32Array, c0: number, c1: number, c2: number): boolean {
  return has(set, slot(c0, c1, c2)) || has(set, slot(c0, c1, 0)) || has(set, slot(c0, 0, 0));
}

/**
 * Beyond this many aliases (distinct folded texts) there is no set: nearly every page names one of
 * them (every corpus page does at the benchmark's 10k and 50k), so the prefilter would only add
 * its cost.
 */
const MAX_PATTERNS = 5000;

/** The beginnings of `a`'s aliases (cached per automaton), or null where the dictionary is too big for a prefilter to pay. */
export function aliasStarts(a: Automaton): Int32Array | null {
  if (a.patternVariantStart.length - 1 > MAX_PATTERNS) return null;
  let set = starts.get(a);
  if (set) return set;
  set = new Int32Array(1 << (BITS - 5));
  const add = (s: number) => (set![s >>> 5]! |= 1 << (s & 31));
  const ends = (node: number) => a.nodePattern[node]! >= 0 || a.nodePattern[spaceChild(a, node)]! >= 0;
  // Depth first from the root: a node, how many kept characters lead to it, and those characters.
  const stack: number[] = [0, 0, 0, 0];
  while (stack.length > 0) {
    const c1 = stack.pop()!;
    const c0 = stack.pop()!;
    const depth = stack.pop()!;
    const node = stack.pop()!;
    // An alias that ends within its first two characters is a beginning of its own.
    if (depth === 1 && ends(node)) add(slot(c0, 0, 0));
    if (depth === 2 && ends(node)) add(slot(c0, c1, 0));
    for (let e = a.nodeEdgeStart[node]!; e < a.nodeEdgeStart[node + 1]!; e++) {
      const c = a.edgeChar[e]!;
      const child = a.edgeTarget[e]!;
      if (c === SPACE) stack.push(child, depth, c0, c1); // not a kept character
      else if (depth === 0) stack.push(child, 1, c, 0);
      else if (depth === 1) stack.push(child, 2, c0, c);
      else add(slot(c0, c1, c));
    }
  }
  starts.set(a, set);
  return set;
}

/** The child of `node` on a space, or the root (which ends no alias) where there is none. */
function spaceChild(a: Automaton, node: number): number {
  const first = a.nodeEdgeStart[node]!;
  for (let e = first; e < a.nodeEdgeStart[node + 1]! && a.edgeChar[e]! <= SPACE; e++) if (a.edgeChar[e] === SPACE) return a.edgeTarget[e]!;
  return 0;
}
