// Pages that are hard on a guest: empty, huge, never still, or pulling text out from under it.
// Chromium only. Assertions are on counts and states, not on how long things took.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageMentions, until, waitForHighlight } from './support/browsers';
import { launchChromium, type ChromiumHarness } from './support/chromium';
import type { TestPage } from './support/harness';
import { highlights, UI_HOST_SELECTOR } from './support/harness';
import type { HighlightTexts } from './support/probes';
import { Site } from './support/site';

const BASE = 'https://www.gov.uk/government/test-pages';

/** Counts the page's own zero-delay timer turns: it only advances when the main thread is free. */
const TICKER = `<script>
  window.__ticks = 0; window.__maxGap = 0;
  let last = performance.now();
  (function tick() {
    const now = performance.now();
    window.__maxGap = Math.max(window.__maxGap, now - last);
    last = now;
    window.__ticks++;
    setTimeout(tick, 0);
  })();
</script>`;

/** About 1 MB of prose-like text in 2,000 paragraphs, with no name from the knowledge base (or `last` at the very end). */
function megabyteOfText(last = ''): string {
  const words = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit', 'sed', 'do', 'eiusmod',
    'tempor', 'incididunt', 'ut', 'labore', 'et', 'dolore', 'magna', 'aliqua', 'Enim', 'minim', 'veniam', 'quis',
    'nostrud', 'exercitation', 'ullamco', 'laboris', 'nisi', 'aliquip', 'commodo', 'consequat', 'Duis', 'aute'];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const paragraphs: string[] = [];
  for (let p = 0; p < 2000; p++) {
    const out: string[] = [];
    let length = 0;
    while (length < 510) {
      const w = words[next() % words.length]!;
      out.push(w);
      length += w.length + 1;
    }
    paragraphs.push(`<p>${out.join(' ')}.</p>`);
  }
  return `<!DOCTYPE html><html lang="la"><head><meta charset="utf-8"><title>Long page</title>${TICKER}</head><body><main>${paragraphs.join('\n')}${last}</main></body></html>`;
}

/** Three sentences with the same three names (3 mentions each), rotated into #live every 100 ms, 50 times. */
const CHURN = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Live page</title>${TICKER}</head>
<body><main>
  <p id="static">Socitm has published its own summary.</p>
  <div id="live"><p>Waiting for the first update.</p></div>
</main>
<script>
  const variants = [
    'The Government Digital Service met the LGA and Sajid Javid.',
    'Sajid Javid wrote to the LGA about the Government Digital Service.',
    'The LGA, the Government Digital Service and Sajid Javid agreed.',
  ];
  window.__rewrites = 0;
  window.__samples = 0;
  window.__maxTotal = 0;
  window.__done = false;
  const live = document.getElementById('live');
  const rewrite = setInterval(() => {
    const n = window.__rewrites++;
    live.innerHTML = '<p>' + variants[n % 3] + '</p><p class="stamp">Update ' + (n + 1) + ' of 50</p>';
    if (window.__rewrites === 50) { clearInterval(rewrite); window.__done = true; }
  }, 100);
  // Samples the extension's highlight sizes from the page's side, four times per rewrite.
  setInterval(() => {
    let total = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('sound-familiar-')) total += h.size;
    window.__samples++;
    window.__maxTotal = Math.max(window.__maxTotal, total);
  }, 25);
</script></body></html>`;

const REMOVAL = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Removal</title></head><body><main>
  <div id="doomed"><p>The Local Government Association responded within the hour.</p></div>
  <p id="edited">Socitm said it would respond later.</p>
  <p>GDS was not available for comment.</p>
</main></body></html>`;

