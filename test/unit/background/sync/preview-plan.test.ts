// The preview's plan is written at confirmation only if everything it was made from is stored as
// it was: any change in between (a local edit, a deletion, a record created, a conflict resolved)
// makes applyImport plan again, so a stale preview can never overwrite what changed since.
// Also: large imports read the stored state by keys first, and give the same plan as small ones.
import { afterEach, describe, expect, it } from 'vitest';
import { restoreLastBackup } from '../../../../src/background/sync/backups';
import { resolve } from '../../../../src/background/sync/conflict-resolution';
import { applyImport, planImport } from '../../../../src/background/sync/import-data';
import type { Claim } from '../../../../src/shared/claims/claim';
import { buildEnvelope } from '../../../../src/shared/sync/export-format';
import { readImport, type ImportedData } from '../../../../src/shared/sync/read-import';
import type { Entity } from '../../../../src/shared/types';
import { dropDbs, dump, freshDb } from '../../../fixtures/sync/db';
import { DEVICE } from '../../../fixtures/sync/hostile';
import { deleteClaimVersion, editClaim, makeClaim, makeEntity, T0 } from '../../../fixtures/sync/records';
import { device, PAGE } from './device';

afterEach(dropDbs);

const fileOf = (claims: Claim[], entities: Entity[] = []): ImportedData => readImport(JSON.stringify(buildEnvelope(claims, entities, DEVICE, T0)));

/** Two databases with the same contents: one to apply the preview's plan to, one to plan afresh. */
async function twins(claims: Claim[], entities: Entity[] = []) {
  const a = freshDb('preview-plan');
  const b = freshDb('preview-plan');
  for (const db of [a, b]) {
    await db.claims.bulkPut(claims);
    await db.entities.bulkPut(entities);
  }
  return [a, b] as const;
}

const NOW = () => T0 + 5_000_000;

describe('applyImport with the preview plan', () => {
  it('writes the preview plan when nothing changed, exactly as planning again would', async () => {
    const mine = [makeClaim(1), makeClaim(2), makeClaim(3)];
    const [withPlan, without] = await twins(mine, [makeEntity('jeremy-quin')]);
    const data = fileOf([editClaim(mine[0]!, { status: 'delivered' }, T0 + 50_000), deleteClaimVersion(mine[1]!, T0 + 50_000), makeClaim(4)], [makeEntity('cddo', { kind: 'body' })]);
    const planned = await planImport(withPlan, data);
    const reused = await applyImport(withPlan, data, { planned, now: NOW });
    const fresh = await applyImport(without, data, { now: NOW });
    expect(reused.replanned).toBe(false);
    expect(reused.claims).toEqual(planned.summary.claims);
    expect({ ...reused, replanned: undefined }).toEqual({ ...fresh, replanned: undefined });
    expect(await dump(withPlan)).toEqual(await dump(without));
  });

  it('plans again when a record the file edits was edited here after the preview: the local edit is kept, the file\'s becomes a conflict', async () => {
    const mine = [makeClaim(1), makeClaim(2)];
    const db = freshDb('preview-plan');
    await db.claims.bulkPut(mine);
    const theirs = editClaim(mine[0]!, { note: 'theirs' }, T0 + 50_000);
    const data = fileOf([theirs, makeClaim(3)]);
    const planned = await planImport(db, data);
    expect(planned.summary.claims).toMatchObject({ updated: 1, new: 1, conflict: 0 });

    // Edited here between the preview and the confirmation, later than theirs.
    const ours = editClaim(mine[0]!, { note: 'ours, after the preview' }, T0 + 60_000);
    await db.claims.put(ours);

    const result = await applyImport(db, data, { planned, now: NOW });
    expect(result.replanned).toBe(true);
    expect(result.claims).toMatchObject({ new: 1, updated: 0, conflict: 1 });
    expect(await db.claims.get(ours.id)).toEqual(ours);
    expect((await db.conflicts.toArray()).map((row) => row.version)).toEqual([theirs]);
    // Undo restores the state at confirmation time, the local edit included.
    expect(await restoreLastBackup(db)).toBe(true);
    expect(await db.claims.toArray()).toEqual([ours, mine[1]]);
    expect(await db.conflicts.count()).toBe(0);
  });

  it('plans again when a record the file would create was created here after the preview', async () => {
    const db = freshDb('preview-plan');
    const theirs = makeClaim(5, { note: 'theirs' });
    const data = fileOf([theirs]);
    const planned = await planImport(db, data);
    expect(planned.summary.claims.new).toBe(1);
    const ours = editClaim(makeClaim(5), { note: 'ours' }, T0 + 900_000);
    await db.claims.put(ours);
    const result = await applyImport(db, data, { planned, now: NOW });
    expect(result.replanned).toBe(true);
    expect(result.claims.new).toBe(0);
    expect(await db.claims.get(ours.id)).toEqual(ours);
  });

  it('plans again when a record the file names was deleted here after the preview', async () => {
    const mine = [makeClaim(1)];
    const db = freshDb('preview-plan');
    await db.claims.bulkPut(mine);
    const data = fileOf([mine[0]!]);
    const planned = await planImport(db, data);
    expect(planned.summary.claims.unchanged).toBe(1);
    const tombstone = deleteClaimVersion(mine[0]!, T0 + 70_000);
    await db.claims.put(tombstone);
    const result = await applyImport(db, data, { planned, now: NOW });
    expect(result.replanned).toBe(true);
    expect(result.claims.unchanged).toBe(1);
    expect(await db.claims.get(mine[0]!.id)).toEqual(tombstone);
  });

  it('plans again when a conflict of a record the file names was resolved after the preview', async () => {
    const original = makeClaim(1);
    const db = freshDb('preview-plan');
    const ours = editClaim(original, { note: 'ours' }, T0 + 70_000);
    await db.claims.put(ours);
    await applyImport(db, fileOf([editClaim(original, { note: 'theirs' }, T0 + 60_000)]), { now: NOW });
    expect(await db.conflicts.count()).toBe(1);
    const data = fileOf([ours]);
    const planned = await planImport(db, data);
    await resolve(db, 'claim', ours.id, ours.rev, T0 + 80_000);
    const resolved = await db.claims.get(ours.id);
    const result = await applyImport(db, data, { planned, now: NOW });
    expect(result.replanned).toBe(true);
    expect(await db.claims.get(ours.id)).toEqual(resolved);
    expect(await db.conflicts.count()).toBe(0);
  });
});

