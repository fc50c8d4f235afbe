// An extension update or reload leaves Chromium's old content scripts running in open tabs, cut
// off from the extension. Their highlights and cards would only mislead (a card could no longer
// load), so the orphaned script takes everything down: when a call fails, or when the reader comes
// back to the tab. Firefox removes an extension's content scripts itself, so this is Chromium's.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { highlightCount, until, waitForHighlight } from './support/browsers';
import { launchChromium, type ChromiumHarness } from './support/chromium';
import { hover, type TestPage } from './support/harness';
import { Site } from './support/site';

declare const chrome: { runtime: { reload(): void } };

const STORY = 'https://www.gov.uk/government/news/sector-works-together-to-drive-local-digital-ambition';

describe('chromium: after the extension is reloaded', () => {
  const site = new Site().fixture(STORY, 'govuk-card.html');
  let h: ChromiumHarness;

  // A fresh browser for each case: after a reload the extension is a new instance.
  beforeEach(async () => {
    h = await launchChromium(site);
  });
  afterEach(async () => {
    await h?.close();
  });

  async function reloadExtension(): Promise<void> {
    const w = await h.worker();
    // The worker dies with the reload, so the evaluation may not get its answer.
    await w.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  }

  it('takes its highlights down when the reader comes back to the tab', async () => {
    const page: TestPage = await h.open(STORY);
    await waitForHighlight(page, 'Local Digital Alliance');
    expect(await highlightCount(page)).toBeGreaterThan(0);
    await reloadExtension();
    // The tab was in the background while the extension was updated; the reader returns to it.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await until(() => highlightCount(page), (n) => n === 0, 'the orphaned highlights to go', 10_000);
    expect(page.errors).toEqual([]);
  });

  it('takes its highlights down, and shows no card, when hovering needs the extension', async () => {
    const page: TestPage = await h.open(STORY);
    const box = await waitForHighlight(page, 'Local Digital Alliance');
    await reloadExtension();
    await hover(page, box);
    await until(() => highlightCount(page), (n) => n === 0, 'the orphaned highlights to go', 10_000);
    expect(await page.card()).toBeNull();
    expect(page.errors).toEqual([]);
  });
});
