// Recording claims, in Firefox: the same journeys as claims.chromium.test.ts where Firefox can be
// driven. The editor is an extension-origin frame that WebDriver BiDi shows as about:blank, so it
// is driven the way a keyboard user drives it (focus lands on "Who made it"; Tab; type; Ctrl+Enter;
// Esc) and only READ over the Remote Debugging Protocol, to check what it shows and where focus is.
//
// Alt+Shift+R and the right-click items: headless Firefox has no window-level shortcut handling
// and no way to dispatch a command or menu event, so the background page (over RDP) sends the tab
// the very message its command and context-menu listeners send: 'page/record' with the mode.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until, waitForCard, waitForHighlight, waitForNoCard } from './support/browsers';
import {
  claimHighlightHosts, claimTexts, privateMarksOf, waitForPrivateMark, installKeyLogger, keysHeard, liveClaims, QUOTE, REANCHOR_SENTENCE, reanchorVersions, recordClaim,
  selectAndClickRecord, selectContents, selectText, waitForClaims, waitForSession, type StoredClaim,
} from './support/claims-common';
import { FirefoxClaims } from './support/claims-firefox';
import { launchFirefox, type FirefoxHarness } from './support/firefox';
import type { TestPage } from './support/harness';
import { highlights, hover } from './support/harness';
import { fixture, Site } from './support/site';

const JAVID = 'https://www.gov.uk/government/news/javid-calls-for-a-new-vision-for-local-government-digital';
const CHANGING = 'https://www.gov.uk/government/news/council-to-publish-its-spending-online';
const ALIASES = 'https://www.gov.uk/government/news/council-leaders-question-the-minister';
const NOTE = 'Compare the 2013 Local Digital Campaign: same promise?';
const FOCUS_ORDER = ['claimant', 'Remove Government Digital Service', 'entity-search', 'made-on', 'deadline', 'claim-type=promise', 'status', 'note'];

