// "Sound familiar?" in both browsers: a 2026 article that re-announces a promise from Budget 2015
// gets its sentence marked (a highlight of its own kind), a card with the earlier promise, its
// date and source, and a count the popup shows; an article promising new things gets nothing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, sleep, until, waitForNoCard } from './support/browsers';
import type { Harness, TestPage } from './support/harness';
import { hover, setEchoesOnSiteFromBackground, UI_HOST_SELECTOR } from './support/harness';
import { stepToNextCard } from './support/keyboard-command';
import { Site } from './support/site';

const ECHO = 'https://www.gov.uk/government/news/new-partnership-to-bring-digital-public-services-to-every-council';
const NONE = 'https://www.gov.uk/government/news/new-cycle-lanes-for-three-market-towns';
const SENTENCE = 'The government will extend its digital ambitions beyond Whitehall to local public services, with HM Treasury and GDS working alongside councils to bring forward joint proposals.';

type Box = { left: number; top: number; right: number; bottom: number; width: number; height: number };

/** The page's echo highlights, as text and first line box (public: they mark built-in knowledge). */
function echoHighlights(): { text: string; box: Box }[] {
  const highlight = CSS.highlights.get('sound-familiar-echo');
  const out: { text: string; box: Box }[] = [];
  for (const r of (highlight ?? []) as unknown as Iterable<AbstractRange>) {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    const first = live.getClientRects()[0]!;
    out.push({ text: live.toString(), box: { left: first.left, top: first.top, right: first.right, bottom: first.bottom, width: first.width, height: first.height } });
  }
  return out;
}

describe.each(BROWSERS)('%s: "Sound familiar?" echoes', (_name, launch) => {
  const site = new Site().fixture(ECHO, 'echo-article.html').fixture(NONE, 'echo-none.html');
  let h: Harness;
  let page: TestPage;

  beforeAll(async () => {
    h = await launch(site);
    page = await h.open(ECHO);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('marks the sentence that repeats an earlier promise (and few others), and the popup counts them', async () => {
    const echoes = await until(() => page.evaluate(echoHighlights), (e) => e.some((x) => x.text === SENTENCE), 'the echo highlight', 15_000, 100);
    // Quiet by default: a handful at most; the neutral paragraph about buses is never one.
    expect(echoes.length).toBeLessThanOrEqual(3);
    expect(echoes.map((e) => e.text).join(' ')).not.toContain('bus routes');
    expect(await h.callTab(page, 'page/echoes', {})).toEqual({ ok: true, value: echoes.length });
  });

  it('opens a "Sound familiar?" card with the earlier promise, its date and its source, oldest first', async () => {
    const echo = (await page.evaluate(echoHighlights)).find((e) => e.text === SENTENCE)!;
    await hover(page, echo.box, 'start');
    const card = await until(() => page.card(), (c) => !!c?.text.includes('Sound familiar?') && !!c.title?.startsWith('Promised before'), 'the echo card');
    expect(card!.role).toBe('dialog');
    expect(card!.text).toContain(SENTENCE);
    expect(card!.text).toContain('2015');
    expect(card!.text).toMatch(/In common: .*(digital|local|council)/);
    await page.screenshot('echo-card');
    await page.press('Escape');
    await waitForNoCard(page);
  });

  it('is reached by keyboard: the next-mention command steps through repeated promises too', async () => {
    await page.mouseMove(5, 5);
    let title: string | undefined;
    for (let i = 0; i < 12 && !title?.startsWith('Promised before'); i++) {
      title = (await stepToNextCard(h, page, 1)).title;
    }
    expect(title).toMatch(/^Promised before/);
    await page.press('Escape');
    await waitForNoCard(page);
  });

  it('"Record as repeated" opens the editor on the sentence, as a repeated promise noting what it repeats', async () => {
    const echo = (await page.evaluate(echoHighlights)).find((e) => e.text === SENTENCE)!;
    await page.mouseMove(5, 5);
    await hover(page, echo.box, 'start');
    const button = await until(() => page.uiBox('button', 'Record as repeated'), (b) => b !== null, 'the record button on the card');
    await page.click(button!.left + button!.width / 2, button!.top + button!.height / 2);
    await until(() => page.uiBox('iframe.editor'), (b) => b !== null, 'the editor frame');
    if (page.browserName === 'chromium') {
      // Firefox shows extension frames to the driver as about:blank; Chromium lets it read the form.
      const form = await until(() => page.evaluateInFrame('editor.html', () => {
        const status = document.querySelector<HTMLSelectElement>('#status');
        const note = document.querySelector<HTMLTextAreaElement>('#note');
        return status ? { status: status.value, note: note?.value ?? '' } : null;
      }).catch(() => null), (f) => f !== null, 'the editor form');
      expect(form!.status).toBe('repeated');
      expect(form!.note).toMatch(/^Repeats .*2015/);
    }
    // Escape goes to the editor once it has focus (our host holds it, as the page sees it).
    await until(() => page.evaluate((sel) => document.activeElement === document.querySelector(sel), UI_HOST_SELECTOR), (f) => f, 'focus in the editor');
    await sleep(300);
    await page.press('Escape');
    await until(() => page.uiBox('iframe.editor'), (b) => b === null, 'the editor to close');
  });

  it('is off on a site the reader turned it off for (the popup\'s "Not on this site")', async () => {
    // The popup's button writes this switch (platform/echo-settings.ts); the page reads it when its session starts.
    await setEchoesOnSiteFromBackground(h, 'www.gov.uk', false);
    await page.reload();
    await until(() => h.callTab<number>(page, 'page/echoes', {}), (r) => r.ok, 'the page to be read');
    expect(await h.callTab(page, 'page/echoes', {})).toEqual({ ok: true, value: 0 });
    expect(await page.evaluate(echoHighlights)).toEqual([]);
    await setEchoesOnSiteFromBackground(h, 'www.gov.uk', true);
  });

  it('marks nothing on an article that promises only new things', async () => {
    const none = await h.open(NONE);
    await until(() => h.callTab<number>(none, 'page/echoes', {}), (r) => r.ok, 'the page to be read');
    expect(await h.callTab(none, 'page/echoes', {})).toEqual({ ok: true, value: 0 });
    expect(await none.evaluate(echoHighlights)).toEqual([]);
    await none.close();
  });
});
