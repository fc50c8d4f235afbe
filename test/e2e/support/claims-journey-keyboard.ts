// Keyboard-only journeys (issue 15, "Accessibility checked, not assumed"), written once for both
// browsers: recording a claim and finding it again on a card, and importing a file through the
// options page's preview to done. Only keys reach the extension's UI: Tab, Shift+Tab, Enter,
// Space, Escape, typing, and the extension's commands. Nothing is clicked, by pointer or script.
//
// One step is not the reader's keyboard: the text selection is made by script. A web page offers
// no keyboard way to select its text without the browser's caret browsing (F7), which headless
// browsers do not provide; the selection is the browser's, not the extension's, to make operable.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { until, waitForNoCard } from './browsers';
import { liveClaims, QUOTE, selectContents, waitForClaims } from './claims-common';
import { FOCUSED, tabUntil, type JourneyDriver } from './claims-journey-driver';
import { claimsSite, freshProfileEachTest, openJavid, recordJavidQuote, type Journey } from './claims-journey-setup';
import { readOptions, type OptionsView } from './claims-sync';
import type { CardSnapshot } from './probes';
import type { TestPage } from './harness';
import { repoRoot } from './paths';
import type { Site } from './site';

const NOTE = 'Typed without a mouse.';
const TAGS = 'keyboard, local digital';
const CLAIM_CARD = 'Sajid Javid, 21 Nov 2017';

/**
 * Steps with the next-mention command until the card titled `title` is open, or the walk has come
 * round to its first card again; returns the cards seen (title and footer) and the one found.
 */
async function stepUntil(d: JourneyDriver, page: TestPage, title: string, max = 12): Promise<{ seen: string[]; card: CardSnapshot | null }> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const before = await page.card();
    await d.stepCommand(page, 1);
    const card = (await until(() => page.card(), (c) => c !== null && (before === null || c.footer !== before.footer || c.title !== before.title), 'the next card'))!;
    const key = `${card.title} (${card.footer})`;
    if (seen.includes(key)) break;
    seen.push(key);
    if (card.title === title) return { seen, card };
  }
  return { seen, card: null };
}

function recordingByKeyboard(j: Journey): void {
  it('records a claim by keyboard alone: the record command, the editor by Tab, typing and Enter, saved; found again on the claimant\'s card by the next-mention command', async () => {
    const { d } = j;
    const page = await openJavid(j);
    await page.evaluate(selectContents, '#quote');
    await d.recordCommand(page);
    await d.editorReady(page);
    // Focus arrives in the editor, on its first field.
    expect(await d.focused(page)).toBe('claimant');
    expect(await d.tabTo(page, 'entity-search')).toEqual(['claimant', 'Remove Government Digital Service', 'entity-search']);

    // Another entity it concerns: type, Tab to the suggestion, Enter. Focus stays in the picker
    // (the suggestion it was on is gone), ready for another name.
    const chips = () => d.editor<string[]>(page, '[...document.querySelectorAll(".chips .chip")].map((c) => c.textContent)');
    const addAlliance = async () => {
      await d.type(page, 'Local Digital Alliance');
      await until(() => d.editor<string[]>(page, '[...document.querySelectorAll(".suggestions button")].map((b) => b.textContent)'), (s) => s.length > 0, 'suggestions');
      await page.press('Tab');
      expect(await d.focused(page)).toMatch(/^Local Digital Alliance/);
      await page.press('Enter');
      await until(chips, (c) => c.length === 2, 'the second chip');
      expect(await chips()).toEqual(['Government Digital Service×', 'Local Digital Alliance×']);
      expect(await d.focused(page)).toBe('entity-search');
    };
    await addAlliance();
    // Removing it again: Shift+Tab to its ×, Enter; focus goes back to the search field too.
    expect(await d.tabTo(page, 'Remove Local Digital Alliance', 3, 'Shift+Tab')).toEqual(['entity-search', 'Remove Local Digital Alliance']);
    await page.press('Enter');
    await until(chips, (c) => c.length === 1, 'the chip to go');
    expect(await d.focused(page)).toBe('entity-search');
    await addAlliance();

    expect(await d.tabTo(page, 'note')).toEqual(['entity-search', 'made-on', 'deadline', 'claim-type=promise', 'status', 'note']);
    await d.type(page, NOTE);
    await page.press('Tab');
    expect(await d.focused(page)).toBe('tags');
    await d.type(page, TAGS);
    expect(await d.tabTo(page, 'Save claim')).toEqual(['tags', 'Cancel', 'Save claim']);
    await page.press('Enter');
    await until(() => d.editorOpen(page), (open) => !open, 'the editor to close');
    await waitForClaims(page, [QUOTE]);
    // Focus is back in the page, not left in a frame that is gone.
    expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement === null)).toBe(true);

    const [claim, ...others] = await liveClaims(d);
    expect(others).toEqual([]);
    expect(claim).toMatchObject({ claimant: 'sajid-javid', entities: ['gds', 'local-digital-alliance'], note: NOTE, tags: ['keyboard', 'local digital'] });

    // Found again: the next-mention command walks the names to Sajid Javid's card, focused, with the claim on its timeline.
    const { seen, card } = await stepUntil(d, page, 'Sajid Javid');
    expect(card, `the cards seen: ${JSON.stringify(seen)}`).not.toBeNull();
    expect(card!.hostFocused).toBe(true);
    const mine = card!.events.filter((e) => e.text.includes('Your claim'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.text).toContain(`“${QUOTE}”`);
    expect(mine[0]!.text).toContain(`Note: ${NOTE}`);
    await page.press('Escape');
    await waitForNoCard(page);
  });

  // A claim's quote is a stop for next/previous-mention in document order, as the names are: its
  // card (with "Edit claim") opens focused from the keyboard, not only under a pointer. The quote
  // starts before the Government Digital Service it names, so the walk reaches the claim first.
  it('the next-mention command reaches a claim\'s own card, focused with its Edit claim, in document order among the names', async () => {
    const { d } = j;
    const page = await openJavid(j);
    await recordJavidQuote(j, page, QUOTE);
    const { seen, card } = await stepUntil(d, page, CLAIM_CARD);
    expect(card, `the cards seen: ${JSON.stringify(seen)}`).not.toBeNull();
    expect(card!.hostFocused).toBe(true);
    expect(card!.buttons).toContain('Edit claim');
    // Before it: Sajid Javid's name in the paragraph above; not the name inside the quote.
    expect(seen.some((s) => s.startsWith('Sajid Javid ('))).toBe(true);
    expect(seen.some((s) => s.startsWith('Government Digital Service'))).toBe(false);
    // Next: the name inside the quote; previous: the claim again.
    await d.stepCommand(page, 1);
    const inside = await until(() => page.card(), (c) => c !== null && c.title !== CLAIM_CARD, 'the next card');
    expect(inside!.title).toBe('Government Digital Service');
    await d.stepCommand(page, -1);
    const back = await until(() => page.card(), (c) => c !== null && c.title === CLAIM_CARD, 'the claim\'s card again');
    expect(back!.hostFocused).toBe(true);
    expect(back!.buttons).toContain('Edit claim');
    await page.press('Escape');
    await waitForNoCard(page);
  });
}

