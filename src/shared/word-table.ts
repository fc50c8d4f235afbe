// A set of words that answers for a piece of a longer string, reading A–Z as a–z, without making
// a string of the piece. A Set<string> would need each word cut out and lower-cased first, and a
// new string has its hash computed on every lookup: at 50k aliases that was most of the time
// the dictionary build spent asking whether words are ordinary (ordinary-words.ts).

import { FNV_OFFSET_BASIS, FNV_PRIME } from './fnv1a';

export class WordTable {
  /** Word w is list[starts[w], ends[w]). */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Open addressing: word index + 1 in a slot, 0 for empty; the length is a power of two, over half empty. */
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;

  /** `list`: lower-case words separated by single spaces. */
  constructor(private readonly list: string) {
    let count = 0;
    for (let i = 0; i < list.length; i++) if (list.charCodeAt(i) === 0x20) count++;
    count++;
    this.starts = new Int32Array(count);
    this.ends = new Int32Array(count);
    let size = 8;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    let w = 0;
    for (let start = 0; start <= list.length; w++) {
      let end = list.indexOf(' ', start);
      if (end === -1) end = list.length;
      this.starts[w] = start;
      this.ends[w] = end;
      if (end > start && !this.has(list, start, end)) this.insert(w, hashLower(list, start, end));
      start = end + 1;
    }
  }

  /** Whether text[start, end), with A–Z read as a–z, is one of the words. */
  has(text: string, start: number, end: number): boolean {
    const hash = hashLower(text, start, end);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return false;
      if (this.hashes[slot] === hash && this.matches(entry - 1, text, start, end)) return true;
    }
  }

  private insert(word: number, hash: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = word + 1;
    this.hashes[slot] = hash;
  }

  private matches(word: number, text: string, start: number, end: number): boolean {
    const from = this.starts[word]!;
    if (this.ends[word]! - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (lowerAscii(text.charCodeAt(start + i)) !== this.list.charCodeAt(from + i)) return false;
    return true;
  }
}

/** FNV-1a over text[start, end) with A–Z read as a–z (so a word and its capitalised form hash alike). */
export function hashLower(text: string, start: number, end: number): number {
  let h = FNV_OFFSET_BASIS;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lowerAscii(text.charCodeAt(i)), FNV_PRIME);
  // Mixed, so the low bits that pick a slot depend on every character.
  return h ^ (h >>> 15);
}

function lowerAscii(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}
