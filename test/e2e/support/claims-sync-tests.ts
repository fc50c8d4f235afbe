// The "Sync by export file" journeys, written once and run by sync.chromium.test.ts and
// sync.firefox.test.ts: two separate browser profiles (two launches, two databases) passing files
// through the options page, as two machines or two colleagues would.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sleep, until } from './browsers';
import { claimTexts, liveClaims, QUOTE, recordClaim, selectContents, waitForClaims, waitForSession } from './claims-common';
import type { OptionsView, SyncProfile } from './claims-sync';
import type { TestPage } from './harness';
import { Site } from './site';

export const SYNC_PAGE = 'https://www.gov.uk/government/news/javid-calls-for-a-new-vision-for-local-government-digital';
const AFTER = 'Councils will be invited to help write it over the coming months, with a first draft expected next summer.';
const NONE = { new: 0, updated: 0, deleted: 0, conflict: 0, unchanged: 0 };

interface ExportFile {
  format: string;
  version: number;
  claims: { id: string; target?: { source: string; selector: [{ exact: string }] }; soundFamiliar: { deleted?: string; claimant?: string | null } }[];
  entities: unknown[];
}

export function defineSyncTests(
  browserName: string,
  launch: (site: Site) => Promise<SyncProfile>,
  hooks: { screenshot?(profile: SyncProfile, name: string, page: TestPage): Promise<void> } = {},
): void {
  describe(`${browserName}: sync by export file`, () => {
    const site = new Site().fixture(SYNC_PAGE, 'claims-javid.html');
    let a: SyncProfile;
    let b: SyncProfile;
    let pageA: TestPage;
    let pageB: TestPage;

    // Two fresh profiles for each test: no test reads a file or a claim another left. Each page's
    // errors are checked after its test.
    beforeEach(async () => {
      [a, b] = await Promise.all([launch(site), launch(site)]);
      [pageA, pageB] = await Promise.all([a.h.open(SYNC_PAGE), b.h.open(SYNC_PAGE)]);
      await Promise.all([waitForSession(pageA), waitForSession(pageB)]);
    });
    afterEach(async () => {
      try {
        expect(pageA.errors).toEqual([]);
        expect(pageB.errors).toEqual([]);
      } finally {
        await Promise.all([a?.close(), b?.close()]);
      }
    });

    /**
     * Reloads and waits for the session; then a moment more, because the page's claims are fetched
     * alongside the first scan and "none" has no signal of its own (checks for a claim wait for it).
     */
    const reloaded = async (page: TestPage) => {
      await page.reload();
      await waitForSession(page);
      await sleep(500);
    };

    it('carries a claim from one profile to another, and its deletion back; importing a file twice changes nothing', async () => {
      // Profile A records a claim and exports.
      await recordClaim(a, pageA, () => pageA.evaluate(selectContents, '#quote'));
      await waitForClaims(pageA, [QUOTE]);
      const [recorded] = await liveClaims(a);
      const fromA = await a.exportFile();
      expect(fromA.name).toMatch(/^sound-familiar-\d{4}-\d{2}-\d{2}\.json$/);
      const fileA = JSON.parse(fromA.text) as ExportFile;
      expect(fileA).toMatchObject({ format: 'sound-familiar', version: 1 });
      expect(fileA.claims).toHaveLength(1);
      expect(fileA.claims[0]!.id).toBe(`urn:uuid:${recorded!.id}`);
      expect(fileA.claims[0]!.target!.selector[0].exact).toBe(QUOTE);
      expect(fileA.claims[0]!.soundFamiliar.claimant).toBe('sajid-javid');
      expect((await a.options()).exportStatus).toBe(`Saved ${fromA.name}: 1 claim (deletions included) and 0 entities you added or edited.`);

      // Profile B, a fresh install, has nothing; the preview says what the file would change.
      expect(await claimTexts(pageB)).toEqual([]);
      expect(await liveClaims(b)).toEqual([]);
      const preview = await b.chooseImport(fromA);
      expect(preview).toMatchObject<Partial<OptionsView>>({ error: null, canImport: true, rows: { Claims: { ...NONE, new: 1 } } });
      expect(await liveClaims(b)).toEqual([]); // a preview writes nothing
      const done = await b.confirmImport();
      expect(done.imported).toMatch(new RegExp(`^Imported ${fromA.name.replace(/\./g, '\\.')}\\.`));
      expect(done.rows).toEqual({ Claims: { ...NONE, new: 1 } });
      await hooks.screenshot?.(b, 'sync-imported', pageB);
      // The claim shows on its page in B: at once (open tabs are told), and after a reload.
      await waitForClaims(pageB, [QUOTE]);
      await reloaded(pageB);
      await waitForClaims(pageB, [QUOTE]);
      const inB = await liveClaims(b);
      expect(inB.map((c) => [c.id, c.claimant, c.madeOn, c.target.source])).toEqual([[recorded!.id, 'sajid-javid', '2017-11-21', SYNC_PAGE]]);

      // B deletes it from its claims list and exports: the deletion travels as a tombstone without its words.
      await b.deleteFromList(QUOTE);
      expect(await liveClaims(b)).toEqual([]);
      await reloaded(pageB);
      expect(await claimTexts(pageB)).toEqual([]);
      const fromB = await b.exportFile();
      const fileB = JSON.parse(fromB.text) as ExportFile;
      expect(fileB.claims).toHaveLength(1);
      expect(fileB.claims[0]).toMatchObject({ id: `urn:uuid:${recorded!.id}`, soundFamiliar: { deleted: expect.stringMatching(/^\d{4}-/) } });
      expect(fileB.claims[0]!.target).toBeUndefined();
      expect(fromB.text).not.toContain('call to arms');

      // A imports B's file: the claim is gone in A too.
      expect((await a.chooseImport(fromB)).rows).toEqual({ Claims: { ...NONE, deleted: 1 } });
      await a.confirmImport();
      await until(() => claimTexts(pageA), (t) => t.length === 0, 'the claim highlight to leave A');
      await reloaded(pageA);
      expect(await claimTexts(pageA)).toEqual([]);
      expect(await liveClaims(a)).toEqual([]);
      expect(await a.claimsList()).toMatchObject({ empty: true, quotes: [] });

      // The same file again: nothing new, nothing updated, nothing changes.
      const again = await a.chooseImport(fromB);
      expect(again.rows).toEqual({ Claims: { ...NONE, unchanged: 1 } });
      await a.confirmImport();
      expect(await liveClaims(a)).toEqual([]);
      // And A's own older file cannot bring the deleted claim back.
      const older = await a.chooseImport(fromA);
      expect(older.rows.Claims).toMatchObject({ new: 0, updated: 0 });
      await a.confirmImport();
      expect(await liveClaims(a)).toEqual([]);
      await reloaded(pageA);
      expect(await claimTexts(pageA)).toEqual([]);
    });

    it('rejects a bad file, naming the claim and the field, and changes nothing; "Undo last import" puts back the state before the last import', async () => {
      // Setup: A recorded a claim, exported it, and deleted it (A keeps its tombstone; the file
      // still holds it live). B records another claim and exports.
      await recordClaim(a, pageA, () => pageA.evaluate(selectContents, '#quote'));
      await waitForClaims(pageA, [QUOTE]);
      const fromA = await a.exportFile();
      await a.deleteFromList(QUOTE);
      await reloaded(pageA);
      expect(await claimTexts(pageA)).toEqual([]);
      await recordClaim(b, pageB, () => pageB.evaluate(selectContents, '#after'));
      await waitForClaims(pageB, [AFTER]);
      const good = await b.exportFile();
      const file = JSON.parse(good.text) as ExportFile;
      const at = file.claims.findIndex((c) => c.target?.selector[0].exact === AFTER);
      expect(at).toBeGreaterThanOrEqual(0);

      // The same file with a javascript: address as the claim's page.
      file.claims[at]!.target!.source = 'javascript:alert(document.domain)';
      const bad = { name: 'tampered.json', text: JSON.stringify(file) };
      const before = await liveClaims(a);
      const backupBefore = await a.call('sync/backup', {});
      const refused = await a.chooseImport(bad);
      expect(refused.canImport).toBe(false);
      expect(refused.error).toContain('tampered.json was not imported.');
      expect(refused.error).toContain(`claim ${at + 1}.target.source`);
      expect(refused.error).toContain('Nothing was changed.');
      expect(await liveClaims(a)).toEqual(before);
      expect(await a.call('sync/backup', {})).toEqual(backupBefore); // not even a backup was taken
      await hooks.screenshot?.(a, 'sync-rejected', pageA);

      // The good file imports (one new claim, shown on A's page)…
      expect((await a.chooseImport(good)).rows.Claims).toMatchObject({ new: 1, updated: 0 });
      await a.confirmImport();
      await waitForClaims(pageA, [AFTER]);
      expect((await liveClaims(a)).map((c) => c.target.selector[0].exact)).toEqual([AFTER]);
      // The Safety net asks for the new backup after the import shows as done: wait for its Undo
      // (it once read the backup an earlier test's import had left).
      expect((await until(() => a.options(), (v) => v.canUndo, 'Undo last import to be offered')).canUndo).toBe(true);

      // …and "Undo last import" takes A back to just before it.
      const undone = await a.undoLastImport();
      expect(undone.safetyStatus).toBe('Restored your data as it was before the last import.');
      expect(await liveClaims(a)).toEqual([]);
      await until(() => claimTexts(pageA), (t) => t.length === 0, 'the undone claim to leave the page');
      await reloaded(pageA);
      expect(await claimTexts(pageA)).toEqual([]);
      // Undo restored the state, tombstone included: the older file still cannot resurrect the first claim.
      expect((await a.chooseImport(fromA)).rows.Claims).toMatchObject({ new: 0 });
    });
  });
}
