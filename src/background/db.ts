// The extension's IndexedDB, owned by the background alone (a content script opening IndexedDB
// would open the page's database). Schema changes are new version() blocks, never edits.

import Dexie, { type EntityTable, type Table } from 'dexie';
import { bucketsHolding, ClaimTable, type ClaimBucket } from './claim-table';
import { withNextRevision } from '../shared/sync/revision';
import type { Claim, ClaimDraft } from '../shared/claims/claim';
import type { PackMeta, PackPrecision } from '../shared/packs/pack-types';
import type { Entity } from '../shared/types';

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** A version of a record that lost a merge to a concurrent edit, kept for the user to resolve. */
export interface ConflictRecord {
  key: string;
  kind: 'claim' | 'entity';
  id: string;
  version: Claim | Entity;
}

/**
 * What an import changed, as it was before: for "undo last import". Only touched records are
 * kept (with the ids that did not exist before), so backing up costs what the import costs.
 */
export interface BackupRecord {
  id: string;
  created: number;
  reason: string;
  claims: Claim[];
  entities: Entity[];
  conflicts: ConflictRecord[];
  /** Records the import created: undo deletes them. */
  addedClaimIds: string[];
  addedEntityIds: string[];
}

/** An installed knowledge pack: its last good copy and how it was fetched (background/packs/pack-store.ts). */
export interface PackRecord {
  id: string;
  meta: PackMeta;
  /** Where it is subscribed from (https); absent for a pack installed from a file. */
  url?: string;
  etag?: string;
  /** The maintainer's key, pinned by the first signed install: updates signed by another are refused. */
  publicKey?: string;
  signed: boolean;
  /** When it was last fetched (or tried), and when an update last succeeded. */
  fetchedAt: number;
  lastSuccess: number;
  /** Why the last fetch or update was refused, while the last good copy stays. */
  lastError?: string;
  /** The last good copy's text, exactly as fetched (and as signed). */
  text: string;
  /** Its precision rules, with ids namespaced as installed. */
  precision?: PackPrecision;
}

/** A pack URL the user subscribed to; `packId` once its first copy is installed. */
export interface PackSubscription {
  url: string;
  packId?: string;
  addedAt: number;
}

/** A team's export the reader follows (background/team/): its status and the last good copy's facts. */
export interface TeamSubscription {
  url: string;
  /** The namespace of its claims' ids ("team-1a2b3c4d"), fixed at subscription. */
  team: string;
  title: string;
  addedAt: number;
  etag?: string;
  /** The key that signed the first signed copy: later copies signed otherwise, or unsigned, are refused. */
  publicKey?: string;
  signed: boolean;
  claims: number;
  /** Entity id → name from the team's file, for naming claimants the reader does not know. */
  names: Record<string, string>;
  fetchedAt: number;
  lastSuccess: number;
  lastError?: string;
}

/** Up to a hundred of one team's claims, ids namespaced by the team (one record each costs ~0.1 ms to write). */
export interface TeamClaimChunk {
  id: string;
  team: string;
  claims: Claim[];
  sources: string[];
  entities: string[];
}

export type SoundFamiliarDb = Dexie & {
  entities: EntityTable<Entity, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  /** Claims, stored in buckets (claim-table.ts); list `claimBuckets` in transactions. */
  claims: ClaimTable;
  claimBuckets: Table<ClaimBucket, number>;
  drafts: EntityTable<ClaimDraft, 'id'>;
  conflicts: EntityTable<ConflictRecord, 'key'>;
  backups: EntityTable<BackupRecord, 'id'>;
  packs: EntityTable<PackRecord, 'id'>;
  packSubscriptions: EntityTable<PackSubscription, 'url'>;
  teamSubscriptions: EntityTable<TeamSubscription, 'url'>;
  teamClaims: EntityTable<TeamClaimChunk, 'id'>;
};

export function openDb(name = 'sound-familiar', options?: ConstructorParameters<typeof Dexie>[1]): SoundFamiliarDb {
  const db = new Dexie(name, options) as SoundFamiliarDb;
  db.version(1).stores({
    entities: 'id, kind, origin, modified',
    meta: 'key',
  });
  // Claims are found by page, by the entities they concern and by claimant.
  db.version(2).stores({
    claims: 'id, target.source, *entities, claimant, modified',
    drafts: 'id, modified',
  });
  // Sync: conflicts kept from merges, and the backup taken before each import.
  db.version(3).stores({
    conflicts: 'key, [kind+id]',
    backups: 'id, created',
  }).upgrade(async (tx) => {
    // Records written before revisions existed get their first one, so merges can place them.
    for (const table of ['entities', 'claims']) {
      await tx.table(table).toCollection().modify((record: { rev?: string; revs?: string[] }) => {
        if (record.rev && record.revs) return;
        const { rev, revs } = withNextRevision(record);
        record.rev = rev;
        record.revs = revs;
      });
    }
  });
  // Claims are listed newest first by sorting in memory; an index on `modified` only slowed
  // every write (a 20,000-claim import spends most of its time in IndexedDB).
  db.version(4).stores({
    claims: 'id, target.source, *entities, claimant',
    backups: 'id, created',
  }).upgrade((tx) => tx.table('backups').clear());
  // Claims move into buckets of many claims each: IndexedDB's cost is per record (claim-table.ts).
  db.version(5).stores({
    claims: null,
    claimBuckets: 'id, *sources, *entities',
  }).upgrade(async (tx) => {
    await tx.table('claimBuckets').bulkPut(bucketsHolding(await tx.table<Claim, string>('claims').toArray()));
  });
  // Knowledge packs: the installed packs' last good copies, and the URLs subscribed to.
  db.version(6).stores({
    packs: 'id',
    packSubscriptions: 'url',
  });
  // Team sharing: the teams followed, and their claims apart from the reader's own.
  db.version(7).stores({
    teamSubscriptions: 'url',
    teamClaims: 'id, team, *sources, *entities',
  });
  // Not a Dexie table, so Dexie's schema handling leaves the property alone.
  db.claims = new ClaimTable(db.claimBuckets);
  return db;
}
