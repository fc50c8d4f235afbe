// The compiled dictionary: an Aho–Corasick automaton over folded alias text, flattened into
// typed arrays so it can be built once in the background, packed, and searched in any tab.
// Building and searching live here; packing for messages lives in pack.ts.

import { normaliseAlias } from '../normalise';
import type { AliasSpec } from './alias-rules';

export interface Automaton {
  /** Edges of node n are edgeChar/edgeTarget[nodeEdgeStart[n] .. nodeEdgeStart[n+1]), sorted by char. */
  nodeEdgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeTarget: Int32Array;
  /** Aho–Corasick failure link of each node. */
  fail: Int32Array;
  /** The pattern that ends exactly at a node, or -1. */
  nodePattern: Int32Array;
  /** Nearest node down the failure chain (excluding itself) that ends a pattern, or -1. */
  outputLink: Int32Array;
  /** Folded length of each pattern. */
  patternLength: Int32Array;
  /** Variants of pattern p are variantEntity/variantFlags/variantExact[patternVariantStart[p] .. [p+1]). */
  patternVariantStart: Int32Array;
  variantEntity: Int32Array;
  variantFlags: Uint8Array;
  /** Each variant's exact (case-kept) normalised text, for case-sensitive checks. */
  variantExact: string[];
}

interface BuildNode {
  edges: Map<number, number>;
}

/**
 * Compiles aliases into an automaton. Aliases that fold to the same text share one pattern and
 * become its variants (e.g. `GOV.UK` and `gov.uk`, or one name used by two entities).
 */
export function buildAutomaton(aliases: readonly AliasSpec[]): Automaton {
  // Group variants by folded text; the group index is the pattern id.
  const patternIds = new Map<string, number>();
  const variantsOf: { entity: number; flags: number; exact: string }[][] = [];
  const foldedOf: string[] = [];
  for (const spec of aliases) {
    const { exact, folded } = normaliseAlias(spec.text);
    if (folded.length === 0 || folded === ' ') continue;
    let id = patternIds.get(folded);
    if (id === undefined) {
      id = foldedOf.length;
      patternIds.set(folded, id);
      foldedOf.push(folded);
      variantsOf.push([]);
    }
    const variants = variantsOf[id]!;
    if (!variants.some((v) => v.entity === spec.entity && v.exact === exact && v.flags === spec.flags)) {
      variants.push({ entity: spec.entity, flags: spec.flags, exact });
    }
  }

  // Trie.
  const nodes: BuildNode[] = [{ edges: new Map() }];
  const endsPattern: number[] = [-1];
  foldedOf.forEach((folded, patternId) => {
    let node = 0;
    for (let i = 0; i < folded.length; i++) {
      const c = folded.charCodeAt(i);
      let next = nodes[node]!.edges.get(c);
      if (next === undefined) {
        next = nodes.length;
        nodes.push({ edges: new Map() });
        endsPattern.push(-1);
        nodes[node]!.edges.set(c, next);
      }
      node = next;
    }
    endsPattern[node] = patternId;
  });

  // Flatten edges, sorted by char for binary search.
  const nodeCount = nodes.length;
  const nodeEdgeStart = new Int32Array(nodeCount + 1);
  let edgeCount = 0;
  for (let n = 0; n < nodeCount; n++) {
    nodeEdgeStart[n] = edgeCount;
    edgeCount += nodes[n]!.edges.size;
  }
  nodeEdgeStart[nodeCount] = edgeCount;
  const edgeChar = new Uint16Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  for (let n = 0; n < nodeCount; n++) {
    const sorted = [...nodes[n]!.edges.entries()].sort((a, b) => a[0] - b[0]);
    let e = nodeEdgeStart[n]!;
    for (const [c, t] of sorted) {
      edgeChar[e] = c;
      edgeTarget[e] = t;
      e++;
    }
  }

  // Failure and output links, breadth first.
  const fail = new Int32Array(nodeCount);
  const outputLink = new Int32Array(nodeCount).fill(-1);
  const nodePattern = Int32Array.from(endsPattern);
  const queue = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (let e = nodeEdgeStart[0]!; e < nodeEdgeStart[1]!; e++) {
    fail[edgeTarget[e]!] = 0;
    queue[tail++] = edgeTarget[e]!;
  }
  const automatonSoFar = { nodeEdgeStart, edgeChar, edgeTarget };
  while (head < tail) {
    const node = queue[head++]!;
    for (let e = nodeEdgeStart[node]!; e < nodeEdgeStart[node + 1]!; e++) {
      const c = edgeChar[e]!;
      const child = edgeTarget[e]!;
      let f = fail[node]!;
      let target = step(automatonSoFar, f, c);
      while (target < 0 && f !== 0) {
        f = fail[f]!;
        target = step(automatonSoFar, f, c);
      }
      fail[child] = target < 0 || target === child ? 0 : target;
      const via = fail[child]!;
      outputLink[child] = nodePattern[via]! >= 0 ? via : outputLink[via]!;
      queue[tail++] = child;
    }
  }

  // Patterns and their variants.
  const patternCount = foldedOf.length;
  const patternLength = new Int32Array(patternCount);
  const patternVariantStart = new Int32Array(patternCount + 1);
  const variantEntity: number[] = [];
  const variantFlags: number[] = [];
  const variantExact: string[] = [];
  for (let p = 0; p < patternCount; p++) {
    patternLength[p] = foldedOf[p]!.length;
    patternVariantStart[p] = variantEntity.length;
    for (const v of variantsOf[p]!) {
      variantEntity.push(v.entity);
      variantFlags.push(v.flags);
      variantExact.push(v.exact);
    }
  }
  patternVariantStart[patternCount] = variantEntity.length;

  return {
    nodeEdgeStart,
    edgeChar,
    edgeTarget,
    fail,
    nodePattern,
    outputLink,
    patternLength,
    patternVariantStart,
    variantEntity: Int32Array.from(variantEntity),
    variantFlags: Uint8Array.from(variantFlags),
    variantExact,
  };
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
