// The one FNV-1a (src/shared/fnv1a.ts), pinned to the published 32-bit test vectors: claim
// buckets and revision names are stored, so a changed hash would strand data.
import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../../src/shared/fnv1a';

describe('fnv1a32', () => {
  it('gives the published FNV-1a 32-bit values (draft-eastlake-fnv test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('continues from a previous result as if the texts were one', () => {
    expect(fnv1a32('bar', fnv1a32('foo'))).toBe(fnv1a32('foobar'));
  });

  it('is unsigned and hashes UTF-16 units one at a time', () => {
    expect(fnv1a32('é')).toBeGreaterThanOrEqual(0);
    expect(fnv1a32('\u{1F600}')).toBe(fnv1a32('\uD83D\uDE00'));
    expect(fnv1a32('ab')).not.toBe(fnv1a32('ba'));
  });
});
