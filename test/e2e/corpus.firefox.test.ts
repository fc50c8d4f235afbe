// The 33-page corpus in Firefox: no highlight, no error from the extension, and the DOM exactly
// as without the extension. How that is judged: support/corpus.ts.

import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCorpusPage, CORPUS, CORPUS_INIT_SCRIPTS, corpusSite, corpusUrl, type CorpusRun } from './support/corpus';
import { launchFirefox, launchPlainFirefox, newServedPage, wrapPage, type FirefoxHarness } from './support/firefox';

async function clearCookies(page: Page): Promise<void> {
  const cookies = await page.cookies();
  if (cookies.length > 0) await page.deleteCookie(...cookies);
}

describe('firefox: corpus of real pages', () => {
  const site = corpusSite();
  let h: FirefoxHarness;
  let plain: Browser;
  let run: CorpusRun;

  beforeAll(async () => {
    expect(CORPUS).toHaveLength(33);
    h = await launchFirefox(site);
    const page = await h.open(corpusUrl(CORPUS[0]!), { initScripts: CORPUS_INIT_SCRIPTS });
    plain = await launchPlainFirefox();
    const baselinePage = await newServedPage(plain, site, { initScripts: CORPUS_INIT_SCRIPTS });
    run = {
      h,
      page,
      baseline: wrapPage(baselinePage),
      reset: (side) => clearCookies(side === 'extension' ? h.raw(page) : baselinePage),
    };
  });
  afterAll(async () => {
    await h?.close();
    await plain?.close();
  });

  it.each(CORPUS)('%s: no highlight, no error, DOM as without the extension', (name) => checkCorpusPage(run, name));
});
