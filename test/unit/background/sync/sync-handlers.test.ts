// The sync handlers end to end on fake-indexeddb: export, preview, apply, undo, conflicts and
// resolution, between two simulated installations; and every hostile file refused on the way
// in with the database untouched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportError } from '../../../../src/shared/sync/read-import';
import { dropDbs, dump } from '../../../fixtures/sync/db';
import { HOSTILE_FILES } from '../../../fixtures/sync/hostile';
import { makeEntity } from '../../../fixtures/sync/records';
import { ARTICLE, PROMISE } from '../../shared/anchoring/article';
import type { Claim, ClaimFields } from '../../../../src/shared/claims/claim';
import { device, PAGE, TAB } from './device';

const FIELDS_OF = ({ claimant, entities, madeOn, claimType, status, deadline, note, tags }: Claim): ClaimFields => ({ claimant, entities, madeOn, claimType, status, deadline, note, tags });

afterEach(async () => {
  vi.restoreAllMocks();
  await dropDbs();
});

const SOURCE = 'https://www.gov.uk/government/news/roadmap';
const SECOND = 'The roadmap commits departments to hiring at least 500 new digital specialists by 2025';

describe('hostile files through sync/preview', () => {
  it('refuses every file in the corpus with its message and leaves the database exactly as it was', async () => {
    const laptop = device('hostile');
    await laptop.record(ARTICLE, PROMISE, SOURCE, { note: 'mine' });
    await laptop.db.entities.put(makeEntity('jeremy-quin'));
    const before = await dump(laptop.db);
    for (const file of HOSTILE_FILES) {
      const error = await Promise.resolve()
        .then(() => laptop.sync['sync/preview']({ text: file.make() }, PAGE))
        .then(() => null, (e: unknown) => e);
      expect(error, file.name).toBeInstanceOf(ImportError);
      if (typeof file.message === 'string') expect((error as Error).message, file.name).toBe(file.message);
      else expect((error as Error).message, file.name).toMatch(file.message);
      expect(await dump(laptop.db), file.name).toEqual(before);
    }
    // Nothing was kept to apply.
    await expect(laptop.sync['sync/apply']({ token: crypto.randomUUID() }, PAGE)).rejects.toThrow('This preview has expired: choose the file again.');
    expect(await dump(laptop.db)).toEqual(before);
    expect(laptop.refreshes).toEqual([false]); // only the claim recorded above
  }, 60_000);
});

