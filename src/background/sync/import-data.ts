// Imports a file: read and validate it completely, plan the merge against the database, and on
// confirmation take a backup and write the whole plan in one transaction, so a failure at any
// point leaves the database exactly as it was. The preview's plan is written as it is when the
// records it was made from are unchanged; if anything it depends on changed, it is made again.

import type { Claim } from '../../shared/claims/claim';
import { formatCount } from '../../shared/format-count';
import { mergeEntity } from '../../shared/sync/builtin-guard';
import { claimLabel, entityLabel } from '../../shared/sync/change-labels';
import { planRecords, type ImportSummary, type RecordPlan } from '../../shared/sync/plan-import';
import type { ImportedData } from '../../shared/sync/read-import';
import type { Revisioned } from '../../shared/sync/revision';
import type { Entity } from '../../shared/types';
import type { SoundFamiliarDb } from '../db';
import { recordBackup } from './backups';
import { conflictsByRecord, replaceConflicts } from './conflicts-store';
import { checkKnowledgeBase } from './knowledge-budget';

/** The stored state an import is planned against: the records it names that exist, and their conflicts. */
interface LocalState {
  claims: Map<string, Claim>;
  entities: Map<string, Entity>;
  claimConflicts: Map<string, Claim[]>;
  entityConflicts: Map<string, Entity[]>;
}

interface ImportPlan {
  claims: RecordPlan<Claim>;
  entities: RecordPlan<Entity>;
  local: LocalState;
}

/** A previewed import: what it would change, and the plan to write if nothing changed since. */
export interface PlannedImport {
  summary: ImportSummary;
  plan: ImportPlan;
}

const uniqueIds = (records: readonly { id: string }[]) => [...new Set(records.map((r) => r.id))];

/**
 * The stored entities among `ids`, by id. Most records of a large import are usually new, so
 * their absence is learnt from one read of the table's keys rather than a lookup per id (20,000
 * lookups cost about half a second in Chromium); and when most of the table is wanted, it is
 * read whole in one request. (Claims are stored in buckets and read a bucket at a time.)
 */
async function storedEntities(table: SoundFamiliarDb['entities'], ids: readonly string[]): Promise<Map<string, Entity>> {
  let present: readonly string[] = ids;
  if (ids.length > 200) {
    const keys = new Set(await table.toCollection().primaryKeys());
    present = ids.filter((id) => keys.has(id));
    if (present.length > keys.size / 2) {
      const wanted = new Set(present);
      return new Map((await table.toArray()).filter((r) => wanted.has(r.id)).map((r) => [r.id, r]));
    }
  }
  const rows = await table.bulkGet([...present]);
  return new Map(rows.filter((r): r is Entity => r !== undefined).map((r) => [r.id, r]));
}

async function readLocal(db: SoundFamiliarDb, data: ImportedData): Promise<LocalState> {
  const claimIds = uniqueIds(data.claims);
  const entityIds = uniqueIds(data.entities);
  const [claims, entities, claimConflicts, entityConflicts] = await Promise.all([
    db.claims.byId(claimIds),
    storedEntities(db.entities, entityIds),
    conflictsByRecord<Claim>(db, 'claim', claimIds),
    conflictsByRecord<Entity>(db, 'entity', entityIds),
  ]);
  return { claims, entities, claimConflicts, entityConflicts };
}

function planFrom(data: ImportedData, local: LocalState): ImportPlan {
  return {
    claims: planRecords(data.claims, local.claims, local.claimConflicts, undefined, (c, before) => ({ label: claimLabel(c, before) })),
    entities: planRecords(data.entities, local.entities, local.entityConflicts, mergeEntity, (e, before) => ({
      label: entityLabel(e, before), builtin: before?.origin === 'builtin' || undefined,
    })),
    local,
  };
}

/** Same revision, same history: a record a plan was made from is still the one stored. */
const sameVersion = (a: Revisioned, b: Revisioned | undefined) =>
  !!b && a.rev === b.rev && a.modified === b.modified && a.deleted === b.deleted && a.revs.length === b.revs.length && a.revs.every((r, i) => r === b.revs[i]);

function sameRecords<T extends Revisioned>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, record] of a) if (!sameVersion(record, b.get(id))) return false;
  return true;
}

