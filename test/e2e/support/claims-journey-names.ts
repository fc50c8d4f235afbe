// Adding names from a selection ("Name to remember"), in both browsers and by keyboard: another
// name for a known person from the right-click item, a new person from the "Record claim"
// button's editor (switching to its tab); both detected, privately, after reload and elsewhere.

import { expect, it } from 'vitest';
import { until, waitForCard, waitForNoCard } from './browsers';
import { liveClaims, privateMarksOf, selectAndClickRecord, selectText, waitForPrivateMark, waitForSession } from './claims-common';
import { ALIASES, JAVID, type Journey } from './claims-journey-setup';
import type { TestPage } from './harness';
import { highlights, hover } from './harness';

const SUMMARY = 'Digital lead at a made-up council.';

/** The quotes of the drafts the background still holds. */
async function draftQuotes(j: Journey): Promise<string[]> {
  return (await j.d.call<{ target: { selector: [{ exact: string }] } }[]>('drafts/list', {})).map((x) => x.target.selector[0].exact);
}

/** "Bromsgrove MP" is another name for… Sajid Javid: right-click item, then only keys. */
async function addBromsgroveAlias(j: Journey, names: TestPage): Promise<void> {
  const { d } = j;
  await names.evaluate(selectText, { selector: '#alias-line', text: 'Bromsgrove MP' });
  await d.addNameCommand(names);
  await d.editorReady(names);
  // The editor opens on its "Name to remember" tab.
  expect(await d.editor(names, `[...document.querySelectorAll('[role=tab]')].map((t) => t.textContent + '=' + t.getAttribute('aria-selected'))`))
    .toEqual(['Claim=false', 'Name to remember=true']);
  expect(await d.editor(names, 'document.querySelector("legend").textContent')).toBe('“Bromsgrove MP” is…');
  expect(await d.focused(names)).toBe('kb-mode=on');
  await names.press('Tab');
  expect(await d.focused(names)).toBe('Which entity');
  // Type-ahead in the focused list.
  await d.type(names, 'Sajid');
  await until(() => d.editor<string>(names, 'document.querySelector("select").value'), (v) => v === 'sajid-javid', 'Sajid Javid to be chosen');
  expect((await d.tabTo(names, 'Add to knowledge base')).slice(-1)).toEqual(['Add to knowledge base']);
  await names.press('Enter');
  await until(() => d.editorOpen(names), (open) => !open, 'the editor to close');
}

/** "Tessa Testperson" is something new, a person, with a summary: the "Record claim" button, then only keys. */
async function addTessa(j: Journey, names: TestPage): Promise<void> {
  const { d } = j;
  await selectAndClickRecord(d, names, () => names.evaluate(selectText, { selector: '#new-name', text: 'Tessa Testperson' }));
  await d.editorReady(names);
  expect(await d.focused(names)).toBe('claimant');
  // Back from "Who made it" to the tab, and Enter on it: its form takes focus.
  expect(await d.tabTo(names, 'Name to remember', 3, 'Shift+Tab')).toEqual(['claimant', 'Name to remember']);
  await names.press('Enter');
  await until(() => d.focused(names), (f) => f === 'kb-mode=on', 'focus on the first choice');
  expect(await d.editor(names, `document.querySelector('[role=tab][aria-selected=true]').textContent`)).toBe('Name to remember');
  // Arrow key in the radio group: "something new"; a person is the default kind.
  await names.press('ArrowDown');
  await until(() => d.editor<string | null>(names, 'document.getElementById("kb-name")?.value ?? null'), (v) => v === 'Tessa Testperson', 'the new-entity fields');
  expect(await d.editor(names, 'document.getElementById("kb-kind").value')).toBe('person');
  expect(await d.tabTo(names, 'kb-name')).toEqual(['kb-mode=on', 'kb-kind', 'kb-name']);
  await names.press('Tab');
  expect(await d.focused(names)).toBe('kb-summary');
  await d.type(names, SUMMARY);
  await names.screenshot('claims-name-to-remember');
  // Back to the name, and Enter there submits the form (as in any form with a submit button).
  expect(await d.tabTo(names, 'kb-name', 2, 'Shift+Tab')).toEqual(['kb-summary', 'kb-name']);
  await names.press('Enter');
  await until(() => d.editorOpen(names), (open) => !open, 'the editor to close');
}

export function namesTests(j: Journey): void {
  it('adds names from a selection by keyboard ("Name to remember"): another name for a known person, and a new person; both detected after reload and on other pages', async () => {
    const { d } = j;
    const names = await j.open(ALIASES);
    await waitForSession(names);
    expect((await highlights(names)).texts.person).toEqual([]);

    await addBromsgroveAlias(j, names);
    // Regression (found by this suite, fixed in 1d3bf53): saving a name changes the dictionary,
    // and the tab's restart closed the editor before its draft was discarded.
    expect(await draftQuotes(j)).toEqual([]);
    await addTessa(j, names);
    expect(await draftQuotes(j)).toEqual([]);
    // A name is not a claim.
    expect(await liveClaims(d)).toEqual([]);

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
    expect(card.summary).toBe(SUMMARY);
    await names.press('Escape');

    // And on other pages: the alias lights up in the Javid story too.
    const javid = await j.open(JAVID);
    await waitForPrivateMark(javid, 'person', 'Bromsgrove MP');
  });
}
