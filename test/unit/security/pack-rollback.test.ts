// Security finding F2: an older copy of a pack, still validly signed by the pinned key, must not be
// accepted in place of a newer one (a replay by whoever serves or intercepts the pack's address),
// nor may a copy with the installed version number carry different contents.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { installPack, PackError } from '../../../src/background/packs/pack-store';
import { goodPack, packText, type Json } from '../../fixtures/packs/make-pack';
import { freshDbs } from '../helpers/fresh-db';

const freshDb = freshDbs('pack-rollback');

const signed = { url: 'https://example.org/p.json', signed: true, publicKey: `${'A'.repeat(43)}=` };
function copy(version: string, updated: string, change?: (p: Json) => void): string {
  const pack = goodPack();
  pack.meta.version = version;
  pack.meta.updated = updated;
  change?.(pack);
  return packText(pack);
}

describe('replayed pack copies (F2)', () => {
  it('refuses a signed copy whose version is older than the installed one, keeping the last good copy', async () => {
    const db = freshDb();
    const v2 = copy('2.0.0', '2026-12-05');
    await installPack(db, v2, signed);
    const v1 = copy('1.0.0', '2026-01-01');
    await expect(installPack(db, v1, signed)).rejects.toThrow(PackError);
    await expect(installPack(db, v1, signed)).rejects.toThrow(/version 1\.0\.0, older than the installed 2\.0\.0/);
    const row = (await db.packs.get('test-pack'))!;
    expect(row.meta.version).toBe('2.0.0');
    expect(row.text).toBe(v2);
  });

  it('refuses a copy with the installed version but different contents', async () => {
    const db = freshDb();
    const first = copy('1.0.0', '2026-12-01');
    await installPack(db, first, signed);
    const changed = copy('1.0.0', '2026-12-01', (p) => { p.entities[0].aliases.push('Test Digital Bureau'); });
    await expect(installPack(db, changed, signed)).rejects.toThrow(/installed version number \(1\.0\.0\) but different contents/);
    expect((await db.packs.get('test-pack'))!.text).toBe(first);
    expect(await db.entities.filter((e) => e.aliases.includes('Test Digital Bureau')).count()).toBe(0);
  });

  it('accepts the same copy again and a newer version', async () => {
    const db = freshDb();
    const first = copy('1.0.0', '2026-12-01');
    await installPack(db, first, signed);
    await expect(installPack(db, first, signed)).resolves.toMatchObject({ added: 0, updated: 0 });
    const next = copy('1.0.1', '2026-12-02', (p) => { p.entities[0].aliases.push('Test Digital Bureau'); });
    await expect(installPack(db, next, signed)).resolves.toMatchObject({ updated: 1 });
    expect((await db.packs.get('test-pack'))!.meta.version).toBe('1.0.1');
  });
});