function sameConflicts<T extends Revisioned>(a: ReadonlyMap<string, T[]>, b: ReadonlyMap<string, T[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, versions] of a) {
    const other = b.get(id);
    if (!other || other.length !== versions.length || versions.some((v, i) => !sameVersion(v, other[i]))) return false;
  }
  return true;
}

/** True when everything `plan` was made from is stored as it was then, so writing it is what planning again would write. */
export function sameLocalState(a: LocalState, b: LocalState): boolean {
  return sameRecords(a.claims, b.claims) && sameRecords(a.entities, b.entities)
    && sameConflicts(a.claimConflicts, b.claimConflicts) && sameConflicts(a.entityConflicts, b.entityConflicts);
}

/** The before-state of everything the plan writes: what undo needs. */
function touched(p: ImportPlan) {
  const pick = <T>(stored: ReadonlyMap<string, T>, ids: Iterable<string>) => new Map([...ids].map((id) => [id, stored.get(id)]));
  const claimIds = new Set([...p.claims.puts.map((c) => c.id), ...p.claims.conflicts.keys()]);
  const entityIds = new Set([...p.entities.puts.map((e) => e.id), ...p.entities.conflicts.keys()]);
  const conflictRows = <T extends Claim | Entity>(kind: 'claim' | 'entity', map: Map<string, T[]>, ids: Set<string>) =>
    [...map].filter(([id]) => ids.has(id)).flatMap(([id, versions]) => versions.map((version) => ({ key: `${kind}:${id}:${version.rev}`, kind, id, version })));
  return {
    claims: pick(p.local.claims, claimIds),
    entities: pick(p.local.entities, entityIds),
    conflicts: [...conflictRows('claim', p.local.claimConflicts, claimIds), ...conflictRows('entity', p.local.entityConflicts, entityIds)],
  };
}

const summaryOf = (data: ImportedData, p: ImportPlan): ImportSummary => ({
  kind: data.kind, claims: p.claims.counts, entities: p.entities.counts, changes: { claims: p.claims.changes, entities: p.entities.changes },
});

/** Plans an import without writing: the preview's counts, and the plan for applyImport. */
export async function planImport(db: SoundFamiliarDb, data: ImportedData): Promise<PlannedImport> {
  const local = await readLocal(db, data);
  const plan = planFrom(data, local);
  await checkKnowledgeBase(db, plan.entities.puts);
  return { summary: summaryOf(data, plan), plan };
}

export interface ApplyOptions {
  now?: () => number;
  /** The preview's plan of this same `data`: written as it is if what it was made from is unchanged. */
  planned?: PlannedImport;
}

export interface ApplyResult extends ImportSummary {
  entitiesChanged: boolean;
  /** The database changed after the preview, so the import was planned again before writing. */
  replanned: boolean;
}

/** Plans (or checks the preview's plan), backs up what it will change, and writes, all in one transaction. Returns what changed. */
export async function applyImport(db: SoundFamiliarDb, data: ImportedData, options: ApplyOptions = {}): Promise<ApplyResult> {
  return db.transaction('rw', [db.claimBuckets, db.entities, db.conflicts, db.backups], async () => {
    // The state is read inside the transaction, so nothing can change between it and the writes.
    const local = await readLocal(db, data);
    const reuse = options.planned !== undefined && sameLocalState(options.planned.plan.local, local);
    const p = reuse ? options.planned!.plan : planFrom(data, local);
    // Checked again here: the knowledge base may have grown since the preview.
    await checkKnowledgeBase(db, p.entities.puts);
    const before = touched(p);
    // An import that changes nothing keeps the previous import undoable.
    if (before.claims.size + before.entities.size > 0) {
      await recordBackup(db, before, `import of ${count(data.claims.length, 'claim')} and ${count(data.entities.length, 'entity', 'entities')}`, options.now?.() ?? Date.now());
    }
    await Promise.all([db.claims.bulkPut(p.claims.puts), db.entities.bulkPut(p.entities.puts)]);
    await replaceConflicts(db, 'claim', p.claims.conflicts);
    await replaceConflicts(db, 'entity', p.entities.conflicts);
    return { ...summaryOf(data, p), entitiesChanged: p.entities.puts.length > 0, replanned: options.planned !== undefined && !reuse };
  });
}


function count(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
