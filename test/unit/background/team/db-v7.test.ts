// Version 7 of the database adds the teamSubscriptions and teamClaims tables: a database from
// version 6 opens with its claims, packs and subscriptions as they were and the new tables empty.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../../src/background/db';

describe('database version 7', () => {
  it('upgrades a version 6 database, keeping what it held, with empty team tables', async () => {
    const name = 'db-v7-upgrade-test';
    const old = new Dexie(name);
    old.version(6).stores({ entities: 'id, kind, origin, modified', meta: 'key', drafts: 'id, modified', conflicts: 'key, [kind+id]', backups: 'id, created', claimBuckets: 'id, *sources, *entities', packs: 'id', packSubscriptions: 'url' });
    await old.open();
    await old.table('claimBuckets').put({ id: 3, claims: [{ id: 'c1' }], sources: ['https://www.gov.uk/a'], entities: [] });
    await old.table('packSubscriptions').put({ url: 'https://example.org/p.json', addedAt: 1 });
    old.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect((await db.claimBuckets.get(3))?.claims).toEqual([{ id: 'c1' }]);
    expect(await db.packSubscriptions.count()).toBe(1);
    expect(await db.teamSubscriptions.count()).toBe(0);
    await db.teamClaims.put({ id: 'team-1#0', team: 'team-1', claims: [], sources: ['https://www.gov.uk/a'], entities: ['gds'] });
    expect((await db.teamClaims.where('sources').equals('https://www.gov.uk/a').toArray()).map((c) => c.id)).toEqual(['team-1#0']);
    expect(await db.teamClaims.where('team').equals('team-1').count()).toBe(1);
    db.close();
    await Dexie.delete(name);
  });
});