describe('export, preview and apply between two installations', () => {
  it('copies claims and user entities exactly; preview writes nothing; importing again changes nothing', async () => {
    const laptop = device('laptop');
    const desktop = device('desktop');
    const a = await laptop.record(ARTICLE, PROMISE, SOURCE, { note: 'Said at the launch.', tags: ['sso'] });
    const b = await laptop.record(ARTICLE, SECOND, SOURCE);
    await laptop.claims['claim/delete']({ id: b.id }, PAGE);
    await laptop.db.entities.put(makeEntity('jeremy-quin'));

    const { json } = await laptop.sync['sync/export']({}, PAGE);
    const desktopBefore = await dump(desktop.db);
    const { token, summary } = await desktop.sync['sync/preview']({ text: json }, PAGE);
    expect(summary).toEqual({
      kind: 'sound-familiar',
      claims: { new: 1, updated: 0, deleted: 0, unchanged: 1, conflict: 0 },
      entities: { new: 1, updated: 0, deleted: 0, unchanged: 0, conflict: 0 },
      changes: { claims: [{ id: a.id, outcome: 'new', label: PROMISE }], entities: [{ id: 'jeremy-quin', outcome: 'new', label: 'Jeremy Quin' }] },
    });
    expect(await dump(desktop.db)).toEqual(desktopBefore);

    expect(await desktop.sync['sync/apply']({ token }, PAGE)).toEqual(summary);
    expect(desktop.refreshes).toEqual([true]);
    expect(desktop.invalidations()).toBe(1);
    expect(await desktop.db.claims.get(a.id)).toEqual(a);
    expect(await desktop.db.claims.get(b.id)).toEqual(await laptop.db.claims.get(b.id));
    expect(await desktop.db.entities.get('jeremy-quin')).toEqual(await laptop.db.entities.get('jeremy-quin'));
    expect((await desktop.claims['claims/for-page']({ url: SOURCE }, { ...TAB, url: SOURCE })).claims).toEqual([a]);

    await expect(desktop.sync['sync/apply']({ token }, PAGE)).rejects.toThrow('This preview has expired');
    const settled = await dump(desktop.db, { without: ['backups'] });
    const again = await laptop.sendTo(desktop);
    expect(again.applied.claims).toEqual({ new: 0, updated: 0, deleted: 0, unchanged: 2, conflict: 0 });
    expect(await dump(desktop.db, { without: ['backups'] })).toEqual(settled);
  });

  it('forgets a preview after ten minutes', async () => {
    const laptop = device('laptop');
    const desktop = device('desktop');
    await laptop.record(ARTICLE, PROMISE, SOURCE);
    const { json } = await laptop.sync['sync/export']({}, PAGE);
    const t = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(t);
    const { token } = await desktop.sync['sync/preview']({ text: json }, PAGE);
    clock.mockReturnValue(t + 10 * 60 * 1000 + 1);
    await expect(desktop.sync['sync/apply']({ token }, PAGE)).rejects.toThrow('This preview has expired: choose the file again.');
    expect(await desktop.db.claims.count()).toBe(0);
  });

  it('deletions travel, and an old file does not bring the claim back', async () => {
    const laptop = device('laptop');
    const desktop = device('desktop');
    const a = await laptop.record(ARTICLE, PROMISE, SOURCE);
    const { json: beforeDeletion } = await laptop.sync['sync/export']({}, PAGE);
    await laptop.sendTo(desktop);
    await desktop.claims['claim/delete']({ id: a.id }, PAGE);
    const back = await desktop.sendTo(laptop);
    expect(back.applied.claims.deleted).toBe(1);
    expect((await laptop.claims['claims/list']({}, PAGE))).toEqual([]);
    // The laptop's own export from before the deletion, imported again on either side.
    for (const side of [laptop, desktop]) {
      const { token, summary } = await side.sync['sync/preview']({ text: beforeDeletion }, PAGE);
      expect(summary.claims).toEqual({ new: 0, updated: 0, deleted: 0, unchanged: 1, conflict: 0 });
      await side.sync['sync/apply']({ token }, PAGE);
      expect(await side.claims['claims/list']({}, PAGE)).toEqual([]);
      expect((await side.db.claims.get(a.id))!.deleted).toBeDefined();
    }
  });

  it('concurrent edits become a visible conflict; resolving it on one side clears it on both', async () => {
    const laptop = device('laptop');
    const desktop = device('desktop');
    const a = await laptop.record(ARTICLE, PROMISE, SOURCE, { note: 'original' });
    await laptop.sendTo(desktop);
    const edit = async (d: typeof laptop, note: string) => {
      const { draftId } = await d.claims['claim/edit']({ id: a.id }, PAGE);
      return d.claims['draft/save']({ id: draftId, fields: { ...(await d.db.claims.get(a.id))!, note } }, PAGE);
    };
    const onLaptop = await edit(laptop, 'laptop says delivered');
    await new Promise((r) => setTimeout(r, 5));
    const onDesktop = await edit(desktop, 'desktop says dropped');
    expect(onDesktop.modified).toBeGreaterThan(onLaptop.modified);

    const { applied } = await desktop.sendTo(laptop);
    expect(applied.claims.conflict).toBe(1);
    const conflicts = await laptop.sync['sync/conflicts']({}, PAGE);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'claim', id: a.id, title: PROMISE });
    expect(conflicts[0]!.versions.map((v) => v.rev)).toEqual([onDesktop.rev, onLaptop.rev]);
    expect(conflicts[0]!.versions[1]!.summary).toContain('note: laptop says delivered');
    expect((await laptop.db.claims.get(a.id))!.note).toBe('desktop says dropped');

    // The laptop's user keeps their own version.
    await laptop.sync['sync/resolve']({ kind: 'claim', id: a.id, rev: onLaptop.rev }, PAGE);
    expect(await laptop.sync['sync/conflicts']({}, PAGE)).toEqual([]);
    const resolved = (await laptop.db.claims.get(a.id))!;
    expect(resolved.note).toBe('laptop says delivered');
    expect(resolved.revs).toEqual(expect.arrayContaining([onLaptop.rev, onDesktop.rev]));

    // The desktop never saw the conflict (its version won there); the resolution replaces it.
    const toDesktop = await laptop.sendTo(desktop);
    expect(toDesktop.applied.claims.updated).toBe(1);
    expect((await desktop.db.claims.get(a.id))!.note).toBe('laptop says delivered');
    expect(await desktop.sync['sync/conflicts']({}, PAGE)).toEqual([]);
    // And sending either side's old versions again changes nothing.
    const settled = await dump(desktop.db, { without: ['backups'] });
    expect((await laptop.sendTo(desktop)).applied.claims.unchanged).toBe(1);
    expect(await dump(desktop.db, { without: ['backups'] })).toEqual(settled);
  });

  it('a claim deleted on both sides shows no conflict, and an old export of an edit does not bring it back', async () => {
    const laptop = device('laptop');
    const desktop = device('desktop');
    const a = await laptop.record(ARTICLE, PROMISE, SOURCE, { note: 'original' });
    await laptop.sendTo(desktop);
    const { draftId } = await desktop.claims['claim/edit']({ id: a.id }, PAGE);
    await desktop.claims['draft/save']({ id: draftId, fields: { ...FIELDS_OF(a), note: 'edited on the desktop' } }, PAGE);
    const { json: oldDesktopFile } = await desktop.sync['sync/export']({}, PAGE);
    await desktop.claims['claim/delete']({ id: a.id }, PAGE);
    await new Promise((r) => setTimeout(r, 5));
    await laptop.claims['claim/delete']({ id: a.id }, PAGE);

    const { applied } = await desktop.sendTo(laptop);
    expect(applied.claims.conflict).toBe(0);
    expect(await laptop.sync['sync/conflicts']({}, PAGE)).toEqual([]);
    const { token, summary } = await laptop.sync['sync/preview']({ text: oldDesktopFile }, PAGE);
    expect(summary.claims).toEqual({ new: 0, updated: 0, deleted: 0, unchanged: 1, conflict: 0 });
    await laptop.sync['sync/apply']({ token }, PAGE);
    expect(await laptop.sync['sync/conflicts']({}, PAGE)).toEqual([]);
    expect(await laptop.claims['claims/list']({}, PAGE)).toEqual([]);
  });

  it('resolving an unknown version fails and changes nothing', async () => {
    const laptop = device('laptop');
    const a = await laptop.record(ARTICLE, PROMISE, SOURCE);
    const before = await dump(laptop.db);
    await expect(laptop.sync['sync/resolve']({ kind: 'claim', id: a.id, rev: '9-0000000000000000' }, PAGE)).rejects.toThrow('that version is no longer there');
    await expect(laptop.sync['sync/resolve']({ kind: 'claim', id: crypto.randomUUID(), rev: a.rev }, PAGE)).rejects.toThrow('no such record');
    expect(await dump(laptop.db)).toEqual(before);
  });
});

