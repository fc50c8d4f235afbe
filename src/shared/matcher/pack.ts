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
  return out as Automaton;
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
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
