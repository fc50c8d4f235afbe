// Titles resolve by the page's date, in real browsers: "the Communities Secretary" on a page
// dated 2017 lights up as Sajid Javid, on a 2020 blog post (date only in its address) as Robert
// Jenrick, and on an undated page as today's holder with the card saying the page has no date.
// "The former Housing Secretary" stays dark on every page; "DCLG" is a renamed department, and its
// card says what it is called now.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, pageMentions, waitForCard, waitForHighlight } from './support/browsers';
import type { Harness } from './support/harness';
import { highlights, hover } from './support/harness';
import { Site, fixture } from './support/site';

const story = (meta: string) => fixture('titles-story.html').replace('{{DATE_META}}', meta);
const DATED = 'https://www.gov.uk/government/news/councils-write-to-ministers';
const URL_DATED = 'https://localdigital.blog.gov.uk/2020/06/10/councils-write-to-ministers/';
const UNDATED = 'https://www.gov.uk/government/news/councils-write-to-ministers-undated';

describe.each(BROWSERS)('%s: titles read at the page\'s date', (_browserName, launch) => {
  const site = new Site()
    .html(DATED, story('<meta name="govuk:first-published-at" content="2017-03-14T10:00:00+00:00">'))
    .html(URL_DATED, story(''))
    .html(UNDATED, story(''));
  let h: Harness;

  beforeAll(async () => {
    h = await launch(site);
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    [DATED, 'sajid-javid', 'Sajid Javid', '“Communities Secretary” read as the holder on 14 Mar 2017, the page’s date', 'On 14 Mar 2017 (this page’s date): Secretary of State for Communities and Local Government'],
    [URL_DATED, 'robert-jenrick', 'Robert Jenrick', '“Communities Secretary” read as the holder on 10 Jun 2020, the page’s date', 'On 10 Jun 2020 (this page’s date): Secretary of State for Housing, Communities and Local Government'],
  ])('%s: the Communities Secretary is the holder on the page\'s date', async (url, entityId, name, note, post) => {
    const page = await h.open(url);
    try {
      const box = await waitForHighlight(page, 'Communities Secretary');
      const { mentions } = await pageMentions(h, page);
      expect(mentions.map((m) => m.entityId).sort()).toEqual([entityId, 'housing-communities-local-government-department'].sort());
      expect((await highlights(page)).texts).toEqual({ initiative: [], body: ['DCLG'], person: ['Communities Secretary'] });
      await hover(page, box);
      const card = await waitForCard(page, name);
      expect(card.text).toContain(note);
      expect(card.text).toContain(post);
      expect(card.text).not.toContain('no publication date');
      await hover(page, await waitForHighlight(page, 'DCLG'));
      const body = await waitForCard(page, 'Ministry of Housing, Communities and Local Government');
      expect(body.text).toContain('This page uses an earlier name: Department for Communities and Local Government');
      expect(body.text).toContain('Now called: Ministry of Housing, Communities and Local Government (since 8 Jul 2024).');
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an undated page reads today\'s holder, and the card says so', async () => {
    const page = await h.open(UNDATED);
    try {
      const box = await waitForHighlight(page, 'Communities Secretary');
      const { mentions } = await pageMentions(h, page);
      const person = mentions.find((m) => m.kind === 'person')!;
      await hover(page, box);
      const card = await waitForCard(page, person.name);
      expect(card.text).toContain('This page has no publication date: “Communities Secretary” is read as today’s holder');
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
