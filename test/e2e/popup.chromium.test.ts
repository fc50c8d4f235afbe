// The toolbar popup, in Chromium: what it lists for the page, going to a name from it, and the
// per-site switch. The popup is opened as popup.html in a background tab of the page's window, so
// the page stays the active tab it reads (just as when it drops down from the toolbar); a headless
// browser has no toolbar to click. Firefox is not covered here: WebDriver BiDi refuses to drive
// moz-extension:// pages.

import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageMentions, sleep, until, waitForCard, waitForHighlight } from './support/browsers';
import { launchChromium, type ChromiumHarness } from './support/chromium';
import type { TestPage } from './support/harness';
import { highlights, VIEWPORT } from './support/harness';
import { highlightBox, type HighlightTexts } from './support/probes';
import { resultsPath } from './support/paths';
import { Site } from './support/site';

declare const chrome: any;

const PAGE = 'https://www.gov.uk/government/news/councils-and-the-centre';
const OTHER_SITE = 'https://www.bbc.co.uk/news/uk-politics-43000001';
const NOT_OURS = 'https://www.example.com/news/councils-and-the-centre';

const EXPECTED: HighlightTexts = {
  initiative: [],
  body: ['LGA', 'LGA', 'Local Government Association', 'Socitm'],
  person: ['Michael Gove', 'Mr Gove'],
};

