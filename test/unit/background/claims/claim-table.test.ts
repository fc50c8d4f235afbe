// The bucketed claims table against a plain Map of claims: any sequence of writes leaves the same
// claims, found the same way by id, page and entity; each bucket's index lists stay exact; and
// claims stored before buckets existed move into them when the database upgrades.
import Dexie from 'dexie';
import fc from 'fast-check';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { BUCKET_COUNT, bucketOf } from '../../../../src/background/claim-table';
import { openDb } from '../../../../src/background/db';
import type { Claim } from '../../../../src/shared/claims/claim';
import { dropDbs, freshDb } from '../../../fixtures/sync/db';
import { deleteClaimVersion, editClaim, makeClaim, T0 } from '../../../fixtures/sync/records';

afterEach(dropDbs);

const byId = (a: Claim, b: Claim) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const PAGES = ['https://www.gov.uk/a', 'https://www.gov.uk/b', 'https://www.bbc.co.uk/news/c'];
const PEOPLE = ['jeremy-quin', 'cddo', 'gds', 'ellie-reeves'];

function claimFor(n: number, variant: number): Claim {
  return makeClaim(n, {
    source: PAGES[variant % PAGES.length],
    claimant: variant % 5 === 0 ? null : PEOPLE[variant % PEOPLE.length]!,
    entities: [PEOPLE[(variant + 1) % PEOPLE.length]!],
  });
}

type Op =
  | { kind: 'put'; ns: number[]; variant: number }
  | { kind: 'edit'; n: number }
  | { kind: 'tombstone'; n: number }
  | { kind: 'delete'; ns: number[] };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), ns: fc.array(fc.nat(40), { maxLength: 30 }), variant: fc.nat(20) }),
  fc.record({ kind: fc.constant('edit' as const), n: fc.nat(40) }),
  fc.record({ kind: fc.constant('tombstone' as const), n: fc.nat(40) }),
  fc.record({ kind: fc.constant('delete' as const), ns: fc.array(fc.nat(40), { maxLength: 10 }) }),
);

