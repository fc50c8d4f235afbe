// Packs a compiled automaton into a JSON-safe value for extension messaging (Chromium sends
// messages as JSON, so typed arrays travel as base64), and unpacks it without copying twice.

import type { Automaton } from './automaton';

type IntArrayKey = 'nodeEdgeStart' | 'edgeTarget' | 'fail' | 'nodePattern' | 'outputLink' | 'patternLength' | 'patternVariantStart' | 'variantEntity';
const INT32_KEYS: readonly IntArrayKey[] = [
  'nodeEdgeStart', 'edgeTarget', 'fail', 'nodePattern', 'outputLink', 'patternLength', 'patternVariantStart', 'variantEntity',
];

export interface PackedAutomaton {
  /** Little-endian bytes of every Int32 array in INT32_KEYS order, then edgeChar, then variantFlags. */
  bytes: string;
  lengths: number[];
  variantExact: string[];
}

export function packAutomaton(a: Automaton): PackedAutomaton {
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

/** Throws if the packed value is inconsistent: it crosses a process boundary, so it is checked. */
export function unpackAutomaton(p: PackedAutomaton): Automaton {
  const bytes = fromBase64(p.bytes);
  if (p.lengths.length !== INT32_KEYS.length + 2) throw new Error('packed automaton: wrong shape');
  const buffer = new ArrayBuffer(align4(bytes.length));
  new Uint8Array(buffer).set(bytes);
  const out: Partial<Automaton> = {};
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
  checkConsistent(out as Automaton);
  return out as Automaton;
}

/**
 * Every index points inside its table: a corrupt automaton must fail here, loudly, rather than
 * make the search loop or read out of bounds in every tab.
 */
function checkConsistent(a: Automaton): void {
  const nodes = a.fail.length;
  const patterns = a.patternLength.length;
  const fail = (what: string) => {
    throw new Error(`packed automaton: ${what}`);
  };
  if (nodes === 0 || a.nodeEdgeStart.length !== nodes + 1 || a.nodePattern.length !== nodes || a.outputLink.length !== nodes) fail('node tables disagree');
  if (a.edgeTarget.length !== a.edgeChar.length || a.nodeEdgeStart[nodes] !== a.edgeTarget.length || a.nodeEdgeStart[0] !== 0) fail('edge tables disagree');
  for (let n = 0; n < nodes; n++) {
    if (a.nodeEdgeStart[n]! > a.nodeEdgeStart[n + 1]!) fail('edge ranges overlap');
    const f = a.fail[n]!;
    const o = a.outputLink[n]!;
    const p = a.nodePattern[n]!;
    if (f < 0 || f >= nodes || (n > 0 && f === n) || o < -1 || o >= nodes || p < -1 || p >= patterns) fail(`node ${n} points outside the tables`);
  }
  // Edges only lead deeper: a child is created after its parent, so targets exceed their source.
  const depth = new Int32Array(nodes).fill(-1);
  depth[0] = 0;
  for (let n = 0; n < nodes; n++) {
    for (let e = a.nodeEdgeStart[n]!; e < a.nodeEdgeStart[n + 1]!; e++) {
      const t = a.edgeTarget[e]!;
      if (t <= n || t >= nodes || depth[t] !== -1) fail(`edge ${e} leads outside the trie`);
      depth[t] = depth[n]! + 1;
    }
  }
  // Failure links must get shorter, or following them could loop forever.
  for (let n = 1; n < nodes; n++) {
    if (depth[n]! < 0 || depth[a.fail[n]!]! >= depth[n]! || (a.outputLink[n]! >= 0 && depth[a.outputLink[n]!]! >= depth[n]!)) fail(`node ${n} has a bad link`);
  }
  if (a.patternVariantStart.length !== patterns + 1 || a.patternVariantStart[patterns] !== a.variantEntity.length) fail('pattern tables disagree');
  for (let p = 0; p < patterns; p++) {
    if (a.patternVariantStart[p]! > a.patternVariantStart[p + 1]! || a.patternLength[p]! <= 0) fail(`pattern ${p} is malformed`);
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

const CHUNK = 0x8000;
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(binary);
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