describe('undo last import', () => {
  it('puts back exactly what the import changed and reports whether there was anything to undo', async () => {
    const laptop = device('laptop');
    const desktop = device('desktop');
    await desktop.record(ARTICLE, SECOND, SOURCE, { note: 'desktop only' });
    await laptop.record(ARTICLE, PROMISE, SOURCE);
    expect(await desktop.sync['sync/backup']({}, PAGE)).toBeNull();
    expect(await desktop.sync['sync/undo']({}, PAGE)).toBe(false);
    const before = await dump(desktop.db, { without: ['backups'] });
    await laptop.sendTo(desktop);
    const backup = await desktop.sync['sync/backup']({}, PAGE);
    expect(backup).toMatchObject({ reason: 'import of 1 claim and 0 entities' });
    expect(backup!.created).toBeGreaterThan(0);
    expect(await desktop.db.claims.count()).toBe(2);
    expect(await desktop.sync['sync/undo']({}, PAGE)).toBe(true);
    expect(await dump(desktop.db, { without: ['backups'] })).toEqual(before);
    expect(await desktop.sync['sync/backup']({}, PAGE)).toBeNull();
    expect(desktop.refreshes.at(-1)).toBe(true);
  });

  it('keeps claims recorded after the import', async () => {
    const laptop = device('laptop');
    const desktop = device('desktop');
    await laptop.record(ARTICLE, PROMISE, SOURCE);
    await laptop.sendTo(desktop);
    const later = await desktop.record(ARTICLE, SECOND, SOURCE, { note: 'recorded after the import' });
    await desktop.sync['sync/undo']({}, PAGE);
    expect(await desktop.db.claims.get(later.id)).toEqual(later);
  });
});

describe('CSV export', () => {
  it('lists live claims with entity names', async () => {
    const laptop = device('laptop');
    await laptop.db.entities.put(makeEntity('jeremy-quin'));
    await laptop.record(ARTICLE, PROMISE, SOURCE, { note: '=1+1' });
    const gone = await laptop.record(ARTICLE, SECOND, SOURCE);
    await laptop.claims['claim/delete']({ id: gone.id }, PAGE);
    const { fileName, csv } = await laptop.sync['sync/export-csv']({}, PAGE);
    expect(fileName).toMatch(/^sound-familiar-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',Jeremy Quin,');
    expect(lines[1]).toContain(",'=1+1,");
    expect(csv).not.toContain(SECOND);
  });
});
