// The pack store: a pack's entities are installed under its namespace in one transaction, updated
// without losing the user's edits, refused when signed by another key, and removed cleanly; pack
// entities reach the dictionary but never an export as the user's own.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { unpackEntities } from '../../../../src/shared/packed-entities';
import { addAlias } from '../../../../src/background/user-entities';
import { DictionaryCache } from '../../../../src/background/dictionary-cache';
import { installPack, listPacks, PackError, removePack } from '../../../../src/background/packs/pack-store';
import { exportJson } from '../../../../src/background/sync/export-data';
import { applyImport } from '../../../../src/background/sync/import-data';
import { readImport } from '../../../../src/shared/sync/read-import';
import { goodPack, packText, type Json } from '../../../fixtures/packs/make-pack';
import { freshDbs } from '../../helpers/fresh-db';

const freshDb = freshDbs('pack-store-test');

const KEY_A = 'A'.repeat(43) + '=';
const KEY_B = 'B'.repeat(43) + '=';
const unsigned = { url: 'https://example.org/test-pack.json', signed: false } as const;
const signedBy = (publicKey: string) => ({ url: 'https://example.org/test-pack.json', signed: true, publicKey });

function version(change: (p: Json) => void): string {
  const pack = goodPack();
  change(pack);
  return packText(pack);
}

describe('installPack', () => {
  it('installs entities under the pack\'s namespace with provenance, and the row with its last good copy', async () => {
    const db = freshDb();
    const text = packText();
    const report = await installPack(db, text, { ...unsigned, etag: '"v1"' }, () => 5000);
    expect(report).toEqual({ packId: 'test-pack', added: 2, updated: 0, removed: 0, keptUserEdits: 0 });
    const body = (await db.entities.get('test-pack:test-body'))!;
    expect(body).toMatchObject({ origin: 'pack', packId: 'test-pack', packLabel: { title: 'Test pack', maintainer: 'Test maintainer' }, name: 'Test Digital Office', created: 5000 });
    expect(await db.entities.get('test-body')).toBeUndefined();
    const row = (await db.packs.get('test-pack'))!;
    expect(row).toMatchObject({ url: unsigned.url, etag: '"v1"', signed: false, fetchedAt: 5000, lastSuccess: 5000, text });
    expect(row.precision).toEqual({ periods: { 'test-pack:test-programme': { from: '2020', to: '2023-03-31' } } });
    expect(await listPacks(db)).toEqual([expect.objectContaining({ id: 'test-pack', entities: 2, signed: false })]);
    expect((await listPacks(db))[0]).not.toHaveProperty('text');
  });

  it('refuses an invalid pack before changing anything, naming the problem', async () => {
    const db = freshDb();
    await installPack(db, packText(), unsigned);
    const bad = version((p) => { p.meta.version = '1.1.0'; p.entities[0].aliases.push('the'); });
    await expect(installPack(db, bad, unsigned)).rejects.toThrow('entities[0] (test-body).aliases[2]: "the" is a common word');
    expect((await db.packs.get('test-pack'))!.meta.version).toBe('1.0.0');
    expect(await db.entities.count()).toBe(2);
  });

  it('an update adds an alias, adds and drops entities, and keeps what the user edited', async () => {
    const db = freshDb();
    await installPack(db, packText(), unsigned, () => 1000);
    await addAlias(db, 'test-pack:test-programme', 'The Test Programme', () => 2000);
    const v2 = version((p) => {
      p.meta.version = '1.1.0';
      p.entities[0].aliases.push('Test Office');
      p.entities[1].summary = 'Changed by the maintainer.';
      p.entities.push({ ...goodPack().entities[0], id: 'new-body', name: 'New Test Body', aliases: [] });
    });
    const report = await installPack(db, v2, unsigned, () => 3000);
    expect(report).toEqual({ packId: 'test-pack', added: 1, updated: 1, removed: 0, keptUserEdits: 1 });
    expect((await db.entities.get('test-pack:test-body'))!.aliases).toContain('Test Office');
    const edited = (await db.entities.get('test-pack:test-programme'))!;
    expect(edited).toMatchObject({ userEdited: true, summary: 'A programme that exists only in tests.' });
    expect(edited.aliases).toContain('The Test Programme');
    const v3 = version((p) => { p.meta.version = '1.2.0'; p.entities = [p.entities[1]]; delete p.precision; });
    expect(await installPack(db, v3, unsigned, () => 4000)).toMatchObject({ removed: 2, keptUserEdits: 1 });
    expect(await db.entities.get('test-pack:test-body')).toBeUndefined();
    expect(await db.entities.get('test-pack:test-programme')).toBeDefined();
  });

  it('pins the first signing key: a copy signed by another key, or unsigned, is refused and the last good copy stays', async () => {
    const db = freshDb();
    await installPack(db, packText(), signedBy(KEY_A));
    const v2 = version((p) => { p.meta.version = '2.0.0'; p.entities[0].aliases.push('Test Office'); });
    await expect(installPack(db, v2, signedBy(KEY_B))).rejects.toThrow(
      'This copy of “Test pack” is signed by a different key (BBBBBBBB…) from the one pinned when you subscribed (AAAAAAAA…). It was refused; the last good copy is kept.');
    await expect(installPack(db, v2, unsigned)).rejects.toThrow(PackError);
    expect((await db.packs.get('test-pack'))!).toMatchObject({ publicKey: KEY_A, text: packText() });
    expect((await db.entities.get('test-pack:test-body'))!.aliases).not.toContain('Test Office');
    expect(await installPack(db, v2, signedBy(KEY_A))).toMatchObject({ updated: 1 });
  });

  it('refuses a pack that needs a newer Sound Familiar, and accepts it on one new enough', async () => {
    const db = freshDb();
    const text = version((p) => { p.meta.minAppVersion = '0.10.0'; });
    await expect(installPack(db, text, { ...unsigned, appVersion: '0.9.3' })).rejects.toThrow('“Test pack” 1.0.0 needs Sound Familiar 0.10.0 or later (this is 0.9.3)');
    expect(await db.entities.count()).toBe(0);
    expect(await installPack(db, text, { ...unsigned, appVersion: '0.10.0' })).toMatchObject({ added: 2 });
  });

  it('refuses a pack whose id is already installed from another address', async () => {
    const db = freshDb();
    await installPack(db, packText(), unsigned);
    await expect(installPack(db, packText(), { url: 'https://elsewhere.example/pack.json', signed: false }))
      .rejects.toThrow('A pack with the id "test-pack" is already installed from https://example.org/test-pack.json');
  });

  it('two packs with the same entity ids never overwrite each other', async () => {
    const db = freshDb();
    await installPack(db, packText(), unsigned);
    await installPack(db, version((p) => { p.meta.id = 'other-pack'; p.meta.title = 'Other'; }), { url: 'https://other.example/p.json', signed: false });
    expect((await db.entities.toArray()).map((e) => e.id).sort()).toEqual([
      'other-pack:test-body', 'other-pack:test-programme', 'test-pack:test-body', 'test-pack:test-programme',
    ]);
  });
});

