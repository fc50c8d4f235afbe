// The compiled dictionary: a trie over folded alias text plus a hash set of every alias's first
// word, flattened into typed arrays so it can be built once in the background, packed, and
// searched in any tab. Every match starts at a word boundary, so search.ts walks the trie only
// where a whole word of the page is some alias's first word; no failure links are needed.
// Packing for messages lives in pack.ts.

import { charClass, CharClass, normaliseAlias } from '../normalise';
import type { AliasSpec } from './alias-rules';
import { TextIds } from './text-ids';

export interface Automaton {
  /** Edges of node n are edgeChar/edgeTarget[nodeEdgeStart[n] .. nodeEdgeStart[n+1]), sorted by char. */
  nodeEdgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeTarget: Int32Array;
  /** The pattern that ends exactly at a node, or -1. */
  nodePattern: Int32Array;
  /**
   * Open-addressing set of wordHash(first word) of every pattern that starts with a word
   * character; 0 marks an empty slot, the length is a power of two and at least one slot is empty.
   */
  firstWords: Int32Array;
  /** Variants of pattern p are variantEntity/variantFlags/variantExact[patternVariantStart[p] .. [p+1]). */
  patternVariantStart: Int32Array;
  variantEntity: Int32Array;
  variantFlags: Uint8Array;
  /**
   * Each variant's exact (case-kept) normalised text, for case-sensitive checks. In a tab (after
   * unpackAutomaton) only CASE_SENSITIVE variants keep it; the others hold ''.
   */
  variantExact: string[];
}

/**
 * Compiles aliases into an automaton. Aliases that fold to the same text share one pattern and
 * become its variants (e.g. `GOV.UK` and `gov.uk`, or one name used by two entities).
 */
export function buildAutomaton(aliases: readonly AliasSpec[]): Automaton {
  // Group variants by folded text; the group index is the pattern id. A pattern's variants are
  // chained in arrival order through flat arrays (head, tail, next): no array or object per alias.
  const n = aliases.length;
  const patternIds = new TextIds(n);
  const foldedOf = patternIds.texts;
  const head = new Int32Array(n);
  const tail = new Int32Array(n);
  const next = new Int32Array(n);
  const entityOf = new Int32Array(n);
  const flagsOf = new Int32Array(n);
  const exactOf: string[] = [];
  for (const spec of aliases) {
    const { exact, folded } = normaliseAlias(spec.text);
    if (folded.length === 0 || folded === ' ') continue;
    const v = exactOf.length;
    const patterns = foldedOf.length;
    const id = patternIds.idOf(folded);
    if (id === patterns) {
      head[id] = v;
    } else {
      let w = head[id]!;
      while (w !== -1 && !(entityOf[w] === spec.entity && exactOf[w] === exact && flagsOf[w] === spec.flags)) w = next[w]!;
      if (w !== -1) continue; // the same variant twice
      next[tail[id]!] = v;
    }
    tail[id] = v;
    next[v] = -1;
    entityOf[v] = spec.entity;
    flagsOf[v] = spec.flags;
    exactOf.push(exact);
  }

  const { nodeEdgeStart, edgeChar, edgeTarget, nodePattern } = buildTrie(foldedOf, patternIds);
  const firstWords = firstWordSet(foldedOf);

  // Patterns and their variants, each pattern's in arrival order.
  const patternCount = foldedOf.length;
  const variantCount = exactOf.length;
  const patternVariantStart = new Int32Array(patternCount + 1);
  const variantEntity = new Int32Array(variantCount);
  const variantFlags = new Uint8Array(variantCount);
  const variantExact: string[] = [];
  let out = 0;
  for (let p = 0; p < patternCount; p++) {
    patternVariantStart[p] = out;
    for (let v = head[p]!; v !== -1; v = next[v]!) {
      variantEntity[out] = entityOf[v]!;
      variantFlags[out] = flagsOf[v]!;
      variantExact.push(exactOf[v]!);
      out++;
    }
  }
  patternVariantStart[patternCount] = out;

  return { nodeEdgeStart, edgeChar, edgeTarget, nodePattern, firstWords, patternVariantStart, variantEntity, variantFlags, variantExact };
}

/**
 * The trie of `patterns`, flattened. Patterns are inserted in sorted order, so each shares its
 * prefix with the one before and nodes are numbered depth first: a node's children come out in
 * char order and after it, with no per-node maps to build and sort.
 */
