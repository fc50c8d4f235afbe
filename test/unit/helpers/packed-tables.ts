// Reads and rewrites one integer table of a packed automaton (wire-tables.ts), so tests can send
// a tab tables the background would never pack: counts that overflow, entities out of range.

import type { PackedAutomaton } from '../../../src/shared/matcher/pack';

/** Table `k` of a packed automaton, as numbers (a 4-byte table as signed). */
export function readTable(p: PackedAutomaton, k: number): number[] {
  const bytes = Buffer.from(p.bytes, 'base64');
  let offset = 0;
  for (let i = 0; i < k; i++) offset += Math.ceil((p.layout[2 * i]! * p.layout[2 * i + 1]!) / 4) * 4;
  const width = p.layout[2 * k]!;
  return Array.from({ length: p.layout[2 * k + 1]! }, (_, i) => (width === 1 ? bytes.readUInt8(offset + i) : width === 2 ? bytes.readUInt16LE(offset + 2 * i) : bytes.readInt32LE(offset + 4 * i)));
}

/** The packed automaton with table `k` replaced by `values`, at its width or at `width`; the others as they were. */
export function withTable(p: PackedAutomaton, k: number, values: readonly number[], width?: 1 | 2 | 4): PackedAutomaton {
  const tables = Array.from({ length: p.layout.length / 2 }, (_, i) => (i === k ? values : readTable(p, i)));
  const widths = tables.map((_, i) => (i === k && width ? width : p.layout[2 * i]!));
  const chunks = tables.map((t, i) => {
    const b = Buffer.alloc(Math.ceil((t.length * widths[i]!) / 4) * 4);
    t.forEach((v, j) => (widths[i] === 1 ? b.writeUInt8(v, j) : widths[i] === 2 ? b.writeUInt16LE(v, 2 * j) : b.writeInt32LE(v, 4 * j)));
    return b;
  });
  return { ...p, bytes: Buffer.concat(chunks).toString('base64'), layout: tables.flatMap((t, i) => [widths[i]!, t.length]) };
}
