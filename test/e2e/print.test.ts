// Printing puts every highlight on paper. Only the highlights around the viewport are registered
// while reading (highlighter.ts: a window, for the browser's rendering cost), so a page printed
// from its top once printed only the names near the top. The browser lays the print out when
// 'beforeprint' returns: by then every name found is registered, and after 'afterprint' the window
// is back. The print is a real one (the driver's PDF print, which fires both events); what is
// registered at that moment is read by a page listener that runs after ours.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, pageMentions, until } from './support/browsers';
import type { ChromiumHarness } from './support/chromium';
import type { FirefoxHarness } from './support/firefox';
import type { Harness } from './support/harness';
import { Site } from './support/site';

const PAGE = 'https://www.gov.uk/government/news/a-long-list-of-the-same-body';
const COUNT = 600;
const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long list - GOV.UK</title></head><body><main>${
  Array.from({ length: COUNT }, (_, i) => `<p>Item ${i + 1}: the Government Digital Service reviewed it.</p>`).join('')}</main></body></html>`;

/** Our public highlights' ranges in the page's registry, as any page script can count them. */
function registeredRanges(): number {
  let n = 0;
  for (const [name, highlight] of CSS.highlights) if (name.startsWith('sound-familiar-')) n += highlight.size;
  return n;
}

describe.each(BROWSERS)('%s: printing', (browserName, launch) => {
  const site = new Site().html(PAGE, html);
  let h: Harness;

  beforeAll(async () => {
    h = await launch(site);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('registers every name found when the page is printed, and only the window again after', async () => {
    const page = await h.open(PAGE);
    try {
      const { mentions } = await pageMentions(h, page);
      expect(mentions.find((m) => m.name === 'Government Digital Service')?.count).toBe(COUNT);
      // The window: the names on screen and 150 past them (highlighter.ts MARGIN), once its batch landed.
      const inWindow = (n: number) => n >= 150 && n < COUNT;
      await until(() => page.evaluate(registeredRanges), inWindow, 'the window registered');
      // Added now, after ours (added with the first highlight): it runs after ours at print time.
      await page.evaluate(() => {
        const seen: number[] = [];
        (window as unknown as { printed: number[] }).printed = seen;
        addEventListener('beforeprint', () => {
          let n = 0;
          for (const [name, highlight] of CSS.highlights) if (name.startsWith('sound-familiar-')) n += highlight.size;
          seen.push(n);
        });
      });
      if (browserName === 'chromium') await (h as ChromiumHarness).raw(page).pdf();
      else await (h as FirefoxHarness).raw(page).pdf();
      expect(await page.evaluate(() => (window as unknown as { printed: number[] }).printed)).toEqual([COUNT]);
      await until(() => page.evaluate(registeredRanges), inWindow, 'the window again after printing');
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
