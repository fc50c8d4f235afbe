// Revisions: content-hashed, generation-numbered, with bounded ancestry.
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, generation, isAncestor, MAX_ANCESTRY, withNextRevision } from '../../../../src/shared/sync/revision';

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order, and leaves out rev, revs and undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, rev: 'x', revs: ['x'], u: undefined }))
      .toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson([undefined])).toBe('[null]');
    expect(canonicalJson('q"')).toBe('"q\\""');
  });
});

describe('contentHash', () => {
  it('is 16 hex digits, stable, and differs for different text', () => {
    expect(contentHash('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash('abc')).toBe(contentHash('abc'));
    const seen = new Set(Array.from({ length: 2000 }, (_, i) => contentHash(`claim ${i}`)));
    expect(seen.size).toBe(2000);
    expect(contentHash('')).toBe('811c9dc5cbf29ce4');
    // Pinned: every stored record's rev is named by this hash, so it must never change.
    expect([contentHash('a'), contentHash('{"id":"x"}')]).toEqual(['e40c292c8b668291', '7fe4e7be3a8c0e31']);
  });
});

describe('withNextRevision', () => {
  const record = { id: 'r', note: 'We will publish the roadmap', modified: 10 };

  it('stamps a first revision 1-<hash of the content>', () => {
    const first = withNextRevision(record);
    expect(first).toEqual({ ...record, rev: `1-${contentHash(canonicalJson(record))}`, revs: [first.rev] });
    expect(record).not.toHaveProperty('rev');
  });

  it('ignores key order and any rev fields already on the record', () => {
    const a = withNextRevision(record);
    const b = withNextRevision({ modified: 10, note: 'We will publish the roadmap', id: 'r', rev: 'old', revs: ['old'] });
    expect(b.rev).toBe(a.rev);
  });

  it('numbers generations and keeps ancestry newest first', () => {
    const v1 = withNextRevision(record);
    const v2 = withNextRevision({ ...record, modified: 11 }, v1);
    const v3 = withNextRevision({ ...record, modified: 12 }, v2);
    expect([generation(v1.rev), generation(v2.rev), generation(v3.rev)]).toEqual([1, 2, 3]);
    expect(v3.revs).toEqual([v3.rev, v2.rev, v1.rev]);
    expect(isAncestor(v1, v3)).toBe(true);
    expect(isAncestor(v3, v1)).toBe(false);
    expect(isAncestor(v3, v3)).toBe(false);
  });

  it('hashes the parent in: equal content reached from different histories is a different revision', () => {
    const v1 = withNextRevision(record);
    const a = withNextRevision({ ...record, note: 'A', modified: 11 }, v1);
    const b = withNextRevision({ ...record, note: 'B', modified: 11 }, v1);
    const fromA = withNextRevision({ ...record, note: 'same', modified: 12 }, a);
    const fromB = withNextRevision({ ...record, note: 'same', modified: 12 }, b);
    expect(fromA.rev).not.toBe(fromB.rev);
    // The same edit of the same parent is the same revision on every device.
    expect(withNextRevision({ ...record, note: 'same', modified: 12 }, a).rev).toBe(fromA.rev);
  });

  it(`remembers at most ${MAX_ANCESTRY} revisions`, () => {
    let v = withNextRevision(record);
    const all = [v.rev];
    for (let i = 1; i < 80; i++) {
      v = withNextRevision({ ...record, modified: 10 + i }, v);
      all.unshift(v.rev);
    }
    expect(generation(v.rev)).toBe(80);
    expect(v.revs).toEqual(all.slice(0, MAX_ANCESTRY));
  });

  it('reads a generation from any rev, 0 for garbage', () => {
    expect(generation('12-00ff')).toBe(12);
    expect(generation('x-1')).toBe(0);
    expect(generation('')).toBe(0);
  });
});
