// Keyboard access: the next/previous-mention commands walk the page's names and open each card
// focused; Tab reaches the card's controls; Escape closes it and gives focus back.
//
// What drives the command: headless browsers have no window-level shortcut handling, so pressing
// Alt+Shift+Period in a page never reaches the extension (checked by hand in both: nothing
// happens). Instead:
// - Chromium: `commands.onCommand` is dispatched in the service worker, so the background's own
//   listener runs (active-tab lookup, the `page/step` message, the content script's walk). Only the
//   key-to-command mapping is the browser's, and `commands.getAll()` shows it is registered.
// - Firefox: the parent process (over the Remote Debugging Protocol) calls what the shortcut's key
//   element calls, so `commands.onCommand` reaches the background's own listener here too.
//
// Each test has a fresh tab (no card, scroll or focus left by another test), so any one passes
// alone and in any order; after each, that tab must have raised no error.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS, sleep, waitForCard, waitForHighlight, waitForNoCard } from './support/browsers';
import type { Harness, TestPage } from './support/harness';
import { setEchoesOnSiteFromBackground, VIEWPORT } from './support/harness';
import { stepCommand } from './support/keyboard-command';
import { highlightBox } from './support/probes';
import { Site } from './support/site';

const PAGE = 'https://www.gov.uk/government/publications/digital-services-how-we-work';
const ORDER = ['Government Digital Service', 'Government Digital Service', 'Local Digital Fund'];
const TEXTS = ['Government Digital Service', 'GDS', 'Local Digital Fund'];

describe.each(BROWSERS)('%s: keyboard', (browserName, launch) => {
  const site = new Site().fixture(PAGE, 'govuk-keyboard.html');
  let h: Harness;
  let page: TestPage;

  /** Runs the next/previous-mention command through the background's own listener (support/keyboard-command.ts). */
  function command(direction: 1 | -1): Promise<void> {
    return stepCommand(h, page, direction);
  }

  beforeAll(async () => {
    h = await launch(site);
    // This suite walks the names; stepping through repeated promises too is in echoes.test.ts.
    await setEchoesOnSiteFromBackground(h, 'www.gov.uk', false);
  });
  beforeEach(async () => {
    page = await h.open(PAGE);
    for (const text of TEXTS) await waitForHighlight(page, text);
  });
  afterEach(async () => {
    try {
      expect(page.errors).toEqual([]);
      expect(page.console.filter((m) => /sound familiar/i.test(m))).toEqual([]);
    } finally {
      await page.close();
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('registers the two commands with their default shortcuts', async () => {
    const commands = await h.commands();
    expect(commands).toEqual(expect.arrayContaining([
      { name: 'next-mention', shortcut: 'Alt+Shift+Period' },
      { name: 'previous-mention', shortcut: 'Alt+Shift+Comma' },
    ]));
  });

  it('next-mention opens the first name\'s card with focus in it', async () => {
    await command(1);
    const card = await waitForCard(page, ORDER[0]!);
    expect(card.footer).toContain('Mention 1 of 3 on this page');
    expect(card.focused).toBe('dialog');
    expect(card.hostFocused).toBe(true);
    expect(await page.hasDialogNamed(ORDER[0]!)).toBe(true);
    await page.screenshot('keyboard-first');
  });

  it('walks forward and back through the names in document order, wrapping at the ends', async () => {
    const seen: string[] = [];
    for (const expected of ['Mention 1 of 3', 'Mention 2 of 3', 'Mention 3 of 3', 'Mention 1 of 3']) {
      await command(1);
      await expect.poll(async () => (await page.card())?.footer ?? '', { timeout: 10_000 }).toContain(expected);
      seen.push((await page.card())!.title);
    }
    expect(seen).toEqual([...ORDER, ORDER[0]]);
    // Back from the first wraps to the last.
    await command(-1);
    await expect.poll(async () => (await page.card())?.footer ?? '', { timeout: 10_000 }).toContain('Mention 3 of 3');
    await command(-1);
    await expect.poll(async () => (await page.card())?.footer ?? '', { timeout: 10_000 }).toContain('Mention 2 of 3');
  });

  it('scrolls a name below the fold into view', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await command(-1); // from no card, previous is the last name
    await waitForCard(page, 'Local Digital Fund');
    const box = (await page.evaluate(highlightBox, { text: 'Local Digital Fund' }))!;
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(VIEWPORT.height);
  });

  it('keeps a keyboard-opened card open when the pointer wanders', async () => {
    await command(1);
    await waitForCard(page, ORDER[0]!);
    await page.mouseMove(VIEWPORT.width - 30, 40);
    await page.mouseMove(VIEWPORT.width - 40, 60);
    await sleep(700);
    expect((await page.card())?.title).toBe(ORDER[0]);
  });

  it('Tab reaches Close, then the Prev and Next buttons; Enter on Next steps on', async () => {
    await command(1);
    await waitForCard(page, ORDER[0]!);
    const visited: string[] = [];
    for (let i = 0; i < 60 && visited[visited.length - 1] !== 'Next mention'; i++) {
      await page.press('Tab');
      const card = await page.card();
      expect(card, 'focus left the card or it closed').not.toBeNull();
      visited.push(card!.focused ?? '(nothing)');
    }
    expect(visited[0]).toBe('Close');
    expect(visited).toContain('Previous mention');
    expect(visited[visited.length - 1]).toBe('Next mention');
    expect(visited.indexOf('Previous mention')).toBe(visited.length - 2);
    // Every stop was inside the card.
    expect(visited).not.toContain('(nothing)');

    await page.press('Enter');
    await expect.poll(async () => (await page.card())?.footer ?? '', { timeout: 10_000 }).toContain('Mention 2 of 3');
    expect((await page.card())!.hostFocused).toBe(true);
  });

  it('Escape closes the card and returns focus to where it was', async () => {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.getElementById('subscribe')!.focus();
    });
    await command(1);
    const card = await waitForCard(page, ORDER[0]!);
    expect(card.hostFocused).toBe(true);
    await page.press('Escape');
    await waitForNoCard(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('subscribe');
  });
});
