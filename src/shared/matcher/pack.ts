// Packs a compiled automaton for extension messaging (every tab is sent it in 'page/start'), and
// unpacks it in the tab into the arrays the background built. Everything travels in forms a tab
// decodes natively (wire-tables.ts): the integer tables in one base64 string, each at the
// narrowest width that holds it, and the variants' exact texts as one joined string, with text
// only where the matcher compares it in case. Rebuilding more in the tab (a front-coded trie was
// tried) made a smaller message but a longer first task: a loop over every trie node, cold.
// The full consistency check runs once, where the automaton is packed (the background); every
// tab's unpack checks the shape. Ranges travel as counts (a node's edges, a pattern's variants),
// unsigned, so a range that runs backwards cannot be sent: the tab's one pass that adds them up
// is the whole check that its ranges rise, and counts are 4 times narrower than the ends.

import type { Automaton } from './automaton';
import { CASE_SENSITIVE } from './alias-rules';
import { joinPieces, packTables, splitPieces, unpackTables, type PackedTables, type Table, type Width } from '../wire-tables';

export interface PackedAutomaton extends PackedTables {
  /** Each variant's exact text, '' unless it is CASE_SENSITIVE, joined by `separator`. */
  exact: string;
  separator: string;
}

// Tables in order. `nodeEdgeStart` travels as each node's edge count and `patternVariantStart`
// as each pattern's variant count; `nodePattern` (one entry per trie node, nearly all -1) as
// patternNode (the node of each pattern). The tab rebuilds all three in one pass each.
const WIDTHS: readonly Width[] = [
  'any', // nodeEdgeCount
  'any', // edgeChar
  4, // edgeTarget
  'any', // patternNode
  4, // firstWords
  'any', // patternVariantCount
  'any', // variantEntity
  1, // variantFlags
];

/** Throws if `automaton` is inconsistent (checkConsistent): a bad one is never sent to a tab. */
export function packAutomaton(automaton: Automaton): PackedAutomaton {
  const a = automaton;
  checkConsistent(a);
  const patternNode = new Int32Array(a.patternVariantStart.length - 1);
  a.nodePattern.forEach((p, node) => {
    if (p >= 0) patternNode[p] = node;
  });
  const { text, separator } = joinPieces(a.variantExact.map((t, v) => (a.variantFlags[v]! & CASE_SENSITIVE ? t : '')));
  return {
    ...packTables([counts(a.nodeEdgeStart), a.edgeChar, a.edgeTarget, patternNode, a.firstWords, counts(a.patternVariantStart), a.variantEntity, a.variantFlags], WIDTHS),
    exact: text,
    separator,
  };
}

/**
 * The automaton as the background built it, except that a variant's exact text is kept only
 * where the matcher compares it (CASE_SENSITIVE; '' elsewhere). Throws if the value has the
 * wrong shape: tables of the wrong width or count, counts that do not add up to the table they
 * divide, a pattern on a node that does not exist, a first-word set a probe could loop in, exact
 * texts that are not one per variant. It comes from our own background (the runtime names the
 * sender), which checked every index when it packed it; edge targets and variant entities are
 * not checked again here, in every frame of every page. A wrong one could only make a search read
 * `undefined`, which ends the walk; every range the tables give rises, inside its table.
 */
export function unpackAutomaton(p: PackedAutomaton): Automaton {
  const [nodeEdgeCount, edgeChar, edgeTarget, patternNode, firstWords, patternVariantCount, variantEntity, variantFlags] = unpackTables(p, WIDTHS) as [Table, Table, Int32Array, Table, Int32Array, Table, Table, Uint8Array];
  const nodes = nodeEdgeCount.length;
  const patterns = patternNode.length;
  if (nodes < 1) fail('node tables disagree');
  const nodeEdgeStart = starts(nodeEdgeCount);
  if (edgeChar.length !== edgeTarget.length || nodeEdgeStart[nodes] !== edgeTarget.length) fail('edge tables disagree');
  if (patternVariantCount.length !== patterns) fail('pattern tables disagree');
  const { nodePattern, patternVariantStart } = patternTables(nodes, patternNode, patternVariantCount);
  if (patternVariantStart[patterns] !== variantEntity.length) fail('pattern tables disagree');
  if (variantFlags.length !== variantEntity.length) fail('variant tables disagree');
  // A probe of the first-word set stops at an empty slot, so there must be one.
  const size = firstWords.length;
  if (size === 0 || (size & (size - 1)) !== 0 || !firstWords.includes(0)) fail('first-word set is malformed');
  return {
    nodeEdgeStart,
    // Narrow tables widen natively, without a loop of ours.
    edgeChar: edgeChar instanceof Uint16Array ? edgeChar : new Uint16Array(edgeChar),
    edgeTarget,
    nodePattern,
    firstWords,
    patternVariantStart,
    variantEntity: variantEntity instanceof Int32Array ? variantEntity : new Int32Array(variantEntity),
    variantFlags,
    variantExact: splitPieces(p.exact, p.separator, variantFlags.length),
  };
}

/** Each range's length: ends[i + 1] - ends[i]. */
function counts(ends: Int32Array): Int32Array {
  const out = new Int32Array(ends.length - 1);
  for (let i = 0; i < out.length; i++) out[i] = ends[i + 1]! - ends[i]!;
  return out;
}

