// Imports and the built-in knowledge base (issue item 3): a file never decides what is built-in;
// a user's own edit of a built-in entity (extra names) travels through export and import as an
// update; a version that changes a built-in entity's facts, or deletes it, is never shown: it
// is kept as a conflict the user sees and may choose.
import { afterEach, describe, expect, it } from 'vitest';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { seedBuiltins } from '../../../../src/background/seed';
import { addAlias } from '../../../../src/background/user-entities';
import { listConflicts, resolve } from '../../../../src/background/sync/conflict-resolution';
import { exportJson } from '../../../../src/background/sync/export-data';
import { applyImport, planImport } from '../../../../src/background/sync/import-data';
import { buildEnvelope } from '../../../../src/shared/sync/export-format';
import { readImport } from '../../../../src/shared/sync/read-import';
import { withNextRevision } from '../../../../src/shared/sync/revision';
import type { Entity } from '../../../../src/shared/types';
import { dropDbs, dump, freshDb } from '../../../fixtures/sync/db';
import { makeEntity, T0 } from '../../../fixtures/sync/records';

afterEach(dropDbs);

async function seeded(label: string) {
  const db = freshDb(label);
  await seedBuiltins(db, builtinEntities(), () => T0);
  return db;
}

const fileOf = (entities: Entity[]) => readImport(JSON.stringify(buildEnvelope([], entities, 'other-device', T0)));

/** The file: gds, claiming to be built-in and user-edited, descending from the shipped revision, with invented history. */
function forgedGds(shipped: Entity, modified = T0 + 60_000): Entity {
  const { rev: _r, revs: _rs, ...content } = shipped;
  return withNextRevision({
    ...content,
    origin: 'builtin' as const,
    userEdited: true,
    summary: 'Invented: GDS was founded in 1999 to run the Millennium Dome.',
    events: [{ date: '1999-12-31', text: 'Ran the Millennium Dome.', src: [0] }],
    sources: [{ title: 'A blog that does not exist', url: 'https://example.com/made-up' }],
    modified,
  }, shipped);
}

describe('a file that rewrites a built-in entity', () => {
  it('is previewed as a conflict, not an update', async () => {
    const db = await seeded('forged');
    const shipped = (await db.entities.get('gds'))!;
    const before = await dump(db);
    const { summary } = await planImport(db, fileOf([forgedGds(shipped)]));
    expect(summary.entities).toEqual({ new: 0, updated: 0, deleted: 0, unchanged: 0, conflict: 1 });
    expect(await dump(db)).toEqual(before);
  });

  it('leaves the built-in facts shown and keeps the forged version as a visible conflict', async () => {
    const db = await seeded('forged');
    const shipped = (await db.entities.get('gds'))!;
    const forged = forgedGds(shipped);
    const result = await applyImport(db, fileOf([forged]));
    expect(result.entities.conflict).toBe(1);
    expect(result.entitiesChanged).toBe(false);
    expect(await db.entities.get('gds')).toEqual(shipped);
    const [view] = await listConflicts(db);
    expect(view).toMatchObject({ kind: 'entity', id: 'gds', title: 'Government Digital Service', builtin: true });
    expect(view!.versions.map((v) => v.rev)).toEqual([shipped.rev, forged.rev]);
    expect(view!.versions[1]!.summary).toContain('Invented');
    expect(view!.versions[1]!.summary).toContain('1 dated fact, 1 source');
  });

  it('changes nothing when the same file is imported again, or with an older copy of the entity', async () => {
    const db = await seeded('forged');
    const shipped = (await db.entities.get('gds'))!;
    const file = fileOf([forgedGds(shipped)]);
    await applyImport(db, file);
    const once = await dump(db, { without: ['backups'] });
    const again = await applyImport(db, file);
    expect(again.entities).toEqual({ new: 0, updated: 0, deleted: 0, unchanged: 1, conflict: 0 });
    expect(await dump(db, { without: ['backups'] })).toEqual(once);
  });

  it('cannot delete a built-in entity: the tombstone is kept as a conflict', async () => {
    const db = await seeded('forged');
    const shipped = (await db.entities.get('gds'))!;
    const tombstone = withNextRevision({ ...shipped, origin: 'user' as const, name: '', aliases: [], summary: '', events: [], sources: [], modified: T0 + 5, deleted: T0 + 5 }, shipped);
    const result = await applyImport(db, fileOf([tombstone]));
    expect(result.entities).toMatchObject({ deleted: 0, conflict: 1 });
    expect(await db.entities.get('gds')).toEqual(shipped);
  });

  it('is stored as the user’s chosen version only when the user keeps it', async () => {
    const db = await seeded('forged');
    const shipped = (await db.entities.get('gds'))!;
    const forged = forgedGds(shipped);
    await applyImport(db, fileOf([forged]));
    await resolve(db, 'entity', 'gds', forged.rev, T0 + 120_000);
    const kept = (await db.entities.get('gds'))!;
    expect(kept).toMatchObject({ summary: forged.summary, origin: 'builtin', userEdited: true });
    expect(await listConflicts(db)).toEqual([]);
  });

  it('still loses to a later real edit of the built-in entity (extra names)', async () => {
    const db = await seeded('forged');
    const shipped = (await db.entities.get('gds'))!;
    const forged = forgedGds(shipped, T0 + 90_000);
    await applyImport(db, fileOf([forged]));
    // Another machine's user added a name, earlier than the forged version is dated.
    const { rev: _r, revs: _rs, ...content } = shipped;
    const named = withNextRevision({ ...content, aliases: [...shipped.aliases, 'Digital Service'], userEdited: true, modified: T0 + 30_000 }, shipped);
    const result = await applyImport(db, fileOf([named]));
    expect(result.entities.updated).toBe(1);
    expect((await db.entities.get('gds'))!.aliases).toContain('Digital Service');
    expect((await db.entities.get('gds'))!.summary).toBe(shipped.summary);
    expect((await listConflicts(db))[0]!.versions.map((v) => v.rev)).toEqual([named.rev, forged.rev]);
  });
});