describe('chromium: bad input', () => {
  const site = new Site()
    .html(`${BASE}/empty-file`, '')
    .html(`${BASE}/empty-document`, '<!DOCTYPE html><html><head><title></title></head><body></body></html>')
    .html(`${BASE}/megabyte`, megabyteOfText())
    .html(`${BASE}/megabyte-and-a-name`, megabyteOfText('<p>Signed: the Local Government Association.</p>'))
    .html(`${BASE}/churn`, CHURN)
    .html(`${BASE}/removal`, REMOVAL);
  let h: ChromiumHarness;
  const opened: TestPage[] = [];

  beforeAll(async () => {
    h = await launchChromium(site);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function open(path: string): Promise<TestPage> {
    const page = await h.open(`${BASE}/${path}`);
    opened.push(page);
    return page;
  }

  it.each(['empty-file', 'empty-document'])('%s: finds nothing, touches nothing', async (path) => {
    const page = await open(path);
    expect(await pageMentions(h, page)).toEqual({ enabled: true, host: 'www.gov.uk', mentions: [] });
    const state = await highlights(page);
    expect(state.total).toBe(0);
    expect(state.registered).toEqual([]);
    expect(await page.evaluate((selector) => document.querySelector(selector) === null ? null : 1, UI_HOST_SELECTOR)).toBeNull();
    expect(page.errors).toEqual([]);
  });

  it('1 MB of text with no name: finds nothing, touches nothing', async () => {
    const page = await open('megabyte');
    expect(await page.evaluate(() => document.body.textContent!.length)).toBeGreaterThan(1_000_000);
    expect(await pageMentions(h, page)).toEqual({ enabled: true, host: 'www.gov.uk', mentions: [] });
    // For information only (timings are not asserted): the longest the page's own timer loop waited.
    const maxGap = await page.evaluate(() => (window as unknown as { __maxGap: number }).__maxGap);
    console.log(`1 MB page: longest gap in the page's timer loop ${Math.round(maxGap)} ms (includes parsing and layout)`);
    const state = await highlights(page);
    expect(state.total).toBe(0);
    expect(state.registered).toEqual([]);
    expect(await page.evaluate((selector) => document.querySelector(selector) === null ? null : 1, UI_HOST_SELECTOR)).toBeNull();
    expect(page.errors).toEqual([]);
  });

  it('1 MB of text and one name at the very end: finds exactly that name', async () => {
    const page = await open('megabyte-and-a-name');
    await waitForHighlight(page, 'Local Government Association');
    const state = await highlights(page);
    expect(state.texts).toEqual({ initiative: [], body: ['Local Government Association'], person: [] });
    const { mentions } = await pageMentions(h, page);
    expect(mentions.map((m) => [m.entityId, m.count])).toEqual([['lga', 1]]);
    expect(page.errors).toEqual([]);
  });

  it('a page that rewrites its names every 100 ms for 5 s: never more highlights than names, and exact once it stops', async () => {
    const page = await open('churn');
    type Churn = { __ticks: number; __rewrites: number; __samples: number; __maxTotal: number; __done: boolean };
    const ticksAtStart = await page.evaluate(() => (window as unknown as Churn).__ticks);
    const done = await until(() => page.evaluate(() => ({ ...(window as unknown as Churn) })), (w) => w.__done, 'the page to stop rewriting', 20_000, 200);

    // 1 static name + 3 in the live region at any moment; stale ranges must not pile up.
    expect(done.__rewrites).toBe(50);
    expect(done.__samples).toBeGreaterThan(100);
    expect(done.__maxTotal).toBeGreaterThan(0);
    expect(done.__maxTotal).toBeLessThanOrEqual(4);
    // The page's own zero-delay timer loop kept turning throughout (a 5 s run allows ~1,000 turns;
    // fewer than 100 would mean the main thread was busy for most of it).
    expect(done.__ticks - ticksAtStart).toBeGreaterThan(100);
    console.log(`churn page: ${done.__ticks - ticksAtStart} timer turns in 5 s; longest gap ${Math.round((done as unknown as { __maxGap: number }).__maxGap)} ms`);

    const finalTexts: HighlightTexts = {
      initiative: [],
      body: ['Government Digital Service', 'LGA', 'Socitm'],
      person: ['Sajid Javid'],
    };
    const settled = await until(() => highlights(page), (s) => JSON.stringify(s.texts) === JSON.stringify(finalTexts), 'highlights of the last rewrite', 10_000);
    expect(settled.disconnected).toBe(0);
    expect(settled.total).toBe(4);
    const { mentions } = await pageMentions(h, page);
    expect(mentions.map((m) => [m.entityId, m.count]).sort()).toEqual([['gds', 1], ['lga', 1], ['sajid-javid', 1], ['socitm', 1]]);
    expect(page.errors).toEqual([]);
  });

  it('drops the highlight of a name whose element is removed, or whose text changes', async () => {
    const page = await open('removal');
    await waitForHighlight(page, 'Local Government Association');
    await waitForHighlight(page, 'Socitm');
    await waitForHighlight(page, 'GDS');

    await page.evaluate(() => document.getElementById('doomed')!.remove());
    let state = await until(() => highlights(page), (s) => s.disconnected === 0 && s.total === 2, 'the removed name\'s highlight to go');
    expect(state.texts).toEqual({ initiative: [], body: ['GDS', 'Socitm'], person: [] });

    await page.evaluate(() => {
      const text = document.getElementById('edited')!.firstChild as Text;
      text.data = 'Someone said it would respond later.';
    });
    state = await until(() => highlights(page), (s) => s.total === 1, 'the edited name\'s highlight to go');
    expect(state.texts).toEqual({ initiative: [], body: ['GDS'], person: [] });
    expect(state.disconnected).toBe(0);
    const { mentions } = await pageMentions(h, page);
    expect(mentions.map((m) => m.entityId)).toEqual(['gds']);
    expect(page.errors).toEqual([]);
  });

  it('no page logged a Sound Familiar error', () => {
    expect(opened.flatMap((p) => p.console).filter((m) => /sound familiar/i.test(m))).toEqual([]);
  });
});
