// Lists the records that have conflicting versions and resolves one by keeping the version the
// user chose: a new revision that supersedes every version, here and wherever it is exported.

import type { Claim } from '../../shared/claims/claim';
import { resolveConflict, visibleConflicts } from '../../shared/sync/merge';
import type { Entity } from '../../shared/types';
import type { SoundFamiliarDb } from '../db';
import type { ConflictView } from '../../shared/sync/conflict-view';
import type { RecordKind } from './conflicts-store';

function describe(version: Claim | Entity, kind: RecordKind): string {
  if (version.deleted !== undefined) return 'Deleted';
  if (kind === 'claim') {
    const c = version as Claim;
    return [`“${c.target.selector[0].exact}”`, `status: ${c.status}`, c.deadline ? `deadline: ${c.deadline}` : '', c.note ? `note: ${c.note}` : ''].filter(Boolean).join(' · ');
  }
  const e = version as Entity;
  // Counted because a version from a file may differ from the built-in one in its history alone.
  const history = `${e.events.length} dated ${e.events.length === 1 ? 'fact' : 'facts'}, ${e.sources.length} ${e.sources.length === 1 ? 'source' : 'sources'}`;
  return [e.name, e.aliases.length ? `also: ${e.aliases.join(', ')}` : '', e.summary, history].filter(Boolean).join(' · ');
}

export async function listConflicts(db: SoundFamiliarDb): Promise<ConflictView[]> {
  const rows = await db.conflicts.toArray();
  const groups = new Map<string, typeof rows>();
  for (const row of rows) groups.set(`${row.kind}:${row.id}`, [...(groups.get(`${row.kind}:${row.id}`) ?? []), row]);
  const views: ConflictView[] = [];
  for (const group of groups.values()) {
    const { kind, id } = group[0]!;
    const current = kind === 'claim' ? await db.claims.get(id) : await db.entities.get(id);
    if (!current) continue;
    const shown = visibleConflicts(current, group.map((g) => g.version));
    if (shown.length === 0) continue; // only superseded deletions: nothing to decide
    const versions = [current, ...shown];
    const title = kind === 'claim' ? (versions.find((v) => v.deleted === undefined) as Claim | undefined)?.target.selector[0].exact ?? 'Deleted claim' : (current as Entity).name || id;
    const builtin = kind === 'entity' && (current as Entity).origin === 'builtin' ? { builtin: true as const } : {};
    views.push({ kind, id, title, ...builtin, versions: versions.map((v) => ({ rev: v.rev, modified: v.modified, deleted: v.deleted !== undefined, summary: describe(v, kind) })) });
  }
  return views;
}

export async function resolve(db: SoundFamiliarDb, kind: RecordKind, id: string, keepRev: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.claimBuckets, db.entities, db.conflicts], async () => {
    const current = kind === 'claim' ? await db.claims.get(id) : await db.entities.get(id);
    const losers = (await db.conflicts.where('[kind+id]').equals([kind, id]).toArray()).map((r) => r.version);
    if (!current) throw new Error('no such record');
    const all = [current, ...losers];
    const chosen = all.find((v) => v.rev === keepRev);
    if (!chosen) throw new Error('that version is no longer there');
    const resolved = resolveConflict(chosen, all, now);
    if (kind === 'claim') await db.claims.put(resolved as Claim);
    else await db.entities.put(resolved as Entity);
    await db.conflicts.where('[kind+id]').equals([kind, id]).delete();
  });
}
