// The safety net: an import first records what it is about to change, as it was, in the same
// transaction as its writes; "undo last import" puts exactly that back. Only the latest import
// can be undone: it is the one "undo" means.

import type { Claim } from '../../shared/claims/claim';
import type { Entity } from '../../shared/types';
import type { BackupRecord, ConflictRecord, SoundFamiliarDb } from '../db';

const BACKUP_ID = 'before-last-import';

export interface Touched {
  /** Current versions of the records an import will write (absent ids were created by it). */
  claims: ReadonlyMap<string, Claim | undefined>;
  entities: ReadonlyMap<string, Entity | undefined>;
  conflicts: ConflictRecord[];
}

/** Call inside the import's transaction (which must include db.backups), before writing. */
export async function recordBackup(db: SoundFamiliarDb, touched: Touched, reason: string, now: number): Promise<void> {
  const present = <T>(map: ReadonlyMap<string, T | undefined>) => [...map.values()].filter((v): v is T => v !== undefined);
  const absent = <T>(map: ReadonlyMap<string, T | undefined>) => [...map].filter(([, v]) => v === undefined).map(([id]) => id);
  const backup: BackupRecord = {
    id: BACKUP_ID, created: now, reason,
    claims: present(touched.claims), entities: present(touched.entities), conflicts: touched.conflicts,
    addedClaimIds: absent(touched.claims), addedEntityIds: absent(touched.entities),
  };
  await db.backups.put(backup);
}

export async function lastBackup(db: SoundFamiliarDb): Promise<{ created: number; reason: string; claims: number } | null> {
  const backup = await db.backups.get(BACKUP_ID);
  return backup ? { created: backup.created, reason: backup.reason, claims: backup.claims.length + backup.addedClaimIds.length } : null;
}

/** Puts back what the last import changed, and forgets the backup. */
export async function restoreLastBackup(db: SoundFamiliarDb): Promise<boolean> {
  return db.transaction('rw', [db.claimBuckets, db.entities, db.conflicts, db.backups], async () => {
    const backup = await db.backups.get(BACKUP_ID);
    if (!backup) return false;
    const touchedClaims = [...backup.addedClaimIds, ...backup.claims.map((c) => c.id)];
    const touchedEntities = [...backup.addedEntityIds, ...backup.entities.map((e) => e.id)];
    await db.claims.bulkDelete(backup.addedClaimIds);
    await db.entities.bulkDelete(backup.addedEntityIds);
    await db.claims.bulkPut(backup.claims);
    await db.entities.bulkPut(backup.entities);
    const touchedKeys = new Set([...touchedClaims.map((id) => `claim:${id}`), ...touchedEntities.map((id) => `entity:${id}`)]);
    const stale = (await db.conflicts.toArray()).filter((row) => touchedKeys.has(`${row.kind}:${row.id}`)).map((row) => row.key);
    await db.conflicts.bulkDelete(stale);
    await db.conflicts.bulkPut(backup.conflicts);
    await db.backups.delete(BACKUP_ID);
    return true;
  });
}
