// Detection in real browsers: which names light up on a GOV.UK-style story, in which kind, and
// which near misses stay dark. The expected lists are written out by hand from the fixture.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, pageMentions, sleep, waitForCard, waitForHighlight } from './support/browsers';
import type { Harness, TestPage } from './support/harness';
import { highlights, hover } from './support/harness';
import type { HighlightTexts } from './support/probes';
import { readHighlights } from './support/probes';
import { Site, fixture } from './support/site';

const ARTICLE = 'https://www.gov.uk/government/news/more-councils-sign-the-local-digital-declaration';

/** Everything the main document of govuk-article.html should highlight, once its late update is in. */
const ARTICLE_HIGHLIGHTS: HighlightTexts = {
  initiative: [
    'GOV.UK', // the header logo text
    'Local Digital Coalition', // "Local Digital <strong>Coalition</strong>": one name across inline elements
    'Local Digital Declaration', // the h1
    'Local Digital Declaration', // first paragraph
    'Local Digital Fund', // "Local Digital\n              Fund": across a line break and a run of spaces
  ].sort(),
  body: [
    'Government Digital Service',
    'MHCLG',
    'Ministry of Housing, Communities and Local Government', // "Ministry of Housing,<br>Communities ..."
    'Socitm', // added by the page's script one second after load
  ].sort(),
  person: [
    'Javid', // Javid's (straight apostrophe), confirmed by "Sajid Javid" on the page
    'Javid', // Javid’s (curly apostrophe)
    'Local Government Minister Rishi Sunak',
    'Sajid Javid',
  ].sort(),
};

/** Text that must stay dark: near misses, and real names in places that are not prose. */
/** A story on a matched site that names nothing we know. */
const QUIET = 'https://www.gov.uk/government/news/a-quiet-story';

/**
 * The style the page's own style system gives each of our highlights (in a page function: no
 * closures). The highlights.css a frame gets once it registers a highlight decides these; without
 * it every ::highlight() is transparent with no underline.
 */
function paintedStyles(): Record<string, string> {
  const el = document.querySelector('p') ?? document.body;
  const out: Record<string, string> = {};
  for (const kind of ['initiative', 'body', 'person']) {
    const style = getComputedStyle(el, `::highlight(sound-familiar-${kind})`);
    out[kind] = `${style.backgroundColor} ${style.textDecorationLine} ${style.textDecorationStyle}`;
  }
  return out;
}
const OUR_STYLES = {
  initiative: 'rgba(255, 184, 28, 0.32) underline solid',
  body: 'rgba(0, 168, 150, 0.22) underline dashed',
  person: 'rgba(142, 92, 255, 0.2) underline dotted',
};

const NEVER = ['Greg Clark', 'Pickles', 'gds', 'lga', 'gov.uk', 'Local Digital Alliance', 'Michael Gove', 'Gove'];

