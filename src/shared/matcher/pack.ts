// Packs a compiled automaton for extension messaging (every tab is sent it in 'page/start'), and
// unpacks it in the tab into the arrays the background built. Everything travels in forms a tab
// decodes natively (wire-tables.ts): the integer tables in one base64 string, each at the
// narrowest width that holds it, and the variants' exact texts as one joined string, with text
// only where the matcher compares it in case. Rebuilding more in the tab (a front-coded trie was
// tried) made a smaller message but a longer first task: a loop over every trie node, cold.
// The full consistency check runs once, where the automaton is packed (the background); every
// tab's unpack checks the shape, in time independent of the trie's size.

import type { Automaton } from './automaton';
import { CASE_SENSITIVE } from './alias-rules';
import { joinPieces, packTables, splitPieces, unpackTables, type PackedTables, type Table, type Width } from '../wire-tables';

export interface PackedAutomaton extends PackedTables {
  /** Each variant's exact text, '' unless it is CASE_SENSITIVE, joined by `separator`. */
  exact: string;
  separator: string;
}

// Tables in order. `nodePattern` (one entry per trie node, nearly all -1) travels as patternNode
// (the node of each pattern) and is rebuilt on arrival.
const WIDTHS: readonly Width[] = [
  4, // nodeEdgeStart
  'any', // edgeChar
  4, // edgeTarget
  'any', // patternNode
  4, // firstWords
  'any', // patternVariantStart
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
    ...packTables([a.nodeEdgeStart, a.edgeChar, a.edgeTarget, patternNode, a.firstWords, a.patternVariantStart, a.variantEntity, a.variantFlags], WIDTHS),
    exact: text,
    separator,
  };
}

/**
 * The automaton as the background built it, except that a variant's exact text is kept only
 * where the matcher compares it (CASE_SENSITIVE; '' elsewhere). Throws if the value has the
 * wrong shape: tables of the wrong width or count, sizes that disagree, an end that does not
 * close a table, a pattern on a node that does not exist, a first-word set a probe could loop in,
 * exact texts that are not one per variant. It comes from our own background (the runtime names
 * the sender), which checked every index when it packed it; edge targets and variant entities are
 * not checked again here, in every frame of every page. A wrong one could only make a search read
 * `undefined`, which ends the walk; every loop over a range of the tables has its range checked.
 */
export function unpackAutomaton(p: PackedAutomaton): Automaton {
  const [nodeEdgeStart, edgeChar, edgeTarget, patternNode, firstWords, patternVariantStart, variantEntity, variantFlags] = unpackTables(p, WIDTHS) as [Int32Array, Table, Int32Array, Table, Int32Array, Table, Table, Uint8Array];
  if (patternNode.length !== patternVariantStart.length - 1) fail('pattern tables disagree');
  const automaton: Automaton = {
    nodeEdgeStart,
    // Narrow tables widen natively, without a loop of ours.
    edgeChar: edgeChar instanceof Uint16Array ? edgeChar : new Uint16Array(edgeChar),
    edgeTarget,
    nodePattern: nodePatternOf(nodeEdgeStart.length - 1, patternNode),
    firstWords,
    patternVariantStart: int32(patternVariantStart),
    variantEntity: int32(variantEntity),
    variantFlags,
    variantExact: splitPieces(p.exact, p.separator, variantFlags.length),
  };
  checkShape(automaton);
  return automaton;
}

const int32 = (t: Table): Int32Array => (t instanceof Int32Array ? t : new Int32Array(t));

/** One entry per trie node: the pattern ending there, or -1. Throws if two patterns claim a node. */
function nodePatternOf(nodes: number, patternNode: Table): Int32Array {
  if (nodes < 1) fail('node tables disagree');
  const nodePattern = new Int32Array(nodes).fill(-1);
  // Indexed loops, not forEach or for-of: this runs once per tab, mostly before V8 optimises it,
  // where a callback or an iterator per element costs several times the work.
  for (let p = 0; p < patternNode.length; p++) {
    const node = patternNode[p]!;
    if (node < 1 || node >= nodes || nodePattern[node] !== -1) fail(`pattern ${p} has a bad node`);
    nodePattern[node] = p;
  }
  return nodePattern;
}

const fail = (what: string): never => {
  throw new Error(`packed automaton: ${what}`);
};

/** Table sizes and ends agree; the first-word set has an empty slot, so a probe stops. */
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
