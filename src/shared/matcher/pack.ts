// Packs a compiled automaton into a JSON-safe value for extension messaging (Chromium sends
// messages as JSON, so typed arrays travel as base64), and unpacks it without copying twice.
// The full consistency check runs once, where the automaton is packed (the background); every
// tab's unpack checks only the shape, in time independent of the trie's size.

import type { Automaton } from './automaton';

// What travels: the automaton's arrays, except that `nodePattern` (one entry per trie node,
// nearly all -1) is sent as `patternNode` (the node of each pattern) and rebuilt on arrival.
interface Wire {
  nodeEdgeStart: Int32Array;
  edgeTarget: Int32Array;
  patternNode: Int32Array;
  firstWords: Int32Array;
  patternVariantStart: Int32Array;
  variantEntity: Int32Array;
}
type IntArrayKey = keyof Wire;
const INT32_KEYS: readonly IntArrayKey[] = ['nodeEdgeStart', 'edgeTarget', 'patternNode', 'firstWords', 'patternVariantStart', 'variantEntity'];

export interface PackedAutomaton {
  /** Little-endian bytes of every Int32 array in INT32_KEYS order, then edgeChar, then variantFlags. */
  bytes: string;
  lengths: number[];
  variantExact: string[];
}

/** Throws if `automaton` is inconsistent (checkConsistent): a bad one is never sent to a tab. */
export function packAutomaton(automaton: Automaton): PackedAutomaton {
  checkConsistent(automaton);
  const patternNode = new Int32Array(automaton.patternVariantStart.length - 1);
  automaton.nodePattern.forEach((p, node) => {
    if (p >= 0) patternNode[p] = node;
  });
  const a = { ...automaton, patternNode };
  const lengths = [...INT32_KEYS.map((k) => a[k].length), a.edgeChar.length, a.variantFlags.length];
  const int32Bytes = INT32_KEYS.reduce((sum, k) => sum + a[k].length * 4, 0);
  const total = int32Bytes + a.edgeChar.length * 2 + a.variantFlags.length;
  const buffer = new ArrayBuffer(align4(total));
  let offset = 0;
  for (const k of INT32_KEYS) {
    new Int32Array(buffer, offset, a[k].length).set(a[k]);
    offset += a[k].length * 4;
  }
  new Uint16Array(buffer, offset, a.edgeChar.length).set(a.edgeChar);
  offset += a.edgeChar.length * 2;
  new Uint8Array(buffer, offset, a.variantFlags.length).set(a.variantFlags);
  return { bytes: toBase64(new Uint8Array(buffer, 0, total)), lengths, variantExact: a.variantExact };
}

/**
 * Throws if the packed value has the wrong shape: table sizes that disagree, an end that does not
 * close a table, a pattern on a node that does not exist, a first-word set a probe could loop in.
 * It comes from our own background (the runtime names the sender), which checked every index
 * when it packed it; indexes are not checked again here, in every frame of every page. A wrong
 * index could only make a search read `undefined`, which ends the walk: every search loop is
 * bounded by the text's length, never by the tables.
 */
export function unpackAutomaton(p: PackedAutomaton): Automaton {
  const bytes = fromBase64(p.bytes);
  if (p.lengths.length !== INT32_KEYS.length + 2) throw new Error('packed automaton: wrong shape');
  // Typed-array views need 4-byte-aligned offsets: a fresh decode starts its own buffer at 0.
  let buffer = bytes.buffer as ArrayBuffer;
  if (bytes.byteOffset !== 0) {
    buffer = new ArrayBuffer(align4(bytes.length));
    new Uint8Array(buffer).set(bytes);
  }
  const out: Partial<Automaton & Wire> = {};
  let offset = 0;
  INT32_KEYS.forEach((k, i) => {
    const n = p.lengths[i]!;
    out[k] = new Int32Array(buffer, offset, n);
    offset += n * 4;
  });
  const edgeCount = p.lengths[INT32_KEYS.length]!;
  out.edgeChar = new Uint16Array(buffer, offset, edgeCount);
  offset += edgeCount * 2;
  const variantCount = p.lengths[INT32_KEYS.length + 1]!;
  out.variantFlags = new Uint8Array(buffer, offset, variantCount);
  offset += variantCount;
  if (offset !== bytes.length || p.variantExact.length !== variantCount) throw new Error('packed automaton: wrong size');
  out.variantExact = p.variantExact;
  const wire = out as Automaton & Wire;
  wire.nodePattern = nodePatternOf(wire);
  checkShape(wire);
  const { patternNode: _sent, ...automaton } = wire;
  return automaton;
}

/** One entry per trie node: the pattern ending there, or -1. Throws if two patterns claim a node. */
function nodePatternOf(w: Wire): Int32Array {
  const nodes = w.nodeEdgeStart.length - 1;
  if (nodes < 1) throw new Error('packed automaton: node tables disagree');
  const nodePattern = new Int32Array(nodes).fill(-1);
  w.patternNode.forEach((node, p) => {
    if (node < 1 || node >= nodes || nodePattern[node] !== -1) throw new Error(`packed automaton: pattern ${p} has a bad node`);
    nodePattern[node] = p;
  });
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

function align4(n: number): number {
  return (n + 3) & ~3;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_CODES = Uint8Array.from(BASE64, (c) => c.charCodeAt(0));
const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  // Native encoding where the runtime has it (Chromium 140+, Firefox 133+), where the dictionary is built.
  const native = (bytes as unknown as { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  // Otherwise a table encoder: btoa over a binary string is several times slower in Node.
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = BASE64_CODES[v >>> 18]!;
    out[o++] = BASE64_CODES[(v >>> 12) & 63]!;
    out[o++] = BASE64_CODES[(v >>> 6) & 63]!;
    out[o++] = BASE64_CODES[v & 63]!;
  }
  if (i < bytes.length) {
    const two = i + 1 < bytes.length;
    const v = (bytes[i]! << 16) | (two ? bytes[i + 1]! << 8 : 0);
    out[o++] = BASE64_CODES[v >>> 18]!;
    out[o++] = BASE64_CODES[(v >>> 12) & 63]!;
    out[o++] = two ? BASE64_CODES[(v >>> 6) & 63]! : 0x3d;
    out[o++] = 0x3d; // '='
  }
  let text = '';
  for (let k = 0; k < out.length; k += CHUNK) {
    text += String.fromCharCode.apply(null, out.subarray(k, k + CHUNK) as unknown as number[]);
  }
  return text;
}

function fromBase64(text: string): Uint8Array {
  // Native decoding where the browser has it (Chromium 140+, Firefox 133+): several times faster
  // than atob and a byte loop for a multi-megabyte dictionary, in every tab's first task.
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (typeof native === 'function') return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
