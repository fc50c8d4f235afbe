// The integer tables of the dictionary message: each at the narrowest width its values fit, and
// refused unless the layout and bytes agree exactly.
import { describe, expect, it } from 'vitest';
import { joinPieces, packTables, splitPieces, unpackTables } from '../../../src/shared/wire-tables';

describe('packTables / unpackTables', () => {
  it('keeps every value, each table at the narrowest width that holds it', () => {
    const tables = [[0, 255], [256, 65_535], [65_536, 7], [-5, 0, 2 ** 31 - 1], []];
    const p = packTables(tables, ['any', 'any', 'any', 4, 'any']);
    expect(p.layout).toEqual([1, 2, 2, 2, 4, 2, 4, 3, 1, 0]);
    const back = unpackTables(JSON.parse(JSON.stringify(p)) as typeof p, ['any', 'any', 'any', 4, 'any']);
    expect(back.map((t) => Array.from(t))).toEqual(tables);
    expect(back.map((t) => t.constructor)).toEqual([Uint8Array, Uint16Array, Int32Array, Int32Array, Uint8Array]);
  });

  it('refuses a width other than the one a table must have', () => {
    const p = packTables([[1, 2, 3]], ['any']);
    expect(() => unpackTables(p, [4])).toThrow(/wrong width/);
    expect(() => unpackTables({ ...p, layout: [3, 3] }, ['any'])).toThrow(/wrong width/);
  });

  it('refuses lengths that are negative, fractional or run past the bytes, and bytes left over', () => {
    const p = packTables([[1, 2, 3, 4, 5]], ['any']);
    for (const length of [-1, 2.5, 9]) expect(() => unpackTables({ ...p, layout: [1, length] }, ['any'])).toThrow(/wrong length/);
    expect(() => unpackTables({ ...p, layout: [1, 4] }, ['any'])).toThrow(/wrong size/);
    expect(() => unpackTables({ ...p, layout: [] }, ['any'])).toThrow(/wrong shape/);
    expect(() => unpackTables(null as unknown as typeof p, ['any'])).toThrow(/wrong shape/);
  });

  it('joins texts by a character none holds, and splits them back only if the count is right', () => {
    expect(joinPieces(['a', 'b'])).toEqual({ text: 'a\nb', separator: '\n' });
    expect(joinPieces(['a\n', 'b']).separator).toBe('\u0000');
    expect(joinPieces(['a\n\u0000', 'b']).separator).toBe('\u0001');
    expect(joinPieces(Array.from({ length: 12 }, (_, i) => String.fromCharCode(i))).separator).toBe('\u000c');
    const { text, separator } = joinPieces(['', 'x\u0000', '']);
    expect(splitPieces(text, separator, 3)).toEqual(['', 'x\u0000', '']);
    expect(splitPieces('', '\n', 0)).toEqual([]);
    expect(splitPieces('', '\n', 1)).toEqual(['']);
    expect(() => splitPieces(text, separator, 2)).toThrow(/3 texts where 2 belong/);
    expect(() => splitPieces('x', '\n', 0)).toThrow(/1 texts where 0 belong/);
    expect(() => splitPieces(text, '', 3)).toThrow(/malformed/);
    expect(() => splitPieces(['a'], '\n', 1)).toThrow(/malformed/);
  });

  it('throws rather than loop when the texts hold every character', () => {
    const every = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');
    expect(() => joinPieces([every, 'x'])).toThrow(/no character is free/);
  });
});
