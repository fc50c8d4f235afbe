// Dense numbers for distinct strings, in the order they are first seen: what a Map<string, number>
// gives, for the dictionary build's tens of thousands of folded alias texts. A Map hashes each new
// string in the runtime; at 50k aliases that took about as long as folding the texts did, where
// this table's own loop over the characters takes a fraction of it. (The hash is word-table.ts's,
// which reads A–Z as a–z: texts that differ only in case share a slot's hash and are told apart
// by comparing them.)

import { hashLower } from '../word-table';

export class TextIds {
  /** The strings, each at its number. */
  readonly texts: string[] = [];
  /** Open addressing: number + 1 in a slot, 0 for empty; sized once, always over half empty. */
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;

  /** `capacity`: the most distinct strings that will be numbered. */
  constructor(private readonly capacity: number) {
    let size = 8;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  /** `text`'s number: the one it was given, or the next (`texts.length` before the call) if new. */
  idOf(text: string): number {
    const hash = hashLower(text, 0, text.length);
    const slot = this.slotOf(text, hash);
    const entry = this.slots[slot]!;
    if (entry !== 0) return entry - 1;
    if (this.texts.length >= this.capacity) throw new RangeError('TextIds: more strings than its capacity');
    this.slots[slot] = this.texts.push(text);
    this.hashes[slot] = hash;
    return this.texts.length - 1;
  }

  /** The number of a string already numbered, or -1. */
  find(text: string): number {
    return this.slots[this.slotOf(text, hashLower(text, 0, text.length))]! - 1;
  }

  /** The slot that holds `text`, or the empty slot where it would go. */
  private slotOf(text: string, hash: number): number {
    let slot = hash & this.mask;
    for (let entry = this.slots[slot]!; entry !== 0; entry = this.slots[slot]!) {
      if (this.hashes[slot] === hash && this.texts[entry - 1] === text) break;
      slot = (slot + 1) & this.mask;
    }
    return slot;
  }
}