function buildTrie(patterns: readonly string[], ids: TextIds): Pick<Automaton, 'nodeEdgeStart' | 'edgeChar' | 'edgeTarget' | 'nodePattern'> {
  // The default sort orders strings by UTF-16 code units, as < does, without a call per comparison;
  // patterns are distinct, so `ids` maps each back to its number.
  const sorted = patterns.slice().sort();
  let maxNodes = 1;
  let longest = 0;
  for (const p of patterns) {
    maxNodes += p.length;
    longest = Math.max(longest, p.length);
  }
  // Node n > 0 is reached from parentOf[n] on charOf[n].
  const parentOf = new Int32Array(maxNodes);
  const charOf = new Uint16Array(maxNodes);
  const patternAt = new Int32Array(maxNodes).fill(-1);
  const path = new Int32Array(longest + 1); // path[d]: the node at depth d of the current pattern
  let nodeCount = 1;
  let previous = '';
  for (const p of sorted) {
    const id = ids.find(p);
    let shared = 0;
    while (shared < p.length && shared < previous.length && p.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    for (let d = shared; d < p.length; d++) {
      parentOf[nodeCount] = path[d]!;
      charOf[nodeCount] = p.charCodeAt(d);
      path[d + 1] = nodeCount++;
    }
    patternAt[path[p.length]!] = id;
    previous = p;
  }
  // Edges grouped by parent (a counting sort keeps each parent's children in char order).
  const nodeEdgeStart = new Int32Array(nodeCount + 1);
  for (let n = 1; n < nodeCount; n++) nodeEdgeStart[parentOf[n]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) nodeEdgeStart[n + 1]! += nodeEdgeStart[n]!;
  const edgeChar = new Uint16Array(nodeCount - 1);
  const edgeTarget = new Int32Array(nodeCount - 1);
  const next = nodeEdgeStart.slice(0, nodeCount);
  for (let n = 1; n < nodeCount; n++) {
    const e = next[parentOf[n]!]!++;
    edgeChar[e] = charOf[n]!;
    edgeTarget[e] = n;
  }
  return { nodeEdgeStart, edgeChar, edgeTarget, nodePattern: patternAt.slice(0, nodeCount) };
}

/** Hash of a folded word, built a character at a time as the page is read: `wordHash(wordHash(0, a), b)`... */
export function wordHash(hash: number, folded: number): number {
  return (Math.imul(hash, 31) + folded + 1) | 0;
}

/** The set's slot for a hash: key 0 would read as empty, so it is stored as 1. */
function firstWordKey(hash: number): number {
  return hash === 0 ? 1 : hash;
}

/** Whether `hash` may be a pattern's first word (a hash collision only costs a trie walk). */
export function hasFirstWord(set: Int32Array, hash: number): boolean {
  const key = firstWordKey(hash);
  const mask = set.length - 1;
  for (let slot = (key ^ (key >>> 16)) & mask; ; slot = (slot + 1) & mask) {
    const v = set[slot]!;
    if (v === key) return true;
    if (v === 0) return false;
  }
}

function firstWordSet(patterns: readonly string[]): Int32Array {
  const keys = new Set<number>();
  for (const p of patterns) {
    let hash = 0;
    let length = 0;
    while (length < p.length && charClass(p.charCodeAt(length)) === CharClass.Word) hash = wordHash(hash, p.charCodeAt(length++));
    if (length > 0) keys.add(firstWordKey(hash));
  }
  let size = 8;
  while (size < keys.size * 2) size *= 2;
  const set = new Int32Array(size);
  const mask = size - 1;
  for (const key of keys) {
    let slot = (key ^ (key >>> 16)) & mask;
    while (set[slot] !== 0) slot = (slot + 1) & mask;
    set[slot] = key;
  }
  return set;
}

/** The child of `node` on char `c`, or -1. Binary search over the node's sorted edges. */
export function step(
  a: Pick<Automaton, 'nodeEdgeStart' | 'edgeChar' | 'edgeTarget'>,
  node: number,
  c: number,
): number {
  let lo = a.nodeEdgeStart[node]!;
  let hi = a.nodeEdgeStart[node + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const mc = a.edgeChar[mid]!;
    if (mc === c) return a.edgeTarget[mid]!;
    if (mc < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