describe('chromium: popup', () => {
  const site = new Site()
    .fixture(PAGE, 'govuk-popup.html')
    .fixture(OTHER_SITE, 'govuk-popup.html')
    .fixture(NOT_OURS, 'govuk-popup.html');
  let h: ChromiumHarness;
  let page: TestPage;

  // A fresh profile for each test: the site switch is stored in the profile, so no test starts
  // with it as another left it (or with a card another opened); the page's errors are checked
  // after each test.
  beforeEach(async () => {
    h = await launchChromium(site);
    page = await h.open(PAGE);
    await until(async () => (await highlights(page)).texts, (t) => JSON.stringify(t) === JSON.stringify(EXPECTED), 'the page\'s highlights', 15_000);
  });
  afterEach(async () => {
    try {
      expect(page.errors).toEqual([]);
      expect(page.console.filter((m) => /sound familiar/i.test(m))).toEqual([]);
    } finally {
      await h?.close();
    }
  });

  /** The popup's list as [name, kind, count] rows, and its heading. */
  async function listed(popup: Page) {
    const section = popup.getByRole('region', { name: 'Names on this page' });
    const rows = await section.getByRole('listitem').evaluateAll((items) => items.map((li) => [
      li.querySelector('.name')?.textContent ?? '',
      li.querySelector('.kind')?.textContent ?? '',
      li.querySelector('[aria-label$="mentions"]')?.getAttribute('aria-label') ?? '',
    ]));
    return { heading: await section.getByRole('heading').textContent(), rows };
  }

  it('lists the page\'s names with kind and count, most mentioned first', async () => {
    const popup = await h.openPopupFor(page);
    try {
      await popup.setViewportSize({ width: 360, height: 420 });
      const toggle = popup.getByRole('switch', { name: 'Sound Familiar on www.gov.uk' });
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
      expect(await listed(popup)).toEqual({
        heading: 'On this page · 6 mentions',
        rows: [
          ['Local Government Association', 'Body', '3 mentions'],
          ['Michael Gove', 'Person', '2 mentions'],
          ['Socitm', 'Body', '1 mentions'],
        ],
      });
      await popup.screenshot({ path: resultsPath('chromium-popup-list.png') });
    } finally {
      if (!popup.isClosed()) await popup.close();
    }
  });

  it('clicking a name scrolls to its first mention and opens its card', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.card()).toBeNull();
    const popup = await h.openPopupFor(page);
    await popup.getByRole('button', { name: /Michael Gove/ }).click();
    const card = await waitForCard(page, 'Michael Gove');
    expect(card.footer).toContain('Mention 4 of 6');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    const box = (await page.evaluate(highlightBox, { text: 'Michael Gove' }))!;
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(VIEWPORT.height);
    // The popup closes itself once it has sent the page there.
    await until(async () => popup.isClosed(), (closed) => closed, 'the popup to close');
    await page.screenshot('popup-reveal');
    await page.press('Escape');
  });

  it('switches a site off (remembered across reloads, other sites unaffected) and back on', async () => {
    const other = await h.open(OTHER_SITE);
    await waitForHighlight(other, 'Michael Gove');

    let popup = await h.openPopupFor(page);
    const toggle = () => popup.getByRole('switch', { name: 'Sound Familiar on www.gov.uk' });
    await expect.poll(() => toggle().getAttribute('aria-checked')).toBe('true');
    await toggle().click();

    // Off: every highlight of ours leaves the page, and the popup says so.
    await until(() => highlights(page), (s) => s.total === 0 && !s.registered.some((n) => n.startsWith('sound-familiar-')), 'highlights to be removed');
    await expect.poll(() => toggle().getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => popup.getByRole('region', { name: 'Names on this page' }).count()).toBe(0);
    await popup.screenshot({ path: resultsPath('chromium-popup-off.png') });
    await popup.close();
    expect(await pageMentions(h, page)).toMatchObject({ enabled: false, mentions: [] });

    // Another site keeps its highlights.
    expect((await highlights(other)).texts).toEqual(EXPECTED);

    // Still off after a reload: the content script answers (so it did run) but paints nothing.
    await page.reload();
    await until(() => h.callTab(page, 'page/mentions', {}), (r) => r.ok, 'the reloaded page\'s content script');
    expect(await pageMentions(h, page)).toMatchObject({ enabled: false, mentions: [] });
    await sleep(800);
    expect((await highlights(page)).total).toBe(0);

    // Back on, from a fresh popup: highlights return without a reload.
    popup = await h.openPopupFor(page);
    await expect.poll(() => toggle().getAttribute('aria-checked')).toBe('false');
    await toggle().click();
    await until(async () => (await highlights(page)).texts, (t) => JSON.stringify(t) === JSON.stringify(EXPECTED), 'highlights to return', 15_000);
    await expect.poll(() => toggle().getAttribute('aria-checked')).toBe('true');
    expect((await listed(popup)).rows).toHaveLength(3);
    await popup.close();
    await other.close();
  });

  it('says so on a site it does not run on', async () => {
    const elsewhere = await h.open(NOT_OURS);
    try {
      const popup = await h.openPopupFor(elsewhere);
      await expect.poll(() => popup.getByText('Sound Familiar doesn’t run on this page').count()).toBe(1);
      expect(await popup.getByRole('switch').count()).toBe(0);
      expect((await highlights(elsewhere)).total).toBe(0);
      await popup.close();
    } finally {
      await elsewhere.close();
    }
  });

  // Regression test: the content script used to answer `page/mentions` as soon as it was injected,
  // with `enabled: false` until it had read the site switch and no mentions until its scan session
  // existed, so a popup opened in the first moments of a page said "Off" or "No names on this
  // page" (fixed in 1d3bf53). The other tests rely on this answer meaning "first scan done".
  it('answers the popup truthfully even in the first moments after a page loads', async () => {
    const firstAnswers: unknown[] = [];
    for (let trial = 0; trial < 3; trial++) {
      const tab = await h.context.newPage(); // about:blank: no content script until it navigates
      await tab.bringToFront();
      const worker = await h.worker();
      const first = worker.evaluate(async () => {
        const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
          try {
            const reply = await chrome.tabs.sendMessage(active.id, { call: 'page/mentions', payload: {} }, { frameId: 0 });
            if (reply?.ok) return reply.value;
          } catch {
            // No content script yet.
          }
          await new Promise((r) => setTimeout(r, 5));
        }
        return 'no answer';
      });
      await tab.goto(PAGE);
      firstAnswers.push(await first);
      await tab.close();
    }
    for (const answer of firstAnswers) {
      expect(answer).toMatchObject({ enabled: true, host: 'www.gov.uk' });
      expect((answer as { mentions: unknown[] }).mentions).toHaveLength(3);
    }
  });

  it('first install opened the welcome page (the harness closed it)', () => {
    expect(h.welcomeOpened).toBe(true);
  });
});
