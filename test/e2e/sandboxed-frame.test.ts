// The session's code (content-session.js) is injected by the background into the asking frame
// (issue 12). A sandboxed iframe of a listed site has an opaque origin but still runs content.js:
// the injection must reach it, and its names light up as in a plain iframe beside it. The page
// around them names nothing, and loads no session's code (found in review 18).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, codeByFrame, until } from './support/browsers';
import type { Harness } from './support/harness';
import { highlightBox } from './support/probes';
import { Site } from './support/site';

const STORY = 'https://www.gov.uk/government/news/sandboxed-frames-story';
const PLAIN = 'https://www.gov.uk/government/news/embedded/quote-plain';
const SANDBOXED = 'https://www.gov.uk/government/news/embedded/quote-sandboxed';

const outer = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frames</title>
<style>iframe { display: block; border: 0; width: 900px; height: 260px; }</style></head><body><main>
<p>The council met on Tuesday to agree its budget for the year.</p>
<iframe src="/government/news/embedded/quote-plain"></iframe>
<iframe sandbox="allow-scripts" src="/government/news/embedded/quote-sandboxed"></iframe>
</main></body></html>`;

describe.each(BROWSERS)('%s: a sandboxed iframe', (_browserName, launch) => {
  const site = new Site().html(STORY, outer).fixture(PLAIN, 'govuk-archive-quote.html').fixture(SANDBOXED, 'govuk-archive-quote.html');
  let h: Harness;

  beforeAll(async () => {
    h = await launch(site);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('gets the session\'s code and lights its names as a plain iframe does', async () => {
    const page = await h.open(STORY);
    try {
      for (const frame of ['quote-plain', 'quote-sandboxed']) {
        await until(() => page.evaluateInFrame(frame, highlightBox, { text: 'Francis Maude' }), (b) => b !== null, `Francis Maude lit in ${frame}`, 15_000);
      }
      expect(await codeByFrame(h, page, 'session')).toEqual({ [STORY]: false, [PLAIN]: true, [SANDBOXED]: true });
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