function importByKeyboard(j: Journey): void {
  it('imports a file by keyboard alone: Tab to the file input, Space, the preview (Cancel, and again), Tab to Import, Enter; done, and Undo reached the same way', async () => {
    const { d } = j;
    const options = await d.openTab('options.html');
    try {
      await options.bringToFront();
      const toFile = await tabUntil(options, /^file:/);
      expect(toFile[toFile.length - 1]).toBe('file:Choose a file or drop it here');
      const file = path.join(repoRoot, 'test/fixtures/sync/export-v1.json');
      const read = () => options.evaluate<OptionsView>(`(${readOptions.toString()})()`);
      await options.chooseFileWithSpace(file);
      await until(read, (v) => v.canImport || v.error !== null, 'the import preview');
      // Cancel by keyboard: the preview goes, and focus comes back to the file input, not the page's body.
      expect((await tabUntil(options, 'Cancel', 10)).slice(-1)).toEqual(['Cancel']);
      await options.press('Enter');
      await until(read, (v) => !v.canImport, 'the preview to go');
      // (Focus moves in an effect after the render: wait for it to settle anywhere but the body.)
      await until(() => options.evaluate<string>(FOCUSED), (f) => f !== 'Cancel' && f !== 'BODY', 'focus to move on from Cancel, not to the body');
      expect(await options.evaluate(FOCUSED)).toBe('file:Choose a file or drop it here');
      expect(await liveClaims(d)).toEqual([]);

      // Again, through to Import.
      await options.chooseFileWithSpace(file);
      const preview = await until(read, (v) => v.canImport || v.error !== null, 'the import preview');
      expect(preview).toMatchObject({ error: null, canImport: true, rows: { Claims: { new: 2 } } });
      // Focus stayed on the file input; the preview's buttons are next in Tab order, Cancel first.
      expect(await options.evaluate(FOCUSED)).toBe('file:Choose a file or drop it here');
      const toImport = await tabUntil(options, 'Import', 10);
      expect(toImport[toImport.length - 2]).toBe('Cancel');
      await options.press('Enter');
      const done = await until(read, (v) => v.imported !== null || v.error !== null, 'the import to finish');
      expect(done.imported).toMatch(/^Imported export-v1\.json\./);
      // Focus moves to what happened, not to the page's body (the Import button is gone).
      await until(() => options.evaluate<string>(FOCUSED), (f) => f !== 'Import' && f !== 'BODY', 'focus to move on from Import, not to the body');
      expect(await options.evaluate(FOCUSED)).toMatch(/^Imported export-v1\.json\./);
      expect((await liveClaims(d)).map((c) => c.id).sort()).toEqual(['0b9a6c2e-4f1d-4c3a-9e7b-000000000001', '0b9a6c2e-4f1d-4c3a-9e7b-000000000003']);

      // On by Tab to "Undo last import", and Enter.
      await tabUntil(options, 'Undo last import');
      await options.press('Enter');
      expect((await until(read, (v) => v.safetyStatus !== null, 'the undo message')).safetyStatus).toBe('Restored your data as it was before the last import.');
      expect(await liveClaims(d)).toEqual([]);
    } finally {
      await options.close();
    }
  });
}

export function defineKeyboardJourneys(browserName: string, launch: (site: Site) => Promise<JourneyDriver>): void {
  describe(`${browserName}: keyboard-only journeys`, () => {
    const j = freshProfileEachTest(claimsSite(), launch);
    recordingByKeyboard(j);
    importByKeyboard(j);
  });
}
