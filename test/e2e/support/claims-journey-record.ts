// Recording a claim, in both browsers: the "Record claim" button, the editor frame (prefilled,
// private from the page, Tab order, Ctrl+Enter saves), the claim highlighted again after a
// reload and on the cards; the record command and Escape; a claimant not listed yet.

import { expect, it } from 'vitest';
import { until, waitForCard, waitForHighlight, waitForNoCard } from './browsers';
import {
  claimHighlightHosts, claimTexts, installKeyLogger, keysHeard, liveClaims, QUOTE, selectAndClickRecord, selectContents, waitForClaims, waitForSession, type StoredClaim,
} from './claims-common';
import { AFTER, ALIASES, FOCUS_ORDER, JAVID, NOTE, openJavid, recordJavidQuote, type Journey } from './claims-journey-setup';
import { hover } from './harness';

/** The box of the quote's first two characters (away from any name), to hover the claim itself. */
function quoteStartBox() {
  const r = document.createRange();
  const text = document.getElementById('quote')!.firstChild!;
  r.setStart(text, 0);
  r.setEnd(text, 2);
  const b = r.getBoundingClientRect();
  return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height };
}

export function recordingTests(j: Journey): void {
  it('records a selected quote: editor prefilled, typing unheard by the page, Tab order, Ctrl+Enter saves, highlighted after reload, on the cards', async () => {
    const { d } = j;
    const page = await openJavid(j);
    await page.evaluate(installKeyLogger);
    await selectAndClickRecord(d, page, () => page.evaluate(selectContents, '#quote'));
    await d.editorReady(page);

    // Prefilled from the selection and the page (article:published_time gives the date).
    expect(await d.editor(page, `({
      quote: document.querySelector('blockquote').textContent,
      claimant: document.getElementById('claimant').value,
      chips: [...document.querySelectorAll('.chips .chip')].map((c) => c.textContent),
      madeOn: document.getElementById('made-on').value,
      deadline: document.getElementById('deadline').value,
      source: document.querySelector('.source a').textContent,
    })`)).toEqual({
      quote: QUOTE, claimant: 'sajid-javid', chips: ['Government Digital Service×'], madeOn: '2017-11-21', deadline: '',
      source: 'Javid calls for a new vision for local government digital - GOV.UK',
    });
    await page.screenshot('claims-editor');

    // Focus is in the editor, on the claimant; Tab walks the form in reading order to the note.
    expect(await d.tabTo(page, 'note')).toEqual(FOCUS_ORDER);
    await d.type(page, NOTE);
    expect(await d.editor(page, 'document.getElementById("note").value')).toBe(NOTE);
    // Everything typed went to the extension's frame: the page's own listeners heard nothing.
    expect(await page.evaluate(keysHeard)).toEqual([]);

    await page.press('Control+Enter');
    await until(() => d.editorOpen(page), (open) => !open, 'the editor to close');
    // The editor closes on Ctrl+Enter's keydown while Ctrl is held, and focus goes back to the
    // page, so the page may hear Ctrl released (it carries nothing typed); anything else is a leak.
    expect((await page.evaluate(keysHeard)).filter((k) => k !== 'keyup:Control')).toEqual([]);
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
    await hover(page, await page.evaluate(quoteStartBox));
    const claimCard = await waitForCard(page, 'Sajid Javid, 21 Nov 2017');
    expect(claimCard.text).toContain('Your claim');
    expect(claimCard.text).toContain(NOTE);
    expect(await page.hasDialogNamed('Sajid Javid, 21 Nov 2017')).toBe(true);
    await page.press('Escape');
    await waitForNoCard(page);
  });

  it('the record-claim command (Alt+Shift+R) opens the editor on the selection; Escape cancels and keeps nothing', async () => {
    const { d } = j;
    const page = await openJavid(j);
    // Setup: a claim already recorded, which the cancelled one must leave alone.
    await recordJavidQuote(j, page, QUOTE);

    await page.evaluate(selectContents, '#after');
    await d.recordCommand(page);
    await d.editorReady(page);
    expect(await d.editor(page, 'document.querySelector("blockquote").textContent')).toBe(AFTER);
    // "Mr Javid said:" is still within reach before it, so he is suggested again.
    expect(await d.editor(page, 'document.getElementById("claimant").value')).toBe('sajid-javid');
    await page.press('Escape');
    await until(() => d.editorOpen(page), (open) => !open, 'the editor to close');
    expect(await d.call('drafts/list', {})).toEqual([]);
    expect((await liveClaims(d)).map((c) => c.target.selector[0].exact)).toEqual([QUOTE]);
    expect(await claimTexts(page)).toEqual([QUOTE]);
  });

  // Regression (found by this suite, fixed in 1d3bf53): a page restart on a dictionary change lost
  // a claim whose claimant is "Someone not listed…": ClaimForm creates the person first (that
  // changes the dictionary), the frame was removed, and its draft/save never ran.
  it('records a claim whose claimant is someone not listed yet (a new person made on save)', async () => {
    const { d } = j;
    const names = await j.open(ALIASES);
    await waitForSession(names);
    await selectAndClickRecord(d, names, () => names.evaluate(selectContents, '#again'));
    await d.editorReady(names);
    // By keyboard: type-ahead in the focused "Who made it" list, then Tab to their name.
    expect(await d.focused(names)).toBe('claimant');
    await d.type(names, 'Someone');
    await until(() => d.editor<string>(names, 'document.getElementById("claimant").value'), (v) => v === '__new__', '"Someone not listed…" to be chosen');
    await until(() => d.editor<boolean>(names, '!!document.getElementById("new-claimant")'), Boolean, 'the name field');
    await names.press('Tab');
    expect(await d.focused(names)).toBe('new-claimant');
    await d.type(names, 'Rosa Reporter');
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
  });
}
