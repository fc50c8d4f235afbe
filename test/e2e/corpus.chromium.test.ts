// The 33-page corpus in Chromium: no highlight, no error from the extension, and the DOM exactly
// as without the extension. How that is judged: support/corpus.ts.

import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, launchChromium, wrapPage, type ChromiumHarness } from './support/chromium';
import { checkCorpusPage, CORPUS, CORPUS_INIT_SCRIPTS, corpusSite, corpusUrl, type CorpusRun } from './support/corpus';
import { VIEWPORT } from './support/harness';
import { CHROMIUM } from './support/paths';

describe('chromium: corpus of real pages', () => {
  const site = corpusSite();
  let h: ChromiumHarness;
  let plain: Browser;
  let plainContext: BrowserContext;
  let run: CorpusRun;

  beforeAll(async () => {
    expect(CORPUS).toHaveLength(33);
    h = await launchChromium(site);
    const page = await h.open(corpusUrl(CORPUS[0]!), { initScripts: CORPUS_INIT_SCRIPTS });

    plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    plainContext = await plain.newContext({ viewport: VIEWPORT });
    for (const content of CORPUS_INIT_SCRIPTS) await plainContext.addInitScript({ content });
    await plainContext.route('**/*', (route) => {
      const served = site.respond(route.request().url());
      return served ? route.fulfill({ status: served.status, contentType: served.contentType, body: served.body }) : route.abort();
    });
    const baseline = wrapPage(await plainContext.newPage(), 'chromium');
    run = {
      h,
      page,
      baseline,
      reset: (side) => (side === 'extension' ? h.context : plainContext).clearCookies(),
    };
  });
  afterAll(async () => {
    await h?.close();
    await plain?.close();
  });

  it.each(CORPUS)('%s: no highlight, no error, DOM as without the extension', (name) => checkCorpusPage(run, name));
});
