// Recording claims, in Chromium: select a quote, the "Record claim" button, the editor frame
// (prefilled, private from the page, Ctrl+Enter saves, Esc cancels), the claim highlighted again
// after a reload and on the entity's card timeline, re-anchoring on a changed page, late content
// and single-page navigation, names added to the knowledge base, and the claims list.
//
// The Alt+Shift+R shortcut: headless Chromium has no window-level accelerators, so pressing the
// keys in a page never reaches the extension. The command is fired the way Chromium fires it
// after the shortcut: `commands.onCommand` dispatched in the service worker, so the background's
// own listener runs (active-tab lookup, the 'page/record' message, the content script's capture).
// Likewise the right-click item is fired as `contextMenus.onClicked` in the service worker.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, until, waitForCard, waitForHighlight, waitForNoCard } from './support/browsers';
import { launchChromium, type ChromiumHarness } from './support/chromium';
import { ChromiumClaims } from './support/claims-chromium';
import {
  claimHighlightHosts, claimInSharedRegistry, claimTexts, privateMarksOf, waitForPrivateMark, installKeyLogger, keysHeard, liveClaims, QUOTE, REANCHOR_SENTENCE, reanchorVersions, recordClaim,
  selectAndClickRecord, selectContents, selectText, waitForClaims, waitForSession, type StoredClaim,
} from './support/claims-common';
import type { TestPage } from './support/harness';
import { highlights, hover, VIEWPORT } from './support/harness';
import { resultsPath } from './support/paths';
import { fixture, Site } from './support/site';

const JAVID = 'https://www.gov.uk/government/news/javid-calls-for-a-new-vision-for-local-government-digital';
const NOTE = 'Compare the 2013 Local Digital Campaign: same promise?';
const CHANGING = 'https://www.gov.uk/government/news/council-to-publish-its-spending-online';
const LATE = 'https://www.gov.uk/government/news/digital-skills-fund-opens-to-councils';
const LATE_SENTENCE = 'Every council will have a trained digital lead by the end of 2020.';
const SPA_ONE = 'https://www.gov.uk/spa/one';
const SPA_TWO = 'https://www.gov.uk/spa/two';
const SPA_ONE_SENTENCE = 'The county will open its planning data to everyone this autumn.';
const SPA_TWO_SENTENCE = 'Every library will offer free online booking from next April.';
const ALIASES = 'https://www.gov.uk/government/news/council-leaders-question-the-minister';

