// Claims, stored many to an IndexedDB record. Chromium pays about 0.1 ms per record written
// whatever its size, so a 20,000-claim import as 20,000 records spent ~2.5 s in IndexedDB alone;
// grouped into a fixed number of buckets by a hash of the id it writes a few hundred records
// (measured: 0.3-0.4 s). Each bucket lists the pages and entities of its claims in multi-entry
// indexes, so "claims on this page" reads only the buckets that hold one. The price: saving one
// claim rewrites its bucket (about 80 claims when 20,000 are stored).

import type { Table } from 'dexie';
import type { Claim } from '../shared/claims/claim';

export interface ClaimBucket {
  id: number;
  claims: Claim[];
  /** Distinct page URLs of the claims (tombstones have none): the `*sources` index. */
  sources: string[];
  /** Distinct entities the claims concern or are made by: the `*entities` index. */
  entities: string[];
}

/** Buckets read and written per step of a large write: its progress steps. */
const BUCKETS_PER_SLICE = 32;

/** Fixed forever: changing it would need a migration that moves every claim. */
export const BUCKET_COUNT = 256;

/** FNV-1a over the id's UTF-16 units: stable across browsers and versions, and spreads UUIDs evenly. */
export function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKET_COUNT;
}

function bucketWith(id: number, claims: Claim[]): ClaimBucket {
  const sources = new Set<string>();
  const entities = new Set<string>();
  for (const c of claims) {
    if (c.target.source) sources.add(c.target.source);
    for (const e of c.entities) entities.add(e);
    if (c.claimant) entities.add(c.claimant);
  }
  return { id, claims, sources: [...sources], entities: [...entities] };
}

/** Buckets holding exactly `claims` (for a table that has none yet). */
export function bucketsHolding(claims: readonly Claim[]): ClaimBucket[] {
  const byKey = new Map<number, Claim[]>();
  for (const claim of claims) {
    const key = bucketOf(claim.id);
    const group = byKey.get(key);
    if (group) group.push(claim);
    else byKey.set(key, [claim]);
  }
  return [...byKey].map(([key, group]) => bucketWith(key, group));
}

const flatten = (buckets: readonly (ClaimBucket | undefined)[]) => buckets.flatMap((b) => b?.claims ?? []);

/**
 * The claims table as callers see it: claims by id, by page, by entity. Writes read and rewrite
 * whole buckets, so each runs in a read-write transaction on `buckets` (joining the caller's, if
 * it has one that includes the table).
 */
export class ClaimTable {
  constructor(readonly buckets: Table<ClaimBucket, number>) {}

  async get(id: string): Promise<Claim | undefined> {
    return (await this.buckets.get(bucketOf(id)))?.claims.find((c) => c.id === id);
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
    return flatten(buckets).filter((c) => c.target.source === source);
  }

  /** Claims that concern `entityId` or are made by it. */
  async aboutEntity(entityId: string): Promise<Claim[]> {
    const buckets = await this.buckets.where('entities').equals(entityId).toArray();
    return flatten(buckets).filter((c) => c.claimant === entityId || c.entities.includes(entityId));
  }

  put(claim: Claim): Promise<void> {
    return this.bulkPut([claim]);
  }

  /**
   * Adds or replaces claims by id. Large writes go a slice of buckets at a time, all queued at
   * once (the slices share no bucket, so they cannot overwrite each other), and report progress
   * as each slice is written.
   */
  bulkPut(claims: readonly Claim[], onProgress?: (written: number) => void): Promise<void> {
    const replacing = new Map(claims.map((c) => [c.id, c]));
    return this.rewrite(replacing.keys(), (claim) => replacing.get(claim.id) ?? claim, [...replacing.values()], onProgress);
  }

  bulkDelete(ids: Iterable<string>): Promise<void> {
    const gone = new Set(ids);
    return this.rewrite(gone, (claim) => (gone.has(claim.id) ? undefined : claim), []);
  }

  async clear(): Promise<void> {
    await this.buckets.clear();
  }

  /**
   * Reads the buckets of `ids`, passes each stored claim through `keep` (return a replacement, or
   * undefined to remove it), adds the `added` claims not already stored, and writes the buckets
   * back. Two calls sharing one transaction must not run at the same time on the same buckets.
   */
  private rewrite(ids: Iterable<string>, keep: (claim: Claim) => Claim | undefined, added: readonly Claim[], onProgress?: (written: number) => void): Promise<void> {
    const addedByKey = new Map<number, Claim[]>();
    for (const id of ids) if (!addedByKey.has(bucketOf(id))) addedByKey.set(bucketOf(id), []);
    for (const claim of added) addedByKey.get(bucketOf(claim.id))!.push(claim);
    const keys = [...addedByKey.keys()];
    if (keys.length === 0) return Promise.resolve();
    return this.buckets.db.transaction('rw', this.buckets, async () => {
      let written = 0;
      const slices: Promise<void>[] = [];
      for (let i = 0; i < keys.length; i += BUCKETS_PER_SLICE) {
        const slice = keys.slice(i, i + BUCKETS_PER_SLICE);
        slices.push(this.rewriteBuckets(slice, keep, addedByKey).then((n) => onProgress?.(written += n)));
      }
      await Promise.all(slices);
    });
  }

  /** Rewrites the buckets `keys`; returns how many added claims they took. */
  private async rewriteBuckets(keys: number[], keep: (claim: Claim) => Claim | undefined, addedByKey: ReadonlyMap<number, Claim[]>): Promise<number> {
    const stored = await this.buckets.bulkGet(keys);
    const filled: ClaimBucket[] = [];
    const empty: number[] = [];
    let taken = 0;
    keys.forEach((key, i) => {
      const before = stored[i]?.claims ?? [];
      const present = new Set(before.map((c) => c.id));
      const fresh = addedByKey.get(key)!.filter((c) => !present.has(c.id));
      const claims = [...before.flatMap((c) => keep(c) ?? []), ...fresh];
      taken += addedByKey.get(key)!.length;
      if (claims.length > 0) filled.push(bucketWith(key, claims));
      else empty.push(key);
    });
    await Promise.all([this.buckets.bulkDelete(empty), this.buckets.bulkPut(filled)]);
    return taken;
  }
}
