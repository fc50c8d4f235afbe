// Imports a file: read and validate it completely, plan the merge against the database, and on
// confirmation take a backup and write the whole plan in one transaction, so a failure at any
// point leaves the database exactly as it was.

import type { Claim } from '../../shared/claims/claim';
import { planRecords, type ImportSummary, type RecordPlan } from '../../shared/sync/plan-import';
import type { ImportedData } from '../../shared/sync/read-import';
import type { Entity } from '../../shared/types';
import type { SoundFamiliarDb } from '../db';
import { recordBackup } from './backups';
import { conflictsByRecord, replaceConflicts } from './conflicts-store';


interface ImportPlan {
  claims: RecordPlan<Claim>;
  entities: RecordPlan<Entity>;
  /** The records as they are now, by id (undefined where the import would create them). */
  before: { claims: Map<string, Claim | undefined>; entities: Map<string, Entity | undefined> };
  conflictsBefore: { claims: Map<string, Claim[]>; entities: Map<string, Entity[]> };
}

async function plan(db: SoundFamiliarDb, data: ImportedData): Promise<ImportPlan> {
  const claimIds = [...new Set(data.claims.map((c) => c.id))];
  const entityIds = [...new Set(data.entities.map((e) => e.id))];
  const [claims, entities, claimConflicts, entityConflicts] = await Promise.all([
    db.claims.bulkGet(claimIds),
    db.entities.bulkGet(entityIds),
    conflictsByRecord<Claim>(db, 'claim', claimIds),
    conflictsByRecord<Entity>(db, 'entity', entityIds),
  ]);
  const byId = <T extends { id: string }>(rows: (T | undefined)[]) => new Map(rows.filter((r): r is T => !!r).map((r) => [r.id, r]));
  return {
    claims: planRecords(data.claims, byId(claims), claimConflicts),
    entities: planRecords(data.entities, byId(entities), entityConflicts),
    before: { claims: new Map(claimIds.map((id, i) => [id, claims[i]])), entities: new Map(entityIds.map((id, i) => [id, entities[i]])) },
    conflictsBefore: { claims: claimConflicts, entities: entityConflicts },
  };
}

/** The before-state of everything the plan writes: what undo needs. */
function touched(p: ImportPlan) {
  const pick = <T>(before: Map<string, T | undefined>, ids: Iterable<string>) => new Map([...ids].map((id) => [id, before.get(id)]));
  const claimIds = new Set([...p.claims.puts.map((c) => c.id), ...p.claims.conflicts.keys()]);
  const entityIds = new Set([...p.entities.puts.map((e) => e.id), ...p.entities.conflicts.keys()]);
  const conflictRows = <T extends Claim | Entity>(kind: 'claim' | 'entity', map: Map<string, T[]>, ids: Set<string>) =>
    [...map].filter(([id]) => ids.has(id)).flatMap(([id, versions]) => versions.map((version) => ({ key: `${kind}:${id}:${version.rev}`, kind, id, version })));
  return {
    claims: pick(p.before.claims, claimIds),
    entities: pick(p.before.entities, entityIds),
    conflicts: [...conflictRows('claim', p.conflictsBefore.claims, claimIds), ...conflictRows('entity', p.conflictsBefore.entities, entityIds)],
  };
}

export async function previewImport(db: SoundFamiliarDb, data: ImportedData): Promise<ImportSummary> {
  const p = await plan(db, data);
  return { kind: data.kind, claims: p.claims.counts, entities: p.entities.counts };
}

export interface ApplyOptions {
  now?: () => number;
  onProgress?(done: number, total: number): void;
}

/** Plans, backs up what it will change, and writes, all in one transaction. Returns what changed. */
export async function applyImport(db: SoundFamiliarDb, data: ImportedData, options: ApplyOptions = {}): Promise<ImportSummary & { entitiesChanged: boolean }> {
  return db.transaction('rw', [db.claims, db.entities, db.conflicts, db.backups], async () => {
    // Planned inside the transaction, so nothing can change between the plan and its writes.
    const p = await plan(db, data);
    const before = touched(p);
    // An import that changes nothing keeps the previous import undoable.
    if (before.claims.size + before.entities.size > 0) {
      await recordBackup(db, before, `import of ${count(data.claims.length, 'claim')} and ${count(data.entities.length, 'entity', 'entities')}`, options.now?.() ?? Date.now());
    }
    const total = p.claims.puts.length + p.entities.puts.length;
    const CHUNK = 2000;
    for (let i = 0; i < p.claims.puts.length; i += CHUNK) {
      await db.claims.bulkPut(p.claims.puts.slice(i, i + CHUNK));
      options.onProgress?.(Math.min(i + CHUNK, p.claims.puts.length), total);
    }
    await db.entities.bulkPut(p.entities.puts);
    options.onProgress?.(total, total);
    await replaceConflicts(db, 'claim', p.claims.conflicts);
    await replaceConflicts(db, 'entity', p.entities.conflicts);
    return { kind: data.kind, claims: p.claims.counts, entities: p.entities.counts, entitiesChanged: p.entities.puts.length > 0 };
  });
}


function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