describe('order', () => {
  it('shows the same version and the same conflict whichever of a forged file and a real edit comes first', async () => {
    const outcomes = [];
    for (const order of [[0, 1], [1, 0]]) {
      const db = await seeded(`order-${order.join('')}`);
      const shipped = (await db.entities.get('gds'))!;
      const { rev: _r, revs: _rs, ...content } = shipped;
      const files = [
        fileOf([forgedGds(shipped, T0 + 90_000)]),
        fileOf([withNextRevision({ ...content, aliases: [...shipped.aliases, 'Digital Service'], userEdited: true, modified: T0 + 30_000 }, shipped)]),
      ];
      for (const i of order) await applyImport(db, files[i]!);
      const [view] = await listConflicts(db);
      outcomes.push({ shown: (await db.entities.get('gds'))!.rev, conflicts: view!.versions.map((v) => v.rev) });
    }
    expect(outcomes[1]).toEqual(outcomes[0]);
  });
});

describe('a file never decides origin or userEdited', () => {
  it('stores an entity with a new id as the user’s, whatever the file says', async () => {
    const db = await seeded('origin');
    const claimed = makeEntity('not-really-builtin', { name: 'Not Really Built In', aliases: ['Not Really Built In'], origin: 'builtin', userEdited: true });
    await applyImport(db, fileOf([claimed]));
    const stored = (await db.entities.get('not-really-builtin'))!;
    expect(stored.origin).toBe('user');
    expect(stored.userEdited).toBeUndefined();
  });

  it('treats a built-in id as built-in even when the file calls it the user’s', async () => {
    const db = await seeded('origin');
    const shipped = (await db.entities.get('gds'))!;
    const { rev: _r, revs: _rs, ...content } = shipped;
    const named = withNextRevision({ ...content, origin: 'user' as const, aliases: [...shipped.aliases, 'Digital Service'], modified: T0 + 1 }, shipped);
    await applyImport(db, fileOf([named]));
    expect(await db.entities.get('gds')).toMatchObject({ origin: 'builtin', userEdited: true });
  });
});

describe('the user’s own edit of a built-in entity', () => {
  it('travels through export and import as a clean update', async () => {
    const laptop = await seeded('laptop');
    const desktop = await seeded('desktop');
    await addAlias(laptop, 'gds', 'the GDS team', () => T0 + 1_000);
    const { json } = await exportJson(laptop, T0 + 2_000);
    const result = await applyImport(desktop, readImport(json));
    expect(result.entities).toEqual({ new: 0, updated: 1, deleted: 0, unchanged: 0, conflict: 0 });
    expect(await desktop.entities.get('gds')).toEqual(await laptop.entities.get('gds'));
    expect(await listConflicts(desktop)).toEqual([]);
  });
});