describe('ClaimTable', () => {
  it('behaves as a map of claims under any sequence of writes, with exact bucket indexes', async () => {
    await fc.assert(fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
      const db = freshDb('claim-table');
      const model = new Map<string, Claim>();
      for (const o of ops) {
        if (o.kind === 'put') {
          const claims = o.ns.map((n) => claimFor(n, o.variant + n));
          await db.claims.bulkPut(claims);
          for (const c of claims) model.set(c.id, c);
        } else if (o.kind === 'edit' || o.kind === 'tombstone') {
          const current = model.get(makeClaim(o.n).id);
          if (!current) continue;
          const next = o.kind === 'edit' ? editClaim(current, { note: `edited ${o.n}` }, current.modified + 1) : deleteClaimVersion(current, current.modified + 1);
          await db.claims.put(next);
          model.set(next.id, next);
        } else {
          const ids = o.ns.map((n) => makeClaim(n).id);
          await db.claims.bulkDelete(ids);
          for (const id of ids) model.delete(id);
        }
      }
      const expected = [...model.values()].sort(byId);
      expect((await db.claims.toArray()).sort(byId)).toEqual(expected);
      for (const claim of expected) expect(await db.claims.get(claim.id)).toEqual(claim);
      expect(await db.claims.get(makeClaim(999).id)).toBeUndefined();
      const wanted = [makeClaim(1).id, makeClaim(2).id, makeClaim(999).id];
      expect(await db.claims.byId(wanted)).toEqual(new Map(wanted.flatMap((id) => (model.has(id) ? [[id, model.get(id)!]] : []))));
      for (const page of PAGES) {
        expect((await db.claims.onPage(page)).sort(byId)).toEqual(expected.filter((c) => c.target.source === page));
      }
      for (const person of PEOPLE) {
        expect((await db.claims.aboutEntity(person)).sort(byId)).toEqual(expected.filter((c) => c.claimant === person || c.entities.includes(person)));
      }
      for (const bucket of await db.claimBuckets.toArray()) {
        expect(bucket.claims.length).toBeGreaterThan(0);
        expect(bucket.claims.every((c) => bucketOf(c.id) === bucket.id)).toBe(true);
        expect(new Set(bucket.sources)).toEqual(new Set(bucket.claims.map((c) => c.target.source).filter(Boolean)));
        expect(bucket.sources).toHaveLength(new Set(bucket.sources).size);
        expect(new Set(bucket.entities)).toEqual(new Set(bucket.claims.flatMap((c) => [...c.entities, ...(c.claimant ? [c.claimant] : [])])));
      }
    }), { numRuns: 60 });
  }, 30_000); // a property test over fake IndexedDB: seconds on a busy 2-core machine

  it('writes thousands of claims at once without losing any', async () => {
    const db = freshDb('claim-table-large');
    await db.claims.bulkPut(Array.from({ length: 300 }, (_, i) => makeClaim(i)));
    const claims = Array.from({ length: 3_000 }, (_, i) => editClaim(makeClaim(i + 150), { note: 'imported' }, T0 + 1)); // 150 replace, 2,850 new
    await db.claims.bulkPut(claims);
    expect(await db.claims.count()).toBe(3_150);
    expect((await db.claims.byId(claims.map((c) => c.id))).size).toBe(3_000);
    expect(await db.claims.get(makeClaim(200).id)).toEqual(claims[50]);
    expect(await db.claimBuckets.count()).toBe(BUCKET_COUNT);
  });

  it('keeps every write when several run at once on the same buckets, inside one transaction or not', async () => {
    const db = freshDb('claim-table-concurrent');
    const first = Array.from({ length: 600 }, (_, i) => makeClaim(i));
    const second = Array.from({ length: 600 }, (_, i) => makeClaim(i + 600));
    await Promise.all([db.claims.bulkPut(first), db.claims.bulkPut(second)]);
    expect(await db.claims.count()).toBe(1_200);
    await db.transaction('rw', db.claimBuckets, async () => {
      await Promise.all([
        db.claims.bulkDelete(first.slice(0, 300).map((c) => c.id)),
        db.claims.bulkPut(Array.from({ length: 600 }, (_, i) => makeClaim(i + 1_200))),
        ...second.slice(0, 20).map((c) => db.claims.put(editClaim(c, { note: 'edited' }, T0 + 5))),
      ]);
    });
    const stored = new Map((await db.claims.toArray()).map((c) => [c.id, c]));
    expect(stored.size).toBe(1_500);
    expect(first.slice(0, 300).some((c) => stored.has(c.id))).toBe(false);
    expect(second.slice(0, 20).every((c) => stored.get(c.id)!.note === 'edited')).toBe(true);
  });

  it('still reads and writes a bucket that holds a damaged claim', async () => {
    const db = freshDb('claim-table-damaged');
    const damaged = { ...makeClaim(1), claimant: undefined, entities: undefined, target: undefined } as unknown as Claim;
    const neighbour = Array.from({ length: 2_000 }, (_, i) => makeClaim(i + 2)).find((c) => bucketOf(c.id) === bucketOf(damaged.id))!;
    await db.claimBuckets.put({ id: bucketOf(damaged.id), claims: [damaged], sources: [], entities: [] });
    await db.claims.put(neighbour);
    expect(await db.claims.get(neighbour.id)).toEqual(neighbour);
    expect(await db.claims.onPage(neighbour.target.source)).toEqual([neighbour]);
    expect(await db.claims.aboutEntity('jeremy-quin')).toEqual([neighbour]);
    await db.claims.bulkDelete([neighbour.id]);
    expect(await db.claims.toArray()).toEqual([damaged]);
  });

  it('keeps the bucket of an id fixed: stored claims are found by it', () => {
    // Pinned: a different hash would strand every claim already stored in its old bucket. The
    // first two are FNV-1a's published vectors ('' = 0x811c9dc5, 'a' = 0xe40c292c) mod 256.
    expect(['', 'a', '0b9a6c2e-4f1d-4c3a-9e7b-000000000001', '7d1f7a3e-2b1c-4a55-9d0e-2f6f4f1e9a01'].map(bucketOf)).toEqual([0xc5, 0x2c, 21, 195]);
  });
});

describe('upgrading a database from one record per claim', () => {
  it('moves every stored claim into the buckets, queryable as before', async () => {
    const name = `claims-v4-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(1).stores({ entities: 'id, kind, origin, modified', meta: 'key' });
    old.version(2).stores({ claims: 'id, target.source, *entities, claimant, modified', drafts: 'id, modified' });
    old.version(3).stores({ conflicts: 'key, [kind+id]', backups: 'id, created' });
    old.version(4).stores({ claims: 'id, target.source, *entities, claimant', backups: 'id, created' });
    const claims = Array.from({ length: 500 }, (_, i) => claimFor(i, i));
    await old.table('claims').bulkPut(claims);
    old.close();

    const db = openDb(name, { indexedDB, IDBKeyRange });
    try {
      expect((await db.claims.toArray()).sort(byId)).toEqual([...claims].sort(byId));
      expect((await db.claims.onPage(PAGES[1]!)).sort(byId)).toEqual(claims.filter((c) => c.target.source === PAGES[1]).sort(byId));
      expect(db.tables.map((t) => t.name)).not.toContain('claims');
    } finally {
      db.close();
      await db.delete();
    }
  });
});
