// planImport (the preview) and applyImport on fake-indexeddb: preview writes nothing; apply backs up, then
// writes exactly the plan; importing the same file twice changes nothing; unknown fields never
// reach the database.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { lastBackup, restoreLastBackup } from '../../../../src/background/sync/backups';
import { applyImport, planImport } from '../../../../src/background/sync/import-data';
import { conflictKey } from '../../../../src/background/sync/conflicts-store';
import { readImport } from '../../../../src/shared/sync/read-import';
import { buildEnvelope } from '../../../../src/shared/sync/export-format';
import { dropDbs, dump, freshDb, type Dump } from '../../../fixtures/sync/db';
import { DEVICE, validEnvelope } from '../../../fixtures/sync/hostile';
import { deleteClaimVersion, editClaim, makeClaim, makeEntity, T0 } from '../../../fixtures/sync/records';

afterEach(dropDbs);

const withoutBackups = async ({ backups: _b, ...rest }: Dump) => rest;

async function seeded() {
  const db = freshDb('import');
  const mine = [makeClaim(1), makeClaim(2), makeClaim(3)];
  await db.claims.bulkPut(mine);
  await db.entities.put(makeEntity('jeremy-quin'));
  await db.meta.put({ key: 'deviceId', value: 'local-device' });
  return { db, mine };
}

const fileOf = (claims = [makeClaim(1)], entities = [makeEntity('jeremy-quin')]) => readImport(JSON.stringify(buildEnvelope(claims, entities, DEVICE, T0)));

describe('planImport, the preview', () => {
  it('counts what would change and writes nothing', async () => {
    const { db, mine } = await seeded();
    const before = await dump(db);
    const data = fileOf([
      editClaim(mine[0]!, { status: 'delivered' }, T0 + 50_000), // updated
      mine[1]!, // unchanged
      editClaim(makeClaim(3), { note: 'theirs' }, T0 + 60_000), // updated (descends from ours)
      deleteClaimVersion(mine[2]!, T0 + 40_000), // with the one above: concurrent, older → conflict
      makeClaim(4), // new
    ], [makeEntity('cddo', { kind: 'body', name: 'CDDO' })]);
    const { summary } = await planImport(db, data);
    expect(summary).toMatchObject({
      kind: 'sound-familiar',
      claims: { new: 1, updated: 2, deleted: 0, unchanged: 1, conflict: 1 },
      entities: { new: 1, updated: 0, deleted: 0, unchanged: 0, conflict: 0 },
    });
    // Named once each: claim 3 was updated and then met a concurrent deletion.
    expect(summary.changes.claims.map((c) => [c.id, c.outcome])).toEqual([[mine[0]!.id, 'updated'], [mine[2]!.id, 'conflict'], [makeClaim(4).id, 'new']]);
    expect(await dump(db)).toEqual(before);
  });
});

