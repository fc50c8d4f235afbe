// The extension's IndexedDB, owned by the background alone (a content script opening IndexedDB
// would open the page's database). Schema changes are new version() blocks, never edits.

import Dexie, { type EntityTable, type Table } from 'dexie';
import { bucketsHolding, ClaimTable, type ClaimBucket } from './claim-table';
import { withNextRevision } from '../shared/sync/revision';
import type { Claim, ClaimDraft } from '../shared/claims/claim';
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

export type SoundFamiliarDb = Dexie & {
  entities: EntityTable<Entity, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  /** Claims, stored in buckets (claim-table.ts); list `claimBuckets` in transactions. */
  claims: ClaimTable;
  claimBuckets: Table<ClaimBucket, number>;
  drafts: EntityTable<ClaimDraft, 'id'>;
  conflicts: EntityTable<ConflictRecord, 'key'>;
  backups: EntityTable<BackupRecord, 'id'>;
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
  // Not a Dexie table, so Dexie's schema handling leaves the property alone.
  db.claims = new ClaimTable(db.claimBuckets);
  return db;
}
