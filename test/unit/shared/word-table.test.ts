import { describe, expect, it } from 'vitest';
import { hashLower, WordTable } from '../../../src/shared/word-table';

describe('WordTable', () => {
  const table = new WordTable('a digital local paper café');

  it('finds a word anywhere in a longer string, reading A–Z as a–z', () => {
    const text = 'Local Digital Paper';
    expect(table.has(text, 0, 5)).toBe(true);
    expect(table.has(text, 6, 13)).toBe(true);
    expect(table.has(text, 14, 19)).toBe(true);
    expect(table.has('DIGITAL', 0, 7)).toBe(true);
    expect(table.has('café', 0, 4)).toBe(true);
  });

  it('does not find a part of a word, a longer word, or what only the runtime folds', () => {
    expect(table.has('Digital', 0, 6)).toBe(false);
    expect(table.has('Digitals', 0, 8)).toBe(false);
    expect(table.has('locality', 0, 5)).toBe(true); // the piece asked about is "local"
    expect(table.has('CAFÉ', 0, 4)).toBe(false); // É is not A–Z: callers lower-case such words first
    expect(table.has('', 0, 0)).toBe(false);
  });

  it('answers every word of a list of thousands, and no near miss', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`);
    const big = new WordTable(words.join(' '));
    expect(words.filter((w) => !big.has(w, 0, w.length))).toEqual([]);
    expect(words.filter((w) => big.has(`${w}y`, 0, w.length + 1))).toEqual([]);
  });

  it('hashes a word and its capitalised form alike', () => {
    expect(hashLower('Local', 0, 5)).toBe(hashLower('local', 0, 5));
    expect(hashLower('xLOCALx', 1, 6)).toBe(hashLower('local', 0, 5));
    expect(hashLower('local', 0, 5)).not.toBe(hashLower('locale', 0, 6));
  });
});
