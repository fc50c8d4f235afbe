// Tables packed for extension messaging. Integers: each table at the narrowest width its values
// fit (1, 2 or 4 bytes), all in one base64 string. Texts: joined into one string. Chromium sends
// messages as JSON, where one long string parses several times faster than arrays of numbers, of
// small strings or of objects; a tab decodes and splits them natively and reads the tables as
// typed-array views. A loop of ours over a table, cold in a tab's first task, costs far more per
// entry than decoding it: the forms are chosen so the tab needs as few as possible (pack.ts).

export interface PackedTables {
  /** Little-endian bytes of every table in order, each padded to a multiple of 4 bytes. */
  bytes: string;
  /** Per table: its width in bytes (1 unsigned, 2 unsigned, 4 signed), then its length. */
  layout: number[];
}

export type Table = Uint8Array | Uint16Array | Int32Array;
/** What a reader accepts for one table: that width exactly, or (`any`) whichever fits. */
export type Width = 1 | 4 | 'any';

/** The narrowest width that holds every value of `values` (all ≥ 0): 1, 2 or 4 bytes. */
function narrowest(values: ArrayLike<number>): 1 | 2 | 4 {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
}

/** `widths[i]` 4 keeps table i as Int32 (negative values allowed); otherwise the narrowest fit. */
export function packTables(tables: readonly ArrayLike<number>[], widths: readonly Width[]): PackedTables {
  const chosen = tables.map((t, i) => (widths[i] === 'any' ? narrowest(t) : widths[i]!) as 1 | 2 | 4);
  const total = tables.reduce((sum, t, i) => sum + align4(t.length * chosen[i]!), 0);
  const buffer = new ArrayBuffer(total);
  let offset = 0;
  tables.forEach((t, i) => {
    const width = chosen[i]!;
    const View = width === 1 ? Uint8Array : width === 2 ? Uint16Array : Int32Array;
    new View(buffer, offset, t.length).set(t);
    offset += align4(t.length * width);
  });
  return { bytes: toBase64(new Uint8Array(buffer)), layout: tables.flatMap((t, i) => [chosen[i]!, t.length]) };
}

/**
 * The tables as views over one decoded buffer. Throws unless there are exactly `widths.length`
 * of them, each of an allowed width and a whole length, and together they fill the bytes exactly.
 */
export function unpackTables(p: PackedTables, widths: readonly Width[]): Table[] {
  if (typeof p !== 'object' || p === null || typeof p.bytes !== 'string' || !Array.isArray(p.layout) || p.layout.length !== widths.length * 2) fail('wrong shape');
  const bytes = fromBase64(p.bytes);
  const buffer = bytes.buffer as ArrayBuffer;
  const tables: Table[] = [];
  let offset = bytes.byteOffset;
  for (let i = 0; i < widths.length; i++) {
    const width: unknown = p.layout[2 * i];
    const length: unknown = p.layout[2 * i + 1];
    if ((width !== 1 && width !== 2 && width !== 4) || (widths[i] !== 'any' && widths[i] !== width)) fail(`table ${i} has a wrong width`);
    if (!Number.isInteger(length) || (length as number) < 0 || offset + (length as number) * (width as number) > bytes.byteOffset + bytes.length) fail(`table ${i} has a wrong length`);
    const View = width === 1 ? Uint8Array : width === 2 ? Uint16Array : Int32Array;
    tables.push(new View(buffer, offset, length as number));
    offset += align4((length as number) * (width as number));
  }
  if (offset !== bytes.byteOffset + bytes.length) fail('wrong size');
  return tables;
}

/**
 * Texts joined by one character none of them holds, so a tab gets them back with one native
 * split: cheaper to parse and cut than a JSON array of strings, and no loop of ours.
 */
export function joinPieces(texts: readonly string[]): { text: string; separator: string } {
  const separator = freeSeparator([texts]);
  return { text: texts.join(separator), separator };
}

/** A character no text of any group holds: a newline (never inside a normalised name, nor in practice an id), else the first unused code. */
export function freeSeparator(groups: readonly (readonly string[])[]): string {
  if (!groups.some((texts) => texts.some((t) => t.includes('\n')))) return '\n';
  const joined = groups.map((texts) => texts.join('')).join('');
  let code = 0;
  // Names cannot hold control characters (aliasProblem), so this cannot run out; it must not loop if it did.
  while (code === 0x0a || joined.includes(String.fromCharCode(code))) {
    if (++code > 0xffff) throw new Error('packed tables: no character is free to separate the texts');
  }
  return String.fromCharCode(code);
}

/** The `count` texts of a joinPieces result, or throws if there are not exactly that many. */
export function splitPieces(text: unknown, separator: unknown, count: number): string[] {
  if (typeof text !== 'string' || typeof separator !== 'string' || separator.length !== 1) fail('texts are malformed');
  // ''.split gives one empty piece; none were joined only if the text is empty.
  const pieces = count === 0 && text === '' ? [] : text.split(separator);
  if (pieces.length !== count) fail(`${pieces.length} texts where ${count} belong`);
  return pieces;
}

function fail(what: string): never {
  throw new Error(`packed tables: ${what}`);
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