describe('firefox: recording claims', () => {
  const site = new Site().fixture(JAVID, 'claims-javid.html').fixture(ALIASES, 'claims-alias.html');
  let h: FirefoxHarness;
  let d: FirefoxClaims;
  let page: TestPage;

  beforeAll(async () => {
    h = await launchFirefox(site);
    d = await FirefoxClaims.attach(h);
    page = await h.open(JAVID);
    await waitForHighlight(page, 'Sajid Javid');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records a selected quote by keyboard: editor prefilled, typing unheard by the page, Ctrl+Enter saves, highlighted after reload, on the card timeline', async () => {
    await page.evaluate(installKeyLogger);
    await selectAndClickRecord(d, page, () => page.evaluate(selectContents, '#quote'));
    await d.editorReady(page);

    // What the editor shows, read from its frame.
    const shown = await d.editor<Record<string, unknown>>(`({
      quote: document.querySelector('blockquote').textContent,
      claimant: document.getElementById('claimant').value,
      chips: [...document.querySelectorAll('.chips .chip')].map((c) => c.textContent),
      madeOn: document.getElementById('made-on').value,
      deadline: document.getElementById('deadline').value,
    })`);
    expect(shown).toEqual({ quote: QUOTE, claimant: 'sajid-javid', chips: ['Government Digital Service×'], madeOn: '2017-11-21', deadline: '' });
    await page.screenshot('claims-editor');

    // Keyboard only: Tab from "Who made it" to the note, type, Ctrl+Enter.
    expect(await d.tabTo(page, 'note')).toEqual(FOCUS_ORDER);
    await d.type(page, NOTE);
    expect(await d.editor('document.getElementById("note").value')).toBe(NOTE);
    expect(await page.evaluate(keysHeard)).toEqual([]);
    await page.press('Control+Enter');
    await until(() => d.editorOpen(page), (open) => !open, 'the editor to close');
    // Ctrl+Enter closes the editor while Ctrl is still held, and focus goes back to the page, so
    // the page hears Ctrl being released (and only that: nothing typed, not even the Enter).
    expect((await page.evaluate(keysHeard)).filter((e) => e !== 'keyup:Control')).toEqual([]);
    await waitForClaims(page, [QUOTE]);
    // The logger does hear keys pressed in the page itself, so the silence above means something.
    await page.press('x');
    expect(await page.evaluate(keysHeard)).toContain('keydown:x');

    const [claim, ...others] = await liveClaims(d);
    expect(others).toEqual([]);
    expect(claim).toMatchObject<Partial<StoredClaim>>({
      claimant: 'sajid-javid', entities: ['gds'], madeOn: '2017-11-21', note: NOTE, claimType: 'promise', status: 'made', deadline: null,
    });
    expect(claim!.target.source).toBe(JAVID);
    expect(claim!.target.selector[0].exact).toBe(QUOTE);
    expect(await d.call('drafts/list', {})).toEqual([]);

    await page.reload();
    await waitForClaims(page, [QUOTE]);
    expect(await claimHighlightHosts(page)).toEqual(['quote']);

    await hover(page, await waitForHighlight(page, 'Sajid Javid'));
    const card = await waitForCard(page, 'Sajid Javid');
    expect(await page.hasDialogNamed('Sajid Javid')).toBe(true);
    const mine = card.events.filter((e) => e.text.includes('Your claim'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ date: '21 Nov 2017', datetime: '2017-11-21' });
    expect(mine[0]!.text).toContain(`“${QUOTE}”`);
    expect(mine[0]!.text).toContain(`Note: ${NOTE}`);
    await page.screenshot('claims-card-timeline');
    await page.press('Escape');
    await waitForNoCard(page);
  });

  it('the record-claim command\'s message opens the editor on the selection; Escape cancels and keeps nothing', async () => {
    await page.evaluate(selectContents, '#after');
    expect(await h.callTab(page, 'page/record', { mode: 'claim' })).toEqual({ ok: true, value: true });
    await d.editorReady(page);
    expect(await d.editor('document.querySelector("blockquote").textContent')).toBe('Councils will be invited to help write it over the coming months, with a first draft expected next summer.');
    await page.press('Escape');
    await until(() => d.editorOpen(page), (open) => !open, 'the editor to close');
    expect(await d.call('drafts/list', {})).toEqual([]);
    expect((await liveClaims(d)).map((c) => c.target.selector[0].exact)).toEqual([QUOTE]);
    expect(await claimTexts(page)).toEqual([QUOTE]);
  });

  it('re-anchors on a changed page, and lists the claim as unplaced (never misplaced) once its sentence is gone', async () => {
    const { v1, v2, v3 } = reanchorVersions(fixture('claims-reanchor.html'));
    site.html(CHANGING, v1);
    const story = await h.open(CHANGING);
    await waitForSession(story);
    await recordClaim(d, story, () => story.evaluate(selectContents, '#promise'));
    await waitForClaims(story, [REANCHOR_SENTENCE]);
    const recorded = (await liveClaims(d)).find((c) => c.target.source === CHANGING)!;
    expect(recorded.target.selector[0].exact).toBe(REANCHOR_SENTENCE);

    site.html(CHANGING, v2);
    await story.reload();
    expect(await story.evaluate(() => document.getElementById('opening')!.textContent)).toContain('Wednesday');
    await waitForClaims(story, [REANCHOR_SENTENCE]);
    expect(await claimHighlightHosts(story)).toEqual(['promise']);

    site.html(CHANGING, v3);
    await story.reload();
    await waitForSession(story);
    const unplaced = await until(() => h.callTab<{ id: string; quote: string }[]>(story, 'page/unplaced', {}), (r) => r.ok && r.value.length > 0, 'the claim to be listed as unplaced');
    expect(unplaced).toEqual({ ok: true, value: [{ id: recorded.id, quote: REANCHOR_SENTENCE }] });
    expect(await claimTexts(story)).toEqual([]);
    expect((await liveClaims(d)).map((c) => c.id)).toContain(recorded.id);
    await story.close();
  });

  it('adds names from a selection by keyboard ("Name to remember"): another name for Sajid Javid, and a new person; both detected after reload', async () => {
    const names = await h.open(ALIASES);
    await waitForSession(names);
    expect((await highlights(names)).texts.person).toEqual([]);

    // "Bromsgrove MP" is another name for… (type-ahead in the focused list) Sajid Javid.
    await names.evaluate(selectText, { selector: '#alias-line', text: 'Bromsgrove MP' });
    expect(await h.callTab(names, 'page/record', { mode: 'entity' })).toEqual({ ok: true, value: true });
    await d.editorReady(names);
    expect(await d.editor('document.querySelector("legend").textContent')).toBe('“Bromsgrove MP” is…');
    expect(await d.focused()).toBe('kb-mode=on');
    await names.press('Tab');
    expect(await d.focused()).toBe('Which entity');
    await d.type(names, 'Sajid');
    await until(() => d.editor<string>('document.querySelector("select").value'), (v) => v === 'sajid-javid', 'Sajid Javid to be chosen');
    expect((await d.tabTo(names, 'Add to knowledge base')).slice(-1)).toEqual(['Add to knowledge base']);
    await names.press('Enter');
    await until(() => d.editorOpen(names), (open) => !open, 'the editor to close');

    // "Tessa Testperson" is something new (arrow key in the radio group), a person (the default).
    await names.evaluate(selectText, { selector: '#new-name', text: 'Tessa Testperson' });
    expect(await h.callTab(names, 'page/record', { mode: 'entity' })).toEqual({ ok: true, value: true });
    await d.editorReady(names);
    await names.press('ArrowDown');
    await until(() => d.editor<string | null>('document.getElementById("kb-name")?.value ?? null'), (v) => v === 'Tessa Testperson', 'the new-entity fields');
    expect(await d.editor('document.getElementById("kb-kind").value')).toBe('person');
    expect(await d.tabTo(names, 'kb-name')).toEqual(['kb-mode=on', 'kb-kind', 'kb-name']);
    await names.press('Enter');
    await until(() => d.editorOpen(names), (open) => !open, 'the editor to close');
    // A name is not a claim, and leaves no draft behind (regression: see claims.chromium.test.ts).
    expect((await liveClaims(d)).filter((c) => c.target.source === ALIASES)).toEqual([]);
    expect(await d.call('drafts/list', {})).toEqual([]);

    await names.reload();
    // The reader's own names are drawn privately, never in the page's highlight registry.
    await until(async () => (await privateMarksOf(names, 'person')).map((m) => m.text), (p) => JSON.stringify(p) === JSON.stringify(['Bromsgrove MP', 'Tessa Testperson', 'Tessa Testperson']), 'the new names as people');
    expect((await highlights(names)).texts.person ?? []).not.toContain('Tessa Testperson');
    expect((await highlights(names)).texts.person ?? []).not.toContain('Bromsgrove MP');
    await hover(names, await waitForPrivateMark(names, 'person', 'Bromsgrove MP'));
    await waitForCard(names, 'Sajid Javid');
    await names.press('Escape');
    await waitForNoCard(names);
    await hover(names, await waitForPrivateMark(names, 'person', 'Tessa Testperson'));
    expect((await waitForCard(names, 'Tessa Testperson')).text).toContain('Person');
    await names.close();
  });

  it('raised no page errors', () => {
    expect(page.errors).toEqual([]);
  });
});