/** Counts, read as unsigned: a 4-byte table travels as Int32 but a count is never negative. */
const unsigned = (t: Table): Uint8Array | Uint16Array | Uint32Array => (t instanceof Int32Array ? new Uint32Array(t.buffer, t.byteOffset, t.length) : t);

/**
 * The ends of consecutive ranges of the given lengths, from 0: `counts.length + 1` entries, each
 * at least the one before (counts are unsigned). The caller checks the last against its table.
 * An indexed loop, four at a time: this runs once per tab over every trie node, mostly before V8
 * optimises it, where loop overhead (or a callback or iterator per element) is most of the cost.
 */
function starts(table: Table): Int32Array {
  const c = unsigned(table);
  const n = c.length;
  const out = new Int32Array(n + 1);
  let sum = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    out[i + 1] = sum += c[i]!;
    out[i + 2] = sum += c[i + 1]!;
    out[i + 3] = sum += c[i + 2]!;
    out[i + 4] = sum += c[i + 3]!;
  }
  for (; i < n; i++) out[i + 1] = sum += c[i]!;
  // Past 2^31 the Int32 entries wrapped: refuse rather than compare a wrapped last entry.
  if (sum > 0x7fffffff) fail('counts overflow');
  return out;
}

/**
 * One entry per trie node, the pattern ending there or -1 (throws if a pattern's node does not
 * exist or two patterns claim one), and the patterns' variant ranges, in one pass over patterns.
 */
function patternTables(nodes: number, patternNode: Table, variantCount: Table): { nodePattern: Int32Array; patternVariantStart: Int32Array } {
  const counts = unsigned(variantCount);
  const patterns = patternNode.length;
  const nodePattern = new Int32Array(nodes).fill(-1);
  const patternVariantStart = new Int32Array(patterns + 1);
  let sum = 0;
  for (let p = 0; p < patterns; p++) {
    const node = patternNode[p]!;
    if (node < 1 || node >= nodes || nodePattern[node] !== -1) fail(`pattern ${p} has a bad node`);
    nodePattern[node] = p;
    patternVariantStart[p + 1] = sum += counts[p]!;
  }
  if (sum > 0x7fffffff) fail('counts overflow');
  return { nodePattern, patternVariantStart };
}

const fail = (what: string): never => {
  throw new Error(`packed automaton: ${what}`);
};

/**
 * Table sizes and ends agree, every range rises; the first-word set has an empty slot, so a probe
 * stops. (A tab's unpack gets the same guarantees from the form the tables travel in.)
 */
function checkShape(a: Automaton): void {
  const nodes = a.nodePattern.length;
  const patterns = a.patternVariantStart.length - 1;
  if (nodes === 0 || a.nodeEdgeStart.length !== nodes + 1) fail('node tables disagree');
  if (a.edgeTarget.length !== a.edgeChar.length || a.nodeEdgeStart[nodes] !== a.edgeTarget.length || a.nodeEdgeStart[0] !== 0) fail('edge tables disagree');
  // Node edge ranges are looped over (createSearcher walks the root's and its children's): rising
  // from 0 to the edge count, each lies inside the edge tables.
  for (let n = 0; n < nodes; n++) {
    if (a.nodeEdgeStart[n]! > a.nodeEdgeStart[n + 1]!) fail(`node ${n}'s edges are malformed`);
  }
  // A probe of the first-word set stops at an empty slot, so there must be one.
  const size = a.firstWords.length;
  if (size === 0 || (size & (size - 1)) !== 0 || !a.firstWords.includes(0)) fail('first-word set is malformed');
  if (patterns < 0 || a.patternVariantStart[0] !== 0 || a.patternVariantStart[patterns] !== a.variantEntity.length) fail('pattern tables disagree');
  if (a.variantFlags.length !== a.variantEntity.length || a.variantExact.length !== a.variantEntity.length) fail('variant tables disagree');
  // A pattern's variant range is looped over in a search: it must lie inside the variant tables.
  for (let p = 0; p < patterns; p++) {
    if (a.patternVariantStart[p]! > a.patternVariantStart[p + 1]!) fail(`pattern ${p} is malformed`);
  }
}

/**
 * Every index points inside its table: a corrupt automaton must fail where it is built, loudly,
 * rather than make the search loop or read out of bounds in every tab.
 */
export function checkConsistent(a: Automaton): void {
  checkShape(a);
  const nodes = a.nodePattern.length;
  const patterns = a.patternVariantStart.length - 1;
  // Edges must lead to a later node (children are numbered after their parent), so every walk
  // ends and stays in bounds.
  for (let n = 0; n < nodes; n++) {
    const first = a.nodeEdgeStart[n]!;
    const end = a.nodeEdgeStart[n + 1]!;
    if (first > end) fail('edge ranges overlap');
    const p = a.nodePattern[n]!;
    if (p < -1 || p >= patterns) fail(`node ${n} points outside the tables`);
    for (let e = first; e < end; e++) {
      const t = a.edgeTarget[e]!;
      if (t <= n || t >= nodes) fail(`edge ${e} leads outside the trie`);
    }
  }
}
