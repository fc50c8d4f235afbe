// The card code (content-ui.js) loaded on first need, on the two paths card.test.ts does not take:
// a name hovered inside a same-origin iframe, where the background must inject the code into that
// frame and no other (src/platform/asking-frame.ts), and our own welcome page, where content.js
// runs as the page's own script and a script element of ours loads the card code
// (src/content/lazy/load-part.ts).

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, codeByFrame, pageMentions, until, waitForCard, waitForHighlight } from './support/browsers';
import type { Harness } from './support/harness';
import { highlights, hover } from './support/harness';
import { corePackPath } from './support/paths';
import { highlightBox, type Box } from './support/probes';
import { Site } from './support/site';

const STORY = 'https://www.gov.uk/government/news/councils-recall-the-digital-by-default-years';
const HOVERED = 'https://www.gov.uk/government/news/embedded/quote-hovered';
const QUIET = 'https://www.gov.uk/government/news/embedded/quote-not-hovered';

const kb = JSON.parse(readFileSync(corePackPath('existing.json'), 'utf8')) as { id: string; summary: string }[];
const alliance = kb.find((e) => e.id === 'local-digital-alliance')!;

/** Both browsers log a CSP violation to the page's console as an error naming the policy. */
const CSP = /content.security.policy/i;

describe.each(BROWSERS)('%s: card code loaded on first need', (_browserName, launch) => {
  const site = new Site().fixture(STORY, 'lazy-frames.html').fixture(HOVERED, 'govuk-archive-quote.html').fixture(QUIET, 'govuk-archive-quote.html');
  let h: Harness;

  beforeAll(async () => {
    h = await launch(site);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens the card of a name hovered in an iframe inside that iframe, loading the card code there only', async () => {
    const page = await h.open(STORY);
    try {
      await pageMentions(h, page);
      // Both frames' content scripts have scanned (so either could have asked for the card code).
      const inFrame = await until(() => page.evaluateInFrame('quote-hovered', highlightBox, { text: 'Francis Maude' }), (b) => b !== null, 'Francis Maude lit in the hovered frame');
      await until(() => page.evaluateInFrame('quote-not-hovered', highlightBox, { text: 'Francis Maude' }), (b) => b !== null, 'Francis Maude lit in the other frame');
      expect(await codeByFrame(h, page, 'ui')).toEqual({ [STORY]: false, [HOVERED]: false, [QUIET]: false });

      // The frame's box in the page, plus the name's box in the frame: where the pointer goes.
      const frame = await page.evaluate(() => {
        const el = document.getElementById('asks')!;
        const r = el.getBoundingClientRect();
        return { left: r.left + el.clientLeft, top: r.top + el.clientTop };
      });
      const box: Box = { ...inFrame!, left: inFrame!.left + frame.left, right: inFrame!.right + frame.left, top: inFrame!.top + frame.top, bottom: inFrame!.bottom + frame.top };
      await hover(page, box);
      const card = await until(() => page.cardInFrame('quote-hovered'), (c) => c?.title === 'Francis Maude', 'the card for Francis Maude in the hovered frame');
      expect(card!.role).toBe('dialog');
      expect(card!.labelledBy).toBe('Francis Maude');
      expect(await page.card()).toBeNull();
      expect(await page.cardInFrame('quote-not-hovered')).toBeNull();
      expect(await codeByFrame(h, page, 'ui')).toEqual({ [STORY]: false, [HOVERED]: true, [QUIET]: false });

      // The top frame asks for its own copy when its name is hovered; the other frame still has none.
      await hover(page, await waitForHighlight(page, 'Local Digital Alliance'));
      await waitForCard(page, 'Local Digital Alliance');
      expect(await codeByFrame(h, page, 'ui')).toEqual({ [STORY]: true, [HOVERED]: true, [QUIET]: false });

      expect(page.errors).toEqual([]);
      expect(page.console.filter((m) => /sound familiar/i.test(m))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('on our welcome page: lights the demo text, and hovering a name loads the card code and opens its card', async () => {
    const page = await h.openOwnPage('welcome.html');
    try {
      const box = await waitForHighlight(page, 'Local Digital Alliance');
      const lit = (await highlights(page)).texts;
      expect(lit.initiative).toEqual(expect.arrayContaining(['Local Digital Alliance', 'Local Digital Coalition', 'GOV.UK']));
      expect(lit.body).toEqual(expect.arrayContaining(['Government Digital Service', 'Socitm']));
      expect(lit.person).toEqual(expect.arrayContaining(['Sajid Javid']));

      const cardScripts = () => [...document.scripts].filter((s) => s.src.endsWith('/content-ui.js')).length;
      expect(await page.evaluate(cardScripts)).toBe(0);
      await hover(page, box);
      const card = await waitForCard(page, 'Local Digital Alliance');
      expect(card.role).toBe('dialog');
      expect(card.labelledBy).toBe('Local Digital Alliance');
      expect(card.summary).toBe(alliance.summary);
      expect(await page.hasDialogNamed('Local Digital Alliance')).toBe(true);
      expect(await page.evaluate(cardScripts)).toBe(1);

      expect(page.errors).toEqual([]);
      expect(page.console.filter((m) => /sound familiar/i.test(m) || CSP.test(m))).toEqual([]);
      // Controls: both checks do see this page's errors and violations (an inline script refused,
      // a timer's uncaught SyntaxError), so the empty lists above are not for want of looking.
      await page.evaluate(() => {
        document.head.append(Object.assign(document.createElement('script'), { textContent: '0' }));
        setTimeout(JSON.parse, 0, '{');
      });
      await until(async () => [page.errors.length, page.console.filter((m) => CSP.test(m)).length], ([e, c]) => e === 1 && c! > 0, 'the control error and violation to be seen');
    } finally {
      await page.close();
    }
  });
});
