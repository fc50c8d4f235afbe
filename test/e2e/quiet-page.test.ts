// A page that names nothing we know, and has no claims, is never sent the dictionary (issue 12):
// its frame stays quiet. What a reader expects still works there: a name the page's script adds
// later lights up, and selecting a sentence offers to record it. Both fail if the quiet frame
// missed the change, or had no way back to a session. Until then the frame has not loaded the
// session's code (content-session.js) either.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, codeByFrame, pageMentions, sleep, until } from './support/browsers';
import { selectText } from './support/claims-common';
import type { Harness } from './support/harness';
import { highlights } from './support/harness';
import { Site } from './support/site';

const QUIET_THEN_NAMED = 'https://www.gov.uk/government/news/a-story-updated-later';
const QUIET = 'https://www.gov.uk/government/news/roads-resurfaced';
const CONTEXT_THEN_NAMED = 'https://www.gov.uk/government/news/a-surname-then-a-name';

const page = (body: string) => `<!doctype html><html lang="en"><head><title>Story</title></head><body><main>${body}</main></body></html>`;

describe.each(BROWSERS)('%s: a quiet page', (_browserName, launch) => {
  const site = new Site()
    // Names nothing at load; two seconds later its script adds an update that names a body.
    .html(QUIET_THEN_NAMED, page(`<p>The council met on Tuesday to agree its budget for the year.</p>
      <script>setTimeout(() => {
        const p = document.createElement('p');
        p.id = 'update';
        p.textContent = 'Update: officials from the Government Digital Service attended the meeting.';
        document.querySelector('main').append(p);
      }, 2000);</script>`))
    .html(QUIET, page('<p id="roads">The council will resurface three roads in the spring, weather permitting.</p>'))
    // Only a surname, which counts only where the page names the person in full: nothing to show,
    // and no dictionary, until the full name is added.
    .html(CONTEXT_THEN_NAMED, page(`<p>As Mr Javid told councils on Tuesday, the money will follow.</p>
      <script>setTimeout(() => {
        const p = document.createElement('p');
        p.textContent = 'Sajid Javid, the Communities Secretary, confirmed the sum.';
        document.querySelector('main').append(p);
      }, 2000);</script>`));
  let h: Harness;

  beforeAll(async () => {
    h = await launch(site);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lights up a name the page adds after it was found to name nothing', async () => {
    const story = await h.open(QUIET_THEN_NAMED);
    expect((await pageMentions(h, story)).mentions).toEqual([]);
    expect(await codeByFrame(h, story, 'session')).toEqual({ [QUIET_THEN_NAMED]: false });
    await expect.poll(async () => (await highlights(story)).texts.body, { timeout: 15_000, interval: 100 }).toEqual(['Government Digital Service']);
    expect((await pageMentions(h, story)).mentions.map((m) => m.name)).toEqual(['Government Digital Service']);
    expect(await codeByFrame(h, story, 'session')).toEqual({ [QUIET_THEN_NAMED]: true });
  });

  it('shows a surname once the page adds the full name that confirms it', async () => {
    const story = await h.open(CONTEXT_THEN_NAMED);
    expect((await pageMentions(h, story)).mentions).toEqual([]);
    await expect.poll(async () => (await highlights(story)).texts.person.length, { timeout: 15_000, interval: 100 }).toBe(2);
    const persons = (await highlights(story)).texts.person;
    expect(persons).toContain('Sajid Javid');
    expect(persons.some((t) => t !== 'Sajid Javid' && t.endsWith('Javid'))).toBe(true);
  });

  it('offers to record a sentence the reader selects', async () => {
    const quiet = await h.open(QUIET);
    expect((await pageMentions(h, quiet)).mentions).toEqual([]);
    await sleep(500);
    expect(await codeByFrame(h, quiet, 'session')).toEqual({ [QUIET]: false });
    await quiet.bringToFront();
    await quiet.evaluate(selectText, { selector: '#roads', text: 'The council will resurface three roads in the spring' });
    // A selection made by script is the reader's only once their own key press follows it.
    await sleep(300);
    expect(await quiet.uiBox('.record')).toBeNull();
    await quiet.press('Shift');
    await until(() => quiet.uiBox('.record'), Boolean, 'the record button', 15_000);
    await quiet.screenshot('quiet-page-record');
  });
});
