// The safety net: before every import the user's data is copied aside, and "undo last import"
// puts it back exactly. Only the latest backup is kept; it is the one "undo" means.

import type { SoundFamiliarDb } from '../db';

const BACKUP_ID = 'before-last-import';

export async function takeBackup(db: SoundFamiliarDb, reason: string, now: number): Promise<void> {
  await db.transaction('rw', [db.claims, db.entities, db.conflicts, db.backups], async () => {
    const [claims, entities, conflicts] = await Promise.all([db.claims.toArray(), db.entities.toArray(), db.conflicts.toArray()]);
    await db.backups.put({ id: BACKUP_ID, created: now, reason, claims, entities, conflicts });
  });
}

export async function lastBackup(db: SoundFamiliarDb): Promise<{ created: number; reason: string; claims: number } | null> {
  const backup = await db.backups.get(BACKUP_ID);
  return backup ? { created: backup.created, reason: backup.reason, claims: backup.claims.filter((c) => c.deleted === undefined).length } : null;
}

/** Restores the data as it was before the last import, and forgets the backup. */
export async function restoreLastBackup(db: SoundFamiliarDb): Promise<boolean> {
  return db.transaction('rw', [db.claims, db.entities, db.conflicts, db.backups], async () => {
    const backup = await db.backups.get(BACKUP_ID);
    if (!backup) return false;
    await Promise.all([db.claims.clear(), db.entities.clear(), db.conflicts.clear()]);
    await db.claims.bulkAdd(backup.claims);
    await db.entities.bulkAdd(backup.entities);
    await db.conflicts.bulkAdd(backup.conflicts);
    await db.backups.delete(BACKUP_ID);
    return true;
  });
}
