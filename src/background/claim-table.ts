// Claims, stored many to an IndexedDB record. Chromium pays about 0.1 ms per record written
// whatever its size, so a 20,000-claim import as 20,000 records spent ~2.5 s in IndexedDB alone;
// grouped into a fixed number of buckets by a hash of the id it writes a few hundred records
// (measured: 0.3-0.4 s). Each bucket lists the pages and entities of its claims in multi-entry
// indexes, so "claims on this page" reads only the buckets that hold one. The price: saving one
// claim rewrites its bucket (about 80 claims when 20,000 are stored).

import type { Table } from 'dexie';
import type { Claim } from '../shared/claims/claim';
import { fnv1a32 } from '../shared/fnv1a';

export interface ClaimBucket {
  id: number;
  claims: Claim[];
  /** Distinct page URLs of the claims (tombstones have none): the `*sources` index. */
  sources: string[];
  /** Distinct entities the claims concern or are made by: the `*entities` index. */
  entities: string[];
}

/** Buckets read and rewritten together in a large write. */
const BUCKETS_PER_SLICE = 32;

/** Fixed forever: changing it would need a migration that moves every claim. */
export const BUCKET_COUNT = 256;

/** FNV-1a of the id: stable across browsers and versions, and spreads UUIDs evenly. */
export function bucketOf(id: string): number {
  return fnv1a32(id) % BUCKET_COUNT;
}

function bucketWith(id: number, claims: Claim[]): ClaimBucket {
  const sources = new Set<string>();
  const entities = new Set<string>();
  // Every claim is validated before it is stored; the guards keep one damaged record from
  // making its whole bucket (about 1 claim in 256) impossible to write.
  for (const c of claims) {
    if (c.target?.source) sources.add(c.target.source);
    for (const e of c.entities ?? []) entities.add(e);
    if (c.claimant) entities.add(c.claimant);
  }
  return { id, claims, sources: [...sources], entities: [...entities] };
}

function groupByBucket(claims: Iterable<Claim>): Map<number, Claim[]> {
  const byKey = new Map<number, Claim[]>();
  for (const claim of claims) {
    const key = bucketOf(claim.id);
    const group = byKey.get(key);
    if (group) group.push(claim);
    else byKey.set(key, [claim]);
  }
  return byKey;
}

/** Buckets holding exactly `claims` (for a table that has none yet). */
export function bucketsHolding(claims: readonly Claim[]): ClaimBucket[] {
  return [...groupByBucket(claims)].map(([key, group]) => bucketWith(key, group));
}

/** A stored bucket's claims; none if it is missing or damaged. */
const claimsOf = (bucket: ClaimBucket | undefined): Claim[] => (Array.isArray(bucket?.claims) ? bucket.claims : []);

const flatten = (buckets: readonly (ClaimBucket | undefined)[]) => buckets.flatMap(claimsOf);

/**
 * The claims table as callers see it: claims by id, by page, by entity. Writes read and rewrite
 * whole buckets, so each runs in a read-write transaction on `buckets` (joining the caller's, if
 * it has one that includes the table).
 */
export class ClaimTable {
  constructor(readonly buckets: Table<ClaimBucket, number>) {}

  async get(id: string): Promise<Claim | undefined> {
    return claimsOf(await this.buckets.get(bucketOf(id))).find((c) => c.id === id);
  }

  /** The stored claims among `ids`, by id. */
  async byId(ids: Iterable<string>): Promise<Map<string, Claim>> {
    const wanted = new Set(ids);
    const keys = [...new Set([...wanted].map(bucketOf))];
    const found = new Map<string, Claim>();
    for (const c of flatten(await this.buckets.bulkGet(keys))) if (wanted.has(c.id)) found.set(c.id, c);
    return found;
  }

  /** Every claim, tombstones included. */
  async toArray(): Promise<Claim[]> {
    return flatten(await this.buckets.toArray());
  }

  async count(): Promise<number> {
    return (await this.toArray()).length;
  }

  /** Claims (tombstones never have a page) whose target is `source`. */
  async onPage(source: string): Promise<Claim[]> {
    const buckets = await this.buckets.where('sources').equals(source).toArray();
    return flatten(buckets).filter((c) => c.target?.source === source);
  }

  /** Claims that concern `entityId` or are made by it. */
  async aboutEntity(entityId: string): Promise<Claim[]> {
    const buckets = await this.buckets.where('entities').equals(entityId).toArray();
    return flatten(buckets).filter((c) => c.claimant === entityId || (c.entities ?? []).includes(entityId));
  }

  put(claim: Claim): Promise<void> {
    return this.bulkPut([claim]);
  }

  /** Adds or replaces claims by id. */
  bulkPut(claims: readonly Claim[]): Promise<void> {
    const replacing = new Map(claims.map((c) => [c.id, c]));
    const byBucket = groupByBucket(replacing.values());
    return this.rewrite(byBucket.keys(), (key, stored) => {
      const present = new Set(stored.map((c) => c.id));
      return [...stored.map((c) => replacing.get(c.id) ?? c), ...byBucket.get(key)!.filter((c) => !present.has(c.id))];
    });
  }

  bulkDelete(ids: Iterable<string>): Promise<void> {
    const gone = new Set(ids);
    return this.rewrite([...gone].map(bucketOf), (_key, stored) => stored.filter((c) => !gone.has(c.id)));
  }

  async clear(): Promise<void> {
    await this.buckets.clear();
  }

  /**
   * Rewrites buckets `bucketKeys`: `next` gets each bucket's key and stored claims and returns
   * what it should hold. The reads and writes are one transaction, nested in the caller's if it
   * has one: Dexie runs a nested transaction with its parent locked, so concurrent rewrites of
   * one bucket queue rather than overwrite each other.
   */
  private rewrite(bucketKeys: Iterable<number>, next: (key: number, stored: readonly Claim[]) => Claim[]): Promise<void> {
    const keys = [...new Set(bucketKeys)];
    if (keys.length === 0) return Promise.resolve();
    return this.buckets.db.transaction('rw', this.buckets, async () => {
      // A large write goes a slice of buckets at a time, all queued at once, so IndexedDB writes
      // one slice while the next is read and rebuilt: twice as fast as one read then one write
      // for 20,000 claims (360 vs 740 ms in Chromium). Slices share no bucket.
      const slices: Promise<void>[] = [];
      for (let i = 0; i < keys.length; i += BUCKETS_PER_SLICE) slices.push(this.rewriteBuckets(keys.slice(i, i + BUCKETS_PER_SLICE), next));
      await Promise.all(slices);
    });
  }

  private async rewriteBuckets(keys: number[], next: (key: number, stored: readonly Claim[]) => Claim[]): Promise<void> {
    const stored = await this.buckets.bulkGet(keys);
    const filled: ClaimBucket[] = [];
    const empty: number[] = [];
    keys.forEach((key, i) => {
      const claims = next(key, claimsOf(stored[i]));
      if (claims.length > 0) filled.push(bucketWith(key, claims));
      else empty.push(key);
    });
    await Promise.all([this.buckets.bulkDelete(empty), this.buckets.bulkPut(filled)]);
  }
}