describe('reading the stored state of a large import', () => {
  const many = (from: number, n: number) => Array.from({ length: n }, (_, i) => makeClaim(from + i));

  it('plans the same whether few or most of the named records are stored', async () => {
    // 300 in the file: 250 stored (most of the table is read whole), 50 new.
    const stored = many(1, 250);
    const [a] = await twins([...stored, ...many(10_000, 20)]);
    const incoming = [...stored.slice(0, 240), ...stored.slice(240).map((c) => editClaim(c, { status: 'delivered' }, T0 + 10_000_000)), ...many(20_000, 50)];
    expect((await planImport(a, fileOf(incoming))).summary.claims).toEqual({ new: 50, updated: 10, deleted: 0, unchanged: 240, conflict: 0 });
    // 300 in the file, 5 of them stored in a table of 1,000 (looked up one by one).
    const b = freshDb('preview-plan');
    await b.claims.bulkPut(many(1, 1000));
    const few = [...many(1, 5).map((c) => editClaim(c, { status: 'dropped' }, T0 + 10_000_000)), ...many(30_000, 295)];
    expect((await planImport(b, fileOf(few))).summary.claims).toEqual({ new: 295, updated: 5, deleted: 0, unchanged: 0, conflict: 0 });
  });

  it('imports 300 claims once: the second time all are unchanged and nothing is written', async () => {
    const db = freshDb('preview-plan');
    const data = fileOf(many(1, 300));
    expect((await applyImport(db, data, { now: NOW })).claims.new).toBe(300);
    const once = await dump(db);
    const planned = await planImport(db, data);
    expect(planned.summary.claims.unchanged).toBe(300);
    const again = await applyImport(db, data, { planned, now: NOW });
    expect(again).toMatchObject({ replanned: false, claims: { unchanged: 300 } });
    expect(await dump(db)).toEqual(once);
  });
});

describe('sync/apply after the database changed since sync/preview', () => {
  it('answers with what was really written, not what the preview said', async () => {
    const laptop = device('stale-preview');
    const mine = makeClaim(1);
    await laptop.db.claims.put(mine);
    const theirs = editClaim(mine, { note: 'theirs' }, T0 + 50_000);
    const { token, summary } = await laptop.sync['sync/preview']({ text: JSON.stringify(buildEnvelope([theirs], [], DEVICE, T0)) }, PAGE);
    expect(summary.claims).toMatchObject({ updated: 1, conflict: 0 });
    const ours = editClaim(mine, { note: 'ours' }, T0 + 60_000);
    await laptop.db.claims.put(ours);
    const applied = await laptop.sync['sync/apply']({ token }, PAGE);
    expect(applied).toEqual({
      kind: 'sound-familiar', claims: { new: 0, updated: 0, deleted: 0, unchanged: 0, conflict: 1 }, entities: { new: 0, updated: 0, deleted: 0, unchanged: 0, conflict: 0 },
      changes: { claims: [{ id: mine.id, outcome: 'conflict', label: mine.target.selector[0].exact }], entities: [] },
    });
    expect(await laptop.db.claims.get(mine.id)).toEqual(ours);
  });
});
