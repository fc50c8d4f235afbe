import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { builtinEntities, type BuiltinEntity } from '../../../src/background/builtin-kb';
import { seedBuiltins } from '../../../src/background/seed';
import type { Entity } from '../../../src/shared/types';
import { asStored } from '../helpers/kb';
import { freshDbs } from '../helpers/fresh-db';

const freshDb = freshDbs('seed-test');

const clock = (start: number) => {
  let t = start;
  return () => t++;
};

describe('seedBuiltins', () => {
  const kb = builtinEntities();

  it('adds every built-in entity to an empty database, as origin builtin with timestamps', async () => {
    const db = freshDb();
    const report = await seedBuiltins(db, kb, clock(1000));
    expect(report).toEqual({ added: kb.length, updated: 0, keptUserEdits: 0, removed: 0 });
    const stored = await db.entities.toArray();
    expect(stored).toHaveLength(kb.length);
    const gds = (await db.entities.get('gds'))!;
    expect(gds.origin).toBe('builtin');
    expect(gds.created).toBeGreaterThanOrEqual(1000);
    expect(gds.modified).toBe(gds.created);
    expect(gds).toMatchObject(kb.find((e) => e.id === 'gds')!);
    expect(gds.userEdited).toBeFalsy();
  });

  it('changes nothing when the same release is seeded again', async () => {
    const db = freshDb();
    await seedBuiltins(db, kb, clock(1000));
    const before = await db.entities.toArray();
    const report = await seedBuiltins(db, builtinEntities(), clock(5000));
    expect(report).toEqual({ added: 0, updated: 0, keptUserEdits: 0, removed: 0 });
    expect(await db.entities.toArray()).toEqual(before);
  });

  it('updates a built-in whose facts changed in a newer release, keeping its created time', async () => {
    const db = freshDb();
    await seedBuiltins(db, kb, clock(1000));
    const created = (await db.entities.get('gds'))!.created;
    const next = kb.map((e) => (e.id === 'gds' ? { ...e, summary: 'Revised summary.' } : e));
    const report = await seedBuiltins(db, next, clock(9000));
    expect(report).toEqual({ added: 0, updated: 1, keptUserEdits: 0, removed: 0 });
    const gds = (await db.entities.get('gds'))!;
    expect(gds.summary).toBe('Revised summary.');
    expect(gds.created).toBe(created);
    expect(gds.modified).toBeGreaterThanOrEqual(9000);
    // Untouched entities keep their modification time (so the dictionary version moves only when needed).
    expect((await db.entities.get('lga'))!.modified).toBeLessThan(9000);
  });

  it('notices a change deep in the facts (one event outcome)', async () => {
    const db = freshDb();
    await seedBuiltins(db, kb, clock(1000));
    const next = kb.map((e) => (e.id === 'lga' ? { ...e, events: e.events.map((ev, i) => (i === 0 ? { ...ev, outcome: 'New outcome' } : ev)) } : e));
    expect((await seedBuiltins(db, next, clock(2000))).updated).toBe(1);
    expect((await db.entities.get('lga'))!.events[0]!.outcome).toBe('New outcome');
  });

  it('never overwrites a built-in the user edited', async () => {
    const db = freshDb();
    await seedBuiltins(db, kb, clock(1000));
    const edited: Entity = { ...(await db.entities.get('gds'))!, summary: 'My own summary', userEdited: true, modified: 1500 };
    await db.entities.put(edited);
    const next = kb.map((e) => (e.id === 'gds' ? { ...e, summary: 'Release summary' } : e));
    const report = await seedBuiltins(db, next, clock(2000));
    expect(report).toEqual({ added: 0, updated: 0, keptUserEdits: 1, removed: 0 });
    expect(await db.entities.get('gds')).toEqual(edited);
  });

  it('never overwrites a user-origin entity that shares an id with a built-in', async () => {
    const db = freshDb();
    const mine: Entity = asStored({ ...kb.find((e) => e.id === 'lga')!, summary: 'Mine', origin: 'user', created: 1, modified: 2 });
    await db.entities.put(mine);
    const report = await seedBuiltins(db, kb, clock(1000));
    expect(report.added).toBe(kb.length - 1);
    expect(report.keptUserEdits).toBe(1);
    expect(await db.entities.get('lga')).toEqual(mine);
  });

  it('removes a built-in the new release dropped, but not a user-edited one or a user entity', async () => {
    const db = freshDb();
    await seedBuiltins(db, kb, clock(1000));
    const userEntity: Entity = asStored({ id: 'my-own-body', kind: 'body', name: 'My Own Body', aliases: [], summary: '', events: [], sources: [], confidence: 'sourced', origin: 'user', created: 1, modified: 1 });
    await db.entities.put(userEntity);
    await db.entities.update('lga', { userEdited: true, summary: 'kept' });
    const next: BuiltinEntity[] = kb.filter((e) => e.id !== 'gds' && e.id !== 'lga');
    const report = await seedBuiltins(db, next, clock(2000));
    expect(report).toEqual({ added: 0, updated: 0, keptUserEdits: 0, removed: 1 });
    expect(await db.entities.get('gds')).toBeUndefined();
    expect((await db.entities.get('lga'))!.summary).toBe('kept');
    expect(await db.entities.get('my-own-body')).toEqual(userEntity);
    expect(await db.entities.count()).toBe(kb.length); // all but gds, plus the user's own
  });

  it('adds a built-in new in this release alongside existing ones', async () => {
    const db = freshDb();
    await seedBuiltins(db, kb.slice(0, kb.length - 4), clock(1000));
    const report = await seedBuiltins(db, kb, clock(2000));
    expect(report).toEqual({ added: 4, updated: 0, keptUserEdits: 0, removed: 0 });
    expect(await db.entities.count()).toBe(kb.length);
  });

  it('writes nothing if the transaction fails part-way', async () => {
    const db = freshDb();
    await seedBuiltins(db, kb.slice(0, 10), clock(1000));
    const before = await db.entities.toArray();
    // A value IndexedDB cannot store (a function) makes bulkPut fail inside the transaction.
    const poisoned = [...kb.slice(0, 10).map((e) => ({ ...e, summary: `${e.summary}!` })), { ...kb[20]!, summary: (() => 'x') as unknown as string }];
    await expect(seedBuiltins(db, poisoned, clock(2000))).rejects.toBeDefined();
    expect(await db.entities.toArray()).toEqual(before);
  });

  // Regression test: this failed before the fix in the same commit.
  it('upgrades a database written by release 0.1.0 (entities without revision fields)', async () => {
    const name = 'seed-test-legacy';
    const legacy = new Dexie(name);
    legacy.version(1).stores({ entities: 'id, kind, origin, modified', meta: 'key' });
    await legacy.table('entities').bulkPut(kb.map((b) => ({ ...b, origin: 'builtin', created: 1, modified: 1 })));
    await legacy.table('entities').update('lga', { userEdited: true, summary: 'edited in 0.1.0' });
    legacy.close();

    const db = freshDb(name);
    const next = kb.map((e) => (e.id === 'gds' ? { ...e, summary: 'Revised in 0.2.0' } : e));
    const report = await seedBuiltins(db, next, clock(5000));
    expect(report).toEqual({ added: 0, updated: 1, keptUserEdits: 1, removed: 0 });
    expect((await db.entities.get('gds'))!.summary).toBe('Revised in 0.2.0');
    expect((await db.entities.get('lga'))!.summary).toBe('edited in 0.1.0');
  });
});
