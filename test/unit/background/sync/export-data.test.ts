// The export built from the database: a stable device id, every claim including tombstones,
// only the entities that are the user's; and entity conflicts listed and resolved.
import { afterEach, describe, expect, it } from 'vitest';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { seedBuiltins } from '../../../../src/background/seed';
import { addAlias } from '../../../../src/background/user-entities';
import { listConflicts, resolve } from '../../../../src/background/sync/conflict-resolution';
import { deviceId, exportJson } from '../../../../src/background/sync/export-data';
import { applyImport } from '../../../../src/background/sync/import-data';
import { readImport } from '../../../../src/shared/sync/read-import';
import { buildEnvelope } from '../../../../src/shared/sync/export-format';
import { withNextRevision } from '../../../../src/shared/sync/revision';
import { dropDbs, freshDb } from '../../../fixtures/sync/db';
import { deleteClaimVersion, makeClaim, makeEntity, T0 } from '../../../fixtures/sync/records';

afterEach(dropDbs);

describe('exportJson', () => {
  it('keeps one device id per installation', async () => {
    const db = freshDb('export');
    const id = await deviceId(db);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await deviceId(db)).toBe(id);
    expect(JSON.parse((await exportJson(db)).json).deviceId).toBe(id);
    expect(await deviceId(freshDb('export'))).not.toBe(id);
  });

  it('exports every claim with tombstones, user entities and edited built-ins, and reads back', async () => {
    const db = freshDb('export');
    await seedBuiltins(db, builtinEntities(), () => T0);
    await addAlias(db, 'gds', 'the GDS team', () => T0 + 1);
    await db.entities.put(makeEntity('jeremy-quin'));
    await db.claims.bulkPut([makeClaim(1), deleteClaimVersion(makeClaim(2), T0 + 5)]);
    const out = await exportJson(db, Date.UTC(2024, 4, 3, 12));
    expect(out.fileName).toBe('sound-familiar-2024-05-03.json');
    expect(out.claims).toBe(2);
    expect(out.entities).toBe(2);
    const envelope = JSON.parse(out.json);
    expect(envelope.entities.map((e: { id: string }) => e.id).sort()).toEqual(['gds', 'jeremy-quin']);
    const data = readImport(out.json);
    expect(data.claims).toEqual(await db.claims.toArray());
    // Read back as the user's record: only an importer that knows gds is built-in makes it so again.
    const { userEdited, ...gds } = (await db.entities.get('gds'))!;
    expect(userEdited).toBe(true);
    expect(data.entities.find((e) => e.id === 'gds')).toEqual({ ...gds, origin: 'user' });
  });
});

describe('entity conflicts', () => {
  it('are listed with both versions and resolved to the chosen one', async () => {
    const db = freshDb('export');
    const shared = makeEntity('jeremy-quin');
    const ours = withNextRevision({ ...shared, summary: 'Ours', modified: T0 + 20 }, shared);
    const theirs = withNextRevision({ ...shared, aliases: [...shared.aliases, 'Quin'], modified: T0 + 10 }, shared);
    await db.entities.put(ours);
    const result = await applyImport(db, readImport(JSON.stringify(buildEnvelope([], [theirs], 'other', T0))));
    expect(result.entities.conflict).toBe(1);
    const [view] = await listConflicts(db);
    expect(view).toMatchObject({ kind: 'entity', id: 'jeremy-quin', title: 'Jeremy Quin' });
    expect(view!.versions.map((v) => v.rev)).toEqual([ours.rev, theirs.rev]);
    expect(view!.versions[1]!.summary).toContain('also: Jeremy Quin, Mr Quin, Quin');
    await resolve(db, 'entity', 'jeremy-quin', theirs.rev, T0 + 30);
    expect(await listConflicts(db)).toEqual([]);
    const kept = (await db.entities.get('jeremy-quin'))!;
    expect(kept.aliases).toContain('Quin');
    expect(kept.summary).toBe(shared.summary);
    expect(kept.modified).toBe(T0 + 30);
    expect(kept.revs).toEqual(expect.arrayContaining([ours.rev, theirs.rev, shared.rev]));
  });
});