describe.each(BROWSERS)('%s: detection', (browserName, launch) => {
  const site = new Site()
    .fixture(ARTICLE, 'govuk-article.html')
    .html(QUIET, '<!doctype html><html lang="en"><head><title>Quiet</title></head><body><main><p>The council will resurface three roads in the spring, weather permitting.</p></main></body></html>')
    .fixture('https://www.gov.uk/government/news/embedded/archive-quote', 'govuk-archive-quote.html')
    .html('https://www.gov.uk/government/news/councils-share-digital-projects-2014', fixture('programme.html').replaceAll('{{DATE}}', '2014-06-12'))
    .html('https://www.gov.uk/government/news/councils-share-digital-projects-2019', fixture('programme.html').replaceAll('{{DATE}}', '2019-06-12'));
  let h: Harness;
  let article: TestPage;

  beforeAll(async () => {
    h = await launch(site);
    article = await h.open(ARTICLE);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('highlights exactly the expected names, by kind, including text added after load', async () => {
    await expect.poll(async () => (await highlights(article)).texts, { timeout: 15_000, interval: 100 }).toEqual(ARTICLE_HIGHLIGHTS);
    // And nothing more turns up once the page has been quiet for a while.
    await sleep(600);
    const settled = await highlights(article);
    expect(settled.texts).toEqual(ARTICLE_HIGHLIGHTS);
    expect(settled.disconnected).toBe(0);
    // Names only: a sentence here that repeats an earlier promise gets its own highlight (echoes.test.ts).
    expect(settled.registered.filter((name) => name !== 'sound-familiar-echo').sort()).toEqual(['sound-familiar-body', 'sound-familiar-initiative', 'sound-familiar-person']);
    await article.screenshot('detection-article');
  });

  // highlights.css is not in the manifest: the background adds it to a frame when that frame's
  // content script registers its first highlight ('page/styles').
  it('paints the highlights with our styles, in the page and in its iframe; a page that names nothing gets none', async () => {
    await expect.poll(() => article.evaluate(paintedStyles), { timeout: 15_000, interval: 100 }).toEqual(OUR_STYLES);
    await expect.poll(() => article.evaluateInFrame('/embedded/archive-quote', paintedStyles), { timeout: 15_000, interval: 100 }).toEqual(OUR_STYLES);
    const quiet = await h.open(QUIET);
    expect((await pageMentions(h, quiet)).mentions).toEqual([]);
    await sleep(600);
    for (const style of Object.values(await quiet.evaluate(paintedStyles))) expect(style).toMatch(/^rgba\(0, 0, 0, 0\) none /);
  });

  it('leaves near misses and non-prose text alone', async () => {
    const all = Object.values((await highlights(article)).texts).flat();
    for (const text of NEVER) {
      const word = new RegExp(`(^|\\W)${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|\\W)`);
      expect(all.filter((t) => word.test(t)), `"${text}" is highlighted`).toEqual([]);
    }
    // The textarea, input, contenteditable, <code>, <script> and <style> all contain names; none is
    // a highlight container.
    const inExcluded = await article.evaluate(() => {
      const hits: string[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('sound-familiar-')) continue;
        for (const r of highlight as unknown as Iterable<AbstractRange>) {
          const el = r.startContainer.parentElement;
          if (el?.closest('textarea, input, [contenteditable], code, script, style, head')) hits.push(el.tagName);
        }
      }
      return hits;
    });
    expect(inExcluded).toEqual([]);
  });

  it('highlights names inside a same-origin iframe', async () => {
    await expect.poll(async () => (await article.evaluateInFrame('/embedded/archive-quote', readHighlights)).texts, { timeout: 15_000, interval: 100 })
      .toEqual({ initiative: ['Digital by Default'], body: [], person: ['Francis Maude'] });
  });

  // No match_about_blank: every about:blank frame a page makes (ad slots, mostly) would get an
  // isolated world and highlights.css, measured at 2.6 ms of the page's main thread per frame even
  // for an empty content script, so a srcdoc story's names are knowingly left dark.
  it('leaves a srcdoc iframe alone (no content script in about: frames)', async () => {
    await expect.poll(async () => (await article.evaluateInFrame('/embedded/archive-quote', readHighlights)).texts.person, { timeout: 15_000, interval: 100 })
      .toEqual(['Francis Maude']);
    await sleep(600);
    expect((await article.evaluateInFrame('about:srcdoc', readHighlights)).texts).toEqual({ initiative: [], body: [], person: [] });
  });

  it('reports the same names to the popup, most mentioned first', async () => {
    const { enabled, host, mentions } = await pageMentions(h, article);
    expect({ enabled, host }).toEqual({ enabled: true, host: 'www.gov.uk' });
    expect(Object.fromEntries(mentions.map((m) => [m.entityId, `${m.kind} ${m.count}`]))).toEqual({
      'sajid-javid': 'person 3',
      'housing-communities-local-government-department': 'body 2',
      'local-digital-declaration': 'initiative 2',
      gds: 'body 1',
      'gov-uk': 'initiative 1',
      'local-digital-coalition': 'initiative 1',
      'local-digital-fund': 'initiative 1',
      'rishi-sunak': 'person 1',
      socitm: 'body 1',
    });
    const counts = mentions.map((m) => m.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it.each([
    ['2014', 'dclg-local-digital-programme', 'Local Digital Programme (DCLG)'],
    ['2019', 'local-digital-programme-mhclg', 'Local Digital (MHCLG programme)'],
  ])('reads "Local Digital Programme" on a %s page as the programme of that time', async (year, entityId, name) => {
    const page = await h.open(`https://www.gov.uk/government/news/councils-share-digital-projects-${year}`);
    try {
      const box = await waitForHighlight(page, 'Local Digital Programme');
      const { mentions } = await pageMentions(h, page);
      expect(mentions.map((m) => m.entityId)).toEqual([entityId]);
      await hover(page, box);
      const card = await waitForCard(page, name);
      expect(card.labelledBy).toBe(name);
      expect(await page.hasDialogNamed(name)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('raised no page errors', () => {
    expect(article.errors).toEqual([]);
    expect(article.console.filter((m) => /sound familiar/i.test(m))).toEqual([]);
  });
});
