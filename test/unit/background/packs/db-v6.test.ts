// Version 6 of the database adds the packs and packSubscriptions tables: a database from version 5
// opens with its entities as they were and the new tables empty.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../../src/background/db';

describe('database version 6', () => {
  it('upgrades a version 5 database, keeping its entities, with empty pack tables', async () => {
    const name = 'db-v6-upgrade-test';
    const old = new Dexie(name);
    old.version(5).stores({ entities: 'id, kind, origin, modified', meta: 'key', drafts: 'id, modified', conflicts: 'key, [kind+id]', backups: 'id, created', claimBuckets: 'id, *sources, *entities' });
    await old.open();
    await old.table('entities').put({ id: 'gds', kind: 'body', name: 'GDS', origin: 'builtin', modified: 1 });
    old.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect((await db.entities.get('gds'))?.name).toBe('GDS');
    expect(await db.packs.count()).toBe(0);
    await db.packSubscriptions.put({ url: 'https://example.org/p.json', addedAt: 1 });
    expect(await db.packSubscriptions.get('https://example.org/p.json')).toEqual({ url: 'https://example.org/p.json', addedAt: 1 });
    db.close();
    await Dexie.delete(name);
  });
});
