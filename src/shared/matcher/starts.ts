// How every alias begins, for the whole-page prefilter (prefilter.ts): two bit sets over keys of a
// few kept characters (an alias's spaces left out, folded as the matcher folds). LONG holds the key
// of the first five of every alias of five or more; SHORT the key of the first three of every alias
// of three or four, and of every three that begin with a shorter one. The background computes the
// keys once per dictionary from its trie (shared/matcher/start-keys.ts) and sends them with it; a
// tab only sets the bits they name, checking each key's range (a malformed list fails the
// dictionary's load). Five, not three: "the", "and" and "ter" begin some alias of the shipped
// dictionary and one place in seven of an English page, where its first five leave about one in a
// hundred (half of them "gover", "natio", "digit": beginnings of real aliases).
//
// The sets are read once per character of the page, in code that runs before the engine has
// optimised anything, so keys use small-integer arithmetic only (no Math.imul calls, no numbers
// that leave the small-integer range): a character counts by its low seven bits, and a key is a
// polynomial in those. A key of three is below 2^17 and indexes SHORT exactly; a key of five is
// folded to 19 bits, so characters that share them only share bits, which costs a walk.

import type { Automaton } from './automaton';
import { key3, KEY_RANGES, LONG_MASK, SHORT_BITS, type PackedStartKeys, type StartKeys } from './start-keys';
import { unpackTables } from '../wire-tables';

export interface AliasStarts {
  /** Bit (k & LONG_MASK) of the key k of the first five units of every alias of five or more kept characters. */
  long: Uint8Array;
  /** Bit k of the key k of the first three units of every alias of three or four; of every three that an alias of one or two begins. */
  short: Uint8Array;
}

/** A key list as it arrives: an array or a typed array. */
type Keys = ArrayLike<number> & Iterable<number>;
type KeyLists = { [K in keyof StartKeys]: Keys };

const loaded = new WeakMap<Automaton, AliasStarts | null>();

/**
 * The bit sets from the keys a dictionary brought (null: it has none, being too big for a
 * prefilter to pay). Throws if they are malformed: not four tables, or a key out of its range.
 */
export function startsFromPacked(packed: PackedStartKeys | null): AliasStarts | null {
  if (packed === null) return null;
  const [long, short, two, one] = unpackTables(packed, ['any', 'any', 'any', 'any']);
  return startsFromKeys({ long: long!, short: short!, two: two!, one: one! });
}

/** Makes `starts` what aliasStarts gives for `a`: loaded-dictionary.ts, for the automaton it unpacked (and tests, for one they built). */
export function useStarts(a: Automaton, starts: AliasStarts | null): void {
  loaded.set(a, starts);
}

/**
 * The beginnings of `a`'s aliases as its dictionary brought them, or null: where the dictionary is
 * too big for a prefilter to pay, or `a` came from no loaded dictionary (then every page is
 * walked, the direction the prefilter may err in).
 */
export function aliasStarts(a: Automaton): AliasStarts | null {
  return loaded.get(a) ?? null;
}

function startsFromKeys(keys: KeyLists): AliasStarts {
  const long = new Uint8Array((LONG_MASK + 1) >> 3);
  const short = new Uint8Array(SHORT_BITS >> 3);
  for (const k of inRange(keys.long, KEY_RANGES.long)) setBit(long, k);
  for (const k of inRange(keys.short, KEY_RANGES.short)) setBit(short, k);
  // No alias of the shipped dictionary is shorter than three: these set every three they may begin.
  for (const k of inRange(keys.two, KEY_RANGES.two)) for (let u = 1; u <= 0x80; u++) setBit(short, k * 31 + u);
  for (const k of inRange(keys.one, KEY_RANGES.one)) {
    for (let u = 1; u <= 0x80; u++) for (let w = 1; w <= 0x80; w++) setBit(short, key3(k, u, w));
  }
  return { long, short };
}

/** `keys`, each checked to lie in [lo, hi] before any is used. */
function inRange(keys: Keys, [lo, hi]: readonly [number, number]): Keys {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (!(k >= lo && k <= hi)) fail();
  }
  return keys;
}

function setBit(bits: Uint8Array, k: number): void {
  bits[k >> 3]! |= 1 << (k & 7);
}

function fail(): never {
  throw new Error('alias starts: a key is out of range');
}
