// Printing puts the reader's private marks on paper, on the text they mark. Private marks (claims,
// names the reader added) are boxes in our closed shadow root, drawn for the screen only around
// the viewport and fixed to it: a print once showed none of a name far down the page (the fixed
// box sat at its screen offset, past every sheet). Now every range is drawn while print media
// applies, measured in the print layout and placed in document coordinates (private-painter.ts).
// The print is a real one (the driver's PDF print); the PDF is read for where the mark's colour
// is drawn and compared with a line the page itself draws under the same text.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, pageMentions, until, waitForCard, waitForHighlight, waitForNoCard } from './support/browsers';
import type { ChromiumHarness } from './support/chromium';
import { ChromiumClaims } from './support/claims-chromium';
import { privateMarksOf, type ClaimsDriver } from './support/claims-common';
import { FirefoxClaims } from './support/claims-firefox';
import type { FirefoxHarness } from './support/firefox';
import { hover, type Harness } from './support/harness';
import { colourUses, pdfPages } from './support/pdf-pages';
import { Site } from './support/site';

const PAGE = 'https://www.gov.uk/government/news/a-long-page-with-one-name-of-the-readers-own';
const NAME = 'Quillon Brackenbury Fund';
/** The page's own underline under the far paragraph: where that text is on paper. */
const PAGE_LINE: [number, number, number] = [0, 0, 255];
/** A private initiative mark's line (paint-styles.ts .mark-initiative border). */
const MARK_LINE: [number, number, number] = [214, 134, 0];
const FILLER = 400;
const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long page - GOV.UK</title>
<style>#far { text-decoration: underline 3px rgb(0, 0, 255); }</style></head><body><main>
<p>The Government Digital Service wrote this list.</p>${
  Array.from({ length: FILLER }, (_, i) => `<p>Item ${i + 1}: the committee met and reviewed the minutes.</p>`).join('')
}<p id="far">At last the ${NAME} was named.</p></main></body></html>`;

describe.each(BROWSERS)('%s: printing private marks', (browserName, launch) => {
  const site = new Site().html(PAGE, html);
  let h: Harness;
  let d: ClaimsDriver;

  beforeAll(async () => {
    h = await launch(site);
    d = browserName === 'chromium' ? new ChromiumClaims(h as ChromiumHarness) : await FirefoxClaims.attach(h as FirefoxHarness);
    await d.call('entity/create', { kind: 'initiative', name: NAME, summary: 'A fund only this reader knows about.' });
  });
  afterAll(async () => {
    await d?.close();
  });

  it('prints a name of the reader\'s own far below the viewport, once, on its text', async () => {
    const page = await h.open(PAGE);
    try {
      await pageMentions(h, page);
      // Private marks appear after the reader's first input (page-session.ts revealPrivatePaint).
      await page.mouseMove(200, 200);
      await page.mouseMove(203, 204);
      await until(async () => (await privateMarksOf(page, 'initiative')).map((m) => m.text), (t) => t.includes(NAME), 'the private mark');
      expect(await page.evaluate(() => document.getElementById('far')!.getBoundingClientRect().top > 5 * innerHeight)).toBe(true);
      // A card opened and closed first, as a reader would have: the card code's styles join ours.
      await hover(page, await waitForHighlight(page, 'Government Digital Service'));
      await waitForCard(page, 'Government Digital Service');
      await page.press('Escape');
      await waitForNoCard(page);

      const pdf = Buffer.from(browserName === 'chromium' ? await (h as ChromiumHarness).raw(page).pdf() : await (h as FirefoxHarness).raw(page).pdf());
      const pages = pdfPages(pdf);
      const line = colourUses(pages, PAGE_LINE);
      const marks = colourUses(pages, MARK_LINE);
      expect(line.length, 'the page\'s own underline is printed').toBeGreaterThan(0);
      // Once, on the sheet that holds the text (a box fixed to the screen repeats on every sheet,
      // or on none), and at the text's height: Chromium draws the mark's line as its box's shape,
      // from the top of the line of text, and the page's underline is near that line's bottom
      // (a line is 18 px; the paragraphs 34 px apart).
      if (browserName === 'chromium') {
        expect(marks.map((m) => m.page)).toEqual([line[0]!.page]);
        const below = line[0]!.y - marks[0]!.y;
        expect(below).toBeGreaterThanOrEqual(0);
        expect(below).toBeLessThan(24);
      } else {
        // Firefox prints a copy of the page that it paginates after our last chance to measure
        // (private-painter.ts): the mark is printed once, but may sit a sheet away from its text.
        // (A line may be stroked more than once: one place, one sheet.)
        expect(new Set(marks.map((m) => `${m.page}@${m.y}`)).size).toBe(1);
      }

      // After printing, the screen's drawing again: the box is on the text in the viewport's terms.
      await until(async () => (await privateMarksOf(page, 'initiative')).map((m) => m.text), (t) => JSON.stringify(t) === JSON.stringify([NAME]), 'the screen mark after printing');
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