describe('chromium: recording claims', () => {
  const site = new Site()
    .fixture(JAVID, 'claims-javid.html')
    .fixture(LATE, 'claims-late.html')
    .fixture(SPA_ONE, 'claims-spa.html')
    .fixture(SPA_TWO, 'claims-spa.html')
    .fixture(ALIASES, 'claims-alias.html');
  let h: ChromiumHarness;
  let d: ChromiumClaims;
  let page: TestPage;
  let draftsAfterNames: string[] | undefined;

  beforeAll(async () => {
    h = await launchChromium(site);
    d = new ChromiumClaims(h);
    page = await h.open(JAVID);
    await waitForHighlight(page, 'Sajid Javid');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records a selected quote: editor prefilled, typing unheard by the page, Ctrl+Enter saves, highlighted after reload, on the card timeline', async () => {
    await page.evaluate(installKeyLogger);
    await selectAndClickRecord(d, page, () => page.evaluate(selectContents, '#quote'));
    const editor = await d.editorFrame(page);

    // Prefilled from the selection and the page.
    expect(await editor.locator('blockquote').textContent()).toBe(QUOTE);
    expect(await editor.locator('#claimant').inputValue()).toBe('sajid-javid');
    expect(await editor.locator('.chips .chip').allTextContents()).toEqual(['Government Digital Service×']);
    expect(await editor.locator('#made-on').inputValue()).toBe('2017-11-21'); // article:published_time
    expect(await editor.locator('#deadline').inputValue()).toBe('');
    expect(await editor.locator('.source a').textContent()).toBe('Javid calls for a new vision for local government digital - GOV.UK');
    await page.screenshot('claims-editor');

    // Focus is in the editor, on the claimant; Tab walks the form in reading order to the note.
    expect(await d.tabTo(page, editor, 'note')).toEqual([
      'claimant', 'Remove Government Digital Service', 'entity-search', 'made-on', 'deadline', 'claim-type=promise', 'status', 'note',
    ]);
    await d.type(page, NOTE);
    expect(await editor.locator('#note').inputValue()).toBe(NOTE);
    // Everything typed went to the extension's frame: the page's own listeners heard nothing.
    expect(await page.evaluate(keysHeard)).toEqual([]);

    await page.press('Control+Enter');
    await until(() => d.editorOpen(page), (open) => !open, 'the editor to close');
    // The editor closes on Ctrl+Enter's keydown, so the release of Ctrl may land in the page
    // (it carries nothing typed); anything else would be a leak.
    const modifierRelease = /^keyup:(Control|Meta|Shift|Alt)$/;
    expect((await page.evaluate(keysHeard)).filter((k) => !modifierRelease.test(k))).toEqual([]);
    // Highlighted at once (the frame said "saved")…
    await waitForClaims(page, [QUOTE]);
    // The logger does hear keys pressed in the page itself, so the silence above means something.
    await page.press('x');
    expect(await page.evaluate(keysHeard)).toContain('keydown:x');

    const [claim, ...others] = await liveClaims(d);
    expect(others).toEqual([]);
    expect(claim).toMatchObject<Partial<StoredClaim>>({
      claimant: 'sajid-javid', entities: ['gds'], madeOn: '2017-11-21', note: NOTE, claimType: 'promise', status: 'made', deadline: null,
      pageTitle: 'Javid calls for a new vision for local government digital - GOV.UK',
    });
    expect(claim!.target.source).toBe(JAVID);
    expect(claim!.target.selector[0]).toMatchObject({ exact: QUOTE, prefix: expect.stringMatching(/Mr Javid said: ?$/) });
    expect(await d.call('drafts/list', {})).toEqual([]);

    // …and again after a reload, on exactly the quote.
    await page.reload();
    await waitForClaims(page, [QUOTE]);
    expect(await claimHighlightHosts(page)).toEqual(['quote']);

    // The claimant's card carries the claim on its timeline.
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

    // So does the card of what it concerns.
    await hover(page, await waitForHighlight(page, 'Government Digital Service'));
    const gds = await waitForCard(page, 'Government Digital Service');
    expect(gds.events.filter((e) => e.text.includes('Your claim') && e.text.includes(QUOTE))).toHaveLength(1);
    await page.press('Escape');
    await waitForNoCard(page);

    // Hovering the quote itself (away from any name) opens the claim's own card.
    const quoteStart = await page.evaluate(() => {
      const r = document.createRange();
      const text = document.getElementById('quote')!.firstChild!;
      r.setStart(text, 0);
      r.setEnd(text, 2);
      const b = r.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height };
    });
    await hover(page, quoteStart);
    const claimCard = await waitForCard(page, 'Sajid Javid, 21 Nov 2017');
    expect(claimCard.text).toContain('Your claim');
    expect(claimCard.text).toContain(NOTE);
    expect(await page.hasDialogNamed('Sajid Javid, 21 Nov 2017')).toBe(true);
    await page.press('Escape');
    await waitForNoCard(page);
  });

  it('the record-claim command (Alt+Shift+R) opens the editor on the selection; Escape cancels and keeps nothing', async () => {
    await page.evaluate(selectContents, '#after');
    await d.recordCommand(page);
    const editor = await d.editorFrame(page);
    expect(await editor.locator('blockquote').textContent()).toBe('Councils will be invited to help write it over the coming months, with a first draft expected next summer.');
    // "Mr Javid said:" is still within reach before it, so he is suggested again.
    expect(await editor.locator('#claimant').inputValue()).toBe('sajid-javid');
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
    const [recorded] = (await liveClaims(d)).filter((c) => c.target.source === CHANGING);
    expect(recorded!.target.selector[0].exact).toBe(REANCHOR_SENTENCE);

    // Version 2: a paragraph inserted before it (every position shifts), a word changed in another sentence.
    site.html(CHANGING, v2);
    await story.reload();
    expect(await story.evaluate(() => document.getElementById('opening')!.textContent)).toContain('Wednesday');
    await waitForClaims(story, [REANCHOR_SENTENCE]);
    expect(await claimHighlightHosts(story)).toEqual(['promise']);
    expect((await h.callTab(story, 'page/unplaced', {}))).toEqual({ ok: true, value: [] });

    // Version 3: the sentence is gone. Nothing is highlighted in its place; the claim is kept and listed.
    site.html(CHANGING, v3);
    await story.reload();
    await waitForSession(story);
    const unplaced = await until(() => h.callTab<{ id: string; quote: string }[]>(story, 'page/unplaced', {}), (r) => r.ok && r.value.length > 0, 'the claim to be listed as unplaced');
    expect(unplaced).toEqual({ ok: true, value: [{ id: recorded!.id, quote: REANCHOR_SENTENCE }] });
    expect(await claimTexts(story)).toEqual([]);
    expect(await story.evaluate(claimInSharedRegistry)).toBe(false);
    expect((await liveClaims(d)).map((c) => c.id)).toContain(recorded!.id);

    // The popup says so, with the quote.
    const popup = await h.openPopupFor(story);
    try {
      const section = popup.getByRole('region', { name: 'Claims on this page that could not be placed' });
      await expect.poll(() => section.getByRole('listitem').allTextContents()).toEqual([`“${REANCHOR_SENTENCE}”`]);
      await popup.screenshot({ path: resultsPath('chromium-claims-popup-unplaced.png') });
    } finally {
      await popup.close();
    }
    await story.close();
  });

  it('places a claim on content a script inserts 1.5 s after load', async () => {
    const late = await h.open(LATE);
    await waitForSession(late);
    await until(() => late.evaluate(() => !!document.getElementById('late-claim')), Boolean, 'the late article');
    await recordClaim(d, late, () => late.evaluate(selectContents, '#late-claim'));
    await waitForClaims(late, [LATE_SENTENCE]);

    await late.reload();
    // The session starts well within 1.5 s and has the claim, unplaced, before the article exists…
    await until(() => h.callTab<{ quote: string }[]>(late, 'page/unplaced', {}), (r) => r.ok && r.value.length > 0, 'the claim, unplaced, after reload');
    const early = { article: await late.evaluate(() => !!document.getElementById('late-claim')), claims: (await claimTexts(late)).length };
    expect(early).toEqual({ article: false, claims: 0 });
    expect(await h.callTab(late, 'page/unplaced', {})).toMatchObject({ ok: true, value: [{ quote: LATE_SENTENCE }] });
    // …and places it once the article arrives.
    await waitForClaims(late, [LATE_SENTENCE]);
    expect(await late.evaluate(() => typeof (window as unknown as { __articleInsertedAt?: number }).__articleInsertedAt)).toBe('number');
    expect(await claimHighlightHosts(late)).toEqual(['late-claim']);
    expect(await h.callTab(late, 'page/unplaced', {})).toEqual({ ok: true, value: [] });
    await late.close();
  });

  it('follows a single-page site to another story (history.pushState) and shows its claim without a reload', async () => {
    const spa = await h.open(SPA_ONE);
    await waitForSession(spa);
    await recordClaim(d, spa, () => spa.evaluate(selectContents, '#one-claim'));
    await waitForClaims(spa, [SPA_ONE_SENTENCE]);
    await spa.goto(SPA_TWO);
    await waitForSession(spa);
    await recordClaim(d, spa, () => spa.evaluate(selectContents, '#two-claim'));
    await waitForClaims(spa, [SPA_TWO_SENTENCE]);

    await spa.goto(SPA_ONE);
    await waitForClaims(spa, [SPA_ONE_SENTENCE]);
    await spa.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    // A click on the site's own link: pushState and a new story, same document.
    await h.raw(spa).getByRole('link', { name: 'Story two' }).click();
    expect(spa.url()).toBe(SPA_TWO);
    await waitForClaims(spa, [SPA_TWO_SENTENCE]);
    expect(await claimHighlightHosts(spa)).toEqual(['two-claim']);
    // Back (popstate) to the first story.
    await h.raw(spa).goBack();
    await waitForClaims(spa, [SPA_ONE_SENTENCE]);
    expect(await spa.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await spa.close();
  });

  it('adds names from a selection ("Name to remember"): another name for a known person, and a new person; both detected after reload', async () => {
    const names = await h.open(ALIASES);
    await waitForSession(names);
    expect((await highlights(names)).texts.person).toEqual([]);

    // Right-click → "Add … to Sound Familiar": the editor opens on its "Name to remember" tab.
    await names.evaluate(selectText, { selector: '#alias-line', text: 'Bromsgrove MP' });
    await d.contextMenu(names, 'add-to-knowledge-base');
    let editor = await d.editorFrame(names);
    expect(await editor.getByRole('tab', { name: 'Name to remember' }).getAttribute('aria-selected')).toBe('true');
    expect(await editor.locator('legend').textContent()).toBe('“Bromsgrove MP” is…');
    await editor.getByLabel('another name for').check();
    await editor.getByLabel('Which entity').selectOption('sajid-javid');
    await editor.getByRole('button', { name: 'Add to knowledge base' }).click();
    await until(() => d.editorOpen(names), (open) => !open, 'the editor to close');

    // From the "Record claim" button, switching to the tab: something new, a person.
    await selectAndClickRecord(d, names, () => names.evaluate(selectText, { selector: '#new-name', text: 'Tessa Testperson' }));
    editor = await d.editorFrame(names);
    await editor.getByRole('tab', { name: 'Name to remember' }).click();
    await editor.getByLabel('something new').check();
    expect(await editor.locator('#kb-kind').inputValue()).toBe('person');
    expect(await editor.locator('#kb-name').inputValue()).toBe('Tessa Testperson');
    await editor.locator('#kb-summary').fill('Digital lead at a made-up council.');
    await names.screenshot('claims-name-to-remember');
    await editor.getByRole('button', { name: 'Add to knowledge base' }).click();
    await until(() => d.editorOpen(names), (open) => !open, 'the editor to close');
    // A name is not a claim.
    expect((await liveClaims(d)).filter((c) => c.target.source === ALIASES)).toEqual([]);
    draftsAfterNames = (await d.call<{ target: { selector: [{ exact: string }] } }[]>('drafts/list', {})).map((x) => x.target.selector[0].exact);

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
    const card = await waitForCard(names, 'Tessa Testperson');
    expect(card.text).toContain('Person');
    expect(card.summary).toBe('Digital lead at a made-up council.');
    await names.press('Escape');
    // And on other pages: the alias lights up in the Javid story too.
    await page.reload();
    await waitForPrivateMark(page, 'person', 'Bromsgrove MP');
    await names.close();
  });

  // Regression (found by this suite, fixed in 1d3bf53): saving a name changes the dictionary, and the
  // tab's 'page/refresh' used to restart the page session at once, closing the editor frame before
  // its entity call returned, so the draft was never discarded.
  it('adding a name leaves no draft behind', () => {
    expect(draftsAfterNames).toBeDefined();
    expect(draftsAfterNames!.filter((q) => q === 'Bromsgrove MP' || q === 'Tessa Testperson')).toEqual([]);
  });

  // Regression (found by this suite, fixed in 1d3bf53): the same early restart lost a claim whose
  // claimant is "Someone not listed…": ClaimForm creates the person first (entity/create changes
  // the dictionary), the frame was removed, and its draft/save never ran.
  it('records a claim whose claimant is someone not listed yet (a new person made on save)', async () => {
    const names = await h.open(ALIASES);
    try {
      await waitForSession(names);
      await selectAndClickRecord(d, names, () => names.evaluate(selectContents, '#again'));
      const editor = await d.editorFrame(names);
      await editor.locator('#claimant').selectOption('__new__');
      await editor.locator('#new-claimant').fill('Rosa Reporter');
      await names.press('Control+Enter');
      await until(() => d.editorOpen(names), (open) => !open, 'the editor to close');
      // The person was made…
      const people = await d.call<{ id: string; name: string }[]>('entities/list', {});
      const rosa = people.find((p) => p.name === 'Rosa Reporter');
      expect(rosa?.id).toBeTruthy();
      // …and the claim must be stored with them as its claimant, and highlighted.
      const claims = await until(() => liveClaims(d), (c) => c.some((x) => x.target.source === ALIASES), 'the claim to be stored');
      expect(claims.find((c) => c.target.source === ALIASES)?.claimant).toBe(rosa!.id);
      await waitForClaims(names, ['Tessa Testperson will report back in the spring.']);
      expect(await d.call('drafts/list', {})).toEqual([]);
    } finally {
      await names.close();
    }
  });

  it('the claims list: lists the claim, filters by text, deletes it after an inline confirm; its highlight is gone after reload', async () => {
    const list = await d.openExtensionPage('claims.html');
    try {
      await list.setViewportSize(VIEWPORT);
      const all = (await liveClaims(d)).length;
      expect(all).toBeGreaterThanOrEqual(4);
      await expect.poll(() => list.locator('.count').textContent()).toBe(`${all} of ${all} claims`);
      await expect.poll(() => list.locator('.claim-list blockquote').allTextContents()).toContain(QUOTE);

      const javidClaimId = (await liveClaims(d)).find((c) => c.target.selector[0].exact === QUOTE)!.id;
      await list.getByRole('searchbox', { name: 'Search' }).fill('call to arms');
      await expect.poll(() => list.locator('.count').textContent()).toBe(`1 of ${all} claims`);
      const row = list.getByRole('article', { name: QUOTE });
      expect(await list.locator('.claim-list blockquote').allTextContents()).toEqual([QUOTE]);
      expect(await row.locator('.note').textContent()).toBe(NOTE);
      expect(new URL(list.url()).search).toContain('call');
      await list.screenshot({ path: resultsPath('chromium-claims-list-filtered.png') });

      await row.getByRole('button', { name: /^Delete claim: My department/ }).click();
      const confirm = row.getByRole('group', { name: 'Delete this claim?' });
      // Focus lands on Cancel, so a double Enter cannot delete.
      await expect.poll(() => list.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      expect(await row.getByRole('button', { name: /^Delete claim: My department/ }).count()).toBe(1);
      expect((await liveClaims(d)).length).toBe(all);
      await row.getByRole('button', { name: /^Delete claim: My department/ }).click();
      await confirm.getByRole('button', { name: 'Delete claim' }).click();
      await expect.poll(() => list.getByRole('status').first().textContent()).toBe('Claim deleted.');
      await expect.poll(() => list.locator('.count').textContent()).toBe(`0 of ${all - 1} claims`);
      expect(await list.getByText('No claims match these filters.').count()).toBe(1);

      // Gone from the list, kept as a tombstone (for exports) that carries none of its words.
      expect((await liveClaims(d)).map((c) => c.target.selector[0].exact)).not.toContain(QUOTE);
      const { json } = await d.call<{ json: string }>('sync/export', {});
      const tombstone = (JSON.parse(json) as { claims: { id: string; target?: unknown; soundFamiliar: { deleted?: string } }[] }).claims.find((c) => c.id === `urn:uuid:${javidClaimId}`);
      expect(tombstone?.soundFamiliar.deleted).toMatch(/^\d{4}-/);
      expect(tombstone?.target).toBeUndefined();
      expect(JSON.stringify(tombstone)).not.toContain('call to arms');
      expect(json).not.toContain(NOTE);
    } finally {
      await list.close();
    }

    await page.reload();
    await waitForSession(page);
    await waitForHighlight(page, 'Sajid Javid');
    await sleep(500);
    expect(await claimTexts(page)).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(page.errors).toEqual([]);
  });
});
