// FNV-1a, 32 bits, over a string's UTF-16 code units: the one cheap, stable hash the extension
// uses wherever a value must not change between browsers or versions (claim buckets, revision
// names, the dictionary's fingerprint). Not for secrets. For ASCII text it equals the published
// byte-wise FNV-1a, which the tests pin.

/** The published 32-bit offset basis and prime. */
export const FNV_OFFSET_BASIS = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * FNV-1a of `text` as an unsigned 32-bit number. Pass the previous result as `hash` to go on
 * hashing where it left off (hashing "ab" equals hashing "b" after "a"). `prime` is only for a
 * caller that needs a second, independent lane (revision.ts, whose names are stored and must
 * never change); everything else keeps the published one.
 */
export function fnv1a32(text: string, hash: number = FNV_OFFSET_BASIS, prime: number = FNV_PRIME): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), prime);
  return h >>> 0;
}