describe('removePack', () => {
  it('removes the pack\'s untouched entities and its row, keeping the user\'s edits', async () => {
    const db = freshDb();
    await installPack(db, packText(), unsigned);
    await addAlias(db, 'test-pack:test-body', 'The Office For Tests');
    expect(await removePack(db, 'test-pack')).toEqual({ removed: 1, keptUserEdits: 1 });
    expect(await db.packs.get('test-pack')).toBeUndefined();
    expect((await db.entities.toArray()).map((e) => e.id)).toEqual(['test-pack:test-body']);
  });
});

describe('pack entities elsewhere', () => {
  it('reach the dictionary (privately, as the user\'s names do) with the pack\'s periods', async () => {
    const db = freshDb();
    await installPack(db, packText(), unsigned);
    const dict = await new DictionaryCache(db).get();
    expect(unpackEntities(dict.entities).map((e) => e.id)).toContain('test-pack:test-body');
    expect(dict.periods['test-pack:test-programme']).toEqual({ from: '2020', to: '2023-03-31' });
  });

  it('are not exported as the user\'s own; the user\'s edit of one is, and imports back as an edit, not new facts', async () => {
    const db = freshDb();
    await installPack(db, packText(), unsigned, () => Date.UTC(2026, 0, 1));
    expect(JSON.parse((await exportJson(db)).json).entities).toEqual([]);
    await addAlias(db, 'test-pack:test-body', 'The Office For Tests', () => Date.UTC(2026, 0, 2));
    const exported = JSON.parse((await exportJson(db)).json);
    expect(exported.entities.map((e: Json) => e.id)).toEqual(['test-pack:test-body']);
    // On a second machine subscribed to the same pack, the edit arrives as an edit of the pack's entity.
    const other = freshDb();
    await installPack(other, packText(), unsigned, () => Date.UTC(2026, 0, 1));
    exported.entities[0].summary = 'A file trying to rewrite the pack.';
    await applyImport(other, readImport(JSON.stringify(exported)));
    const merged = (await other.entities.get('test-pack:test-body'))!;
    expect(merged).toMatchObject({ origin: 'pack', packId: 'test-pack', summary: 'A body that exists only in tests.' });
  });
});
