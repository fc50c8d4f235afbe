// Real pages that mention nothing in the knowledge base (../shared/corpus, 33 pages saved from
// news sites, Wikipedia and others) served at a news address the extension runs on. On each: no
// highlight, no error from the extension, and the page's DOM exactly as it is without the
// extension.
//
// How "DOM unchanged" is judged, honestly: the pages run their own inline scripts (everything
// else is aborted), so a snapshot taken "before the extension ran" would not be comparable with
// one taken after. Instead each page is loaded twice at the same URL, at the same moment after its
// load event: once in Chromium with the extension, once in a plain Chromium without it, both with
// the same deterministic clock and Math.random (support/determinism.ts) and empty cookies and
// storage. The two serialisations (document.documentElement.outerHTML) must be identical. A
// MutationObserver installed before the page's scripts also records any node or attribute of ours
// that came and went, which a final comparison could miss. The extension's snapshot is taken only
// after its content script has answered `page/mentions`, which it does once its first full scan
// is done, so the scan has really happened on the page compared.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageMentions, sleep } from './support/browsers';
import { CHROMIUM_ARGS, launchChromium, wrapPage, type ChromiumHarness } from './support/chromium';
import { DETERMINISTIC_PAGE, RECORD_OUR_MUTATIONS } from './support/determinism';
import type { TestPage } from './support/harness';
import { highlights, VIEWPORT } from './support/harness';
import { CHROMIUM, corpusDir } from './support/paths';
import { Site } from './support/site';

const names = readdirSync(corpusDir).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, '')).sort();
const urlOf = (name: string) => `https://www.bbc.co.uk/news/${name}`;

/** Time from the extension's first-scan answer to the snapshot; the baseline waits as long after its load. */
const SETTLE_MS = 300;

interface Snapshot {
  length: number;
  hash: string;
  ours: string[];
}

async function snapshot(page: TestPage): Promise<Snapshot> {
  return page.evaluate(async () => {
    const html = document.documentElement.outerHTML;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(html));
    const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return { length: html.length, hash, ours: (window as unknown as { __soundFamiliarMutations: string[] }).__soundFamiliarMutations ?? ['observer missing'] };
  });
}

/** Where two serialisations first differ, with some context, for a failure message. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}:\n  with extension: …${a.slice(Math.max(0, i - 80), i + 120)}…\n  without:        …${b.slice(Math.max(0, i - 80), i + 120)}…`;
}

/** The messages of uncaught exceptions, for comparing two loads. */
const messagesOf = (errors: string[]) => errors.map((e) => e.split('\n')[0]!).sort();

describe('chromium: corpus of real pages', () => {
  const site = new Site();
  for (const name of names) site.html(urlOf(name), readFileSync(path.join(corpusDir, `${name}.html`)));

  let h: ChromiumHarness;
  let page: TestPage;
  let plain: Browser;
  let plainContext: BrowserContext;
  let baseline: TestPage;
  let baselinePage: Page;

  beforeAll(async () => {
    expect(names).toHaveLength(33);
    h = await launchChromium(site);
    await h.context.addInitScript({ content: DETERMINISTIC_PAGE });
    await h.context.addInitScript({ content: RECORD_OUR_MUTATIONS });
    page = await h.open('https://www.bbc.co.uk/news/'.concat(names[0]!));

    plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    plainContext = await plain.newContext({ viewport: VIEWPORT });
    await plainContext.addInitScript({ content: DETERMINISTIC_PAGE });
    await plainContext.addInitScript({ content: RECORD_OUR_MUTATIONS });
    await plainContext.route('**/*', (route) => {
      const served = site.respond(route.request().url());
      return served ? route.fulfill({ status: served.status, contentType: served.contentType, body: served.body }) : route.abort();
    });
    baselinePage = await plainContext.newPage();
    baseline = wrapPage(baselinePage, 'chromium');
  });
  afterAll(async () => {
    await h?.close();
    await plain?.close();
  });

  async function fresh(context: BrowserContext, p: TestPage) {
    await context.clearCookies();
    await p.evaluate(() => {
      try {
        localStorage.clear();
        sessionStorage.clear();
      } catch {
        // Opaque origins have no storage.
      }
    });
    p.errors.length = 0;
    p.console.length = 0;
  }

  it.each(names)('%s: no highlight, no error, DOM as without the extension', async (name) => {
    const url = urlOf(name);

    await fresh(h.context, page);
    await page.goto(url);
    const loaded = Date.now();
    const found = await pageMentions(h, page); // answers once the first scan is done
    const scanMs = Date.now() - loaded;
    await sleep(SETTLE_MS);
    const withExtension = await snapshot(page);
    const state = await highlights(page);

    await fresh(plainContext, baseline);
    await baseline.goto(url);
    await sleep(scanMs + SETTLE_MS);
    let without = await snapshot(baseline);
    if (without.hash !== withExtension.hash) {
      // One more plain load, in case the page itself raced (a timer firing either side of the snapshot).
      await fresh(plainContext, baseline);
      await baseline.goto(url);
      await sleep(scanMs + SETTLE_MS);
      without = await snapshot(baseline);
    }

    expect(found).toEqual({ enabled: true, host: 'www.bbc.co.uk', mentions: [] });
    expect(state.total).toBe(0);
    expect(state.registered.filter((n) => n.startsWith('sound-familiar-'))).toEqual([]);
    expect(withExtension.ours).toEqual([]);

    if (without.hash !== withExtension.hash) {
      const a = await page.evaluate(() => document.documentElement.outerHTML);
      const b = await baseline.evaluate(() => document.documentElement.outerHTML);
      expect.fail(`DOM differs from the page without the extension ${firstDifference(a, b)}`);
    }

    // Errors: none from the extension's code, and none that the page does not raise on its own.
    const fromExtension = [...page.errors, ...page.console].filter((m) => /chrome-extension:\/\/|sound familiar/i.test(m));
    expect(fromExtension).toEqual([]);
    expect(messagesOf(page.errors)).toEqual(messagesOf(baseline.errors));
  });
});