describe('applyImport', () => {
  it('takes a backup of the data as it was, then writes the merge', async () => {
    const { db, mine } = await seeded();
    const before = await dump(db);
    const edited = editClaim(mine[0]!, { status: 'delivered' }, T0 + 50_000);
    const deleted = deleteClaimVersion(mine[1]!, T0 + 50_000);
    const result = await applyImport(db, fileOf([edited, deleted, makeClaim(9)], [makeEntity('cddo', { kind: 'body', name: 'CDDO' })]), {
      now: () => T0 + 99,
    });
    expect(result).toMatchObject({
      kind: 'sound-familiar',
      claims: { new: 1, updated: 1, deleted: 1, unchanged: 0, conflict: 0 },
      entities: { new: 1, updated: 0, deleted: 0, unchanged: 0, conflict: 0 },
      entitiesChanged: true,
      replanned: false,
    });
    expect(result.changes.claims.map((c) => c.outcome)).toEqual(['updated', 'deleted', 'new']);
    expect(await db.claims.get(mine[0]!.id)).toEqual(edited);
    expect(await db.claims.get(mine[1]!.id)).toEqual(deleted);
    expect(await db.claims.get(makeClaim(9).id)).toEqual(makeClaim(9));
    expect(await db.entities.get('cddo')).toBeDefined();
    expect(await lastBackup(db)).toMatchObject({ created: T0 + 99, reason: 'import of 3 claims and 1 entity' });
    // The backup is what undo needs: restoring it gives back the data exactly as it was.
    expect(await restoreLastBackup(db)).toBe(true);
    expect(await dump(db, { without: ['backups'] })).toEqual(await withoutBackups(before));
    expect(await lastBackup(db)).toBeNull();
  });

  it('stores a concurrent version as a conflict next to the newer one', async () => {
    const { db, mine } = await seeded();
    const ours = editClaim(mine[0]!, { note: 'ours' }, T0 + 70_000);
    await db.claims.put(ours);
    const theirs = editClaim(mine[0]!, { note: 'theirs' }, T0 + 60_000);
    const result = await applyImport(db, fileOf([theirs], []));
    expect(result.claims.conflict).toBe(1);
    expect(result.entitiesChanged).toBe(false);
    expect(await db.claims.get(ours.id)).toEqual(ours);
    expect(await db.conflicts.toArray()).toEqual([{ key: conflictKey('claim', ours.id, theirs.rev), kind: 'claim', id: ours.id, version: theirs }]);
  });

  it('changes nothing the second time the same file is imported', async () => {
    const { db, mine } = await seeded();
    const ours = editClaim(mine[0]!, { note: 'ours' }, T0 + 70_000);
    await db.claims.put(ours);
    const file = JSON.stringify(buildEnvelope([
      editClaim(mine[0]!, { note: 'theirs' }, T0 + 60_000), deleteClaimVersion(mine[1]!, T0 + 1), makeClaim(7), deleteClaimVersion(makeClaim(8), T0),
    ], [makeEntity('cddo', { kind: 'body' }), makeEntity('jeremy-quin', { summary: 'Edited elsewhere', modified: T0 + 5 })], DEVICE, T0));
    await applyImport(db, readImport(file));
    const once = await dump(db, { without: ['backups'] });
    const backupAfterFirst = await db.backups.toArray();
    const second = await applyImport(db, readImport(file));
    expect(second.claims).toEqual({ new: 0, updated: 0, deleted: 0, unchanged: 4, conflict: 0 });
    expect(second.entities).toEqual({ new: 0, updated: 0, deleted: 0, unchanged: 2, conflict: 0 });
    expect(second.entitiesChanged).toBe(false);
    expect(await dump(db, { without: ['backups'] })).toEqual(once);
    // An import that changes nothing leaves the previous import undoable.
    expect(await db.backups.toArray()).toEqual(backupAfterFirst);
  });

  it('imports a Hypothesis export once: the second time everything is unchanged', async () => {
    const db = freshDb('import');
    const text = readFileSync(new URL('../../../fixtures/sync/hypothesis-export.json', import.meta.url), 'utf8');
    const first = await applyImport(db, readImport(text));
    expect(first).toMatchObject({ kind: 'hypothesis', claims: { new: 2 }, entitiesChanged: false });
    const once = await dump(db, { without: ['backups'] });
    const second = await applyImport(db, readImport(text));
    expect(second.claims).toEqual({ new: 0, updated: 0, deleted: 0, unchanged: 2, conflict: 0 });
    expect(await dump(db, { without: ['backups'] })).toEqual(once);
    expect((await db.claims.toArray()).map((c) => c.target.source).sort()).toEqual([
      'https://www.bbc.co.uk/news/technology-67890123',
      'https://www.gov.uk/government/publications/roadmap-for-digital-and-data-2022-to-2025',
    ]);
  });

  it('never stores fields the file added that the format does not know', async () => {
    const db = freshDb('import');
    const envelope = validEnvelope(2) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    envelope.claims[0].trackingPixel = 'https://evil.example/p.gif';
    envelope.claims[0].soundFamiliar.html = '<img src=x onerror=alert(1)>';
    envelope.claims[0].target.selector[0].xpath = '/html/body';
    envelope.entities[0].adminNote = 'x';
    envelope.entities[0].sources[0].onclick = 'alert(1)';
    await applyImport(db, readImport(JSON.stringify(envelope)));
    const stored = await dump(db, { without: ['backups'] });
    const text = JSON.stringify(stored);
    for (const unknown of ['trackingPixel', 'evil.example', 'onerror', 'xpath', 'adminNote', 'onclick']) expect(text).not.toContain(unknown);
    expect(stored.claims).toHaveLength(2);
    expect(stored.entities).toHaveLength(2);
  });
});
