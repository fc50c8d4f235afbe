// Conflicts: versions of a claim or entity that lost a merge to a concurrent edit on another
// device. Kept until the user resolves them, never silently dropped.

import type { Claim } from '../../shared/claims/claim';
import type { Entity } from '../../shared/types';
import type { ConflictRecord, SoundFamiliarDb } from '../db';

import type { RecordKind } from '../../shared/sync/conflict-view';

export type { RecordKind };

export const conflictKey = (kind: RecordKind, id: string, rev: string) => `${kind}:${id}:${rev}`;

export async function conflictsByRecord<T extends Claim | Entity>(db: SoundFamiliarDb, kind: RecordKind, ids: readonly string[]): Promise<Map<string, T[]>> {
  // Conflicts are rare: read them all rather than seek 20,000 keys one by one.
  const wanted = new Set(ids);
  const rows = (await db.conflicts.toArray()).filter((row) => row.kind === kind && wanted.has(row.id));
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.id, [...(map.get(row.id) ?? []), row.version as T]);
  return map;
}

/** Replaces the stored conflicts of each record in `next`. Runs inside the caller's transaction. */
export async function replaceConflicts(db: SoundFamiliarDb, kind: RecordKind, next: ReadonlyMap<string, readonly (Claim | Entity)[]>): Promise<void> {
  const ids = [...next.keys()];
  if (ids.length === 0) return;
  await db.conflicts.where('[kind+id]').anyOf(ids.map((id) => [kind, id])).delete();
  const rows: ConflictRecord[] = [...next].flatMap(([id, versions]) => versions.map((version) => ({ key: conflictKey(kind, id, version.rev), kind, id, version })));
  await db.conflicts.bulkPut(rows);
}
