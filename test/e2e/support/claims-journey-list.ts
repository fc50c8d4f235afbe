// The claims list, in both browsers: it lists the reader's claims, filters them by text (the
// filter kept in the address), and deletes one after an inline confirm; the deleted claim stays
// only as a tombstone without its words, and its highlight is gone from its page.

import { expect, it } from 'vitest';
import { sleep, until, waitForHighlight } from './browsers';
import { claimTexts, liveClaims, QUOTE, selectContents, waitForSession } from './claims-common';
import { clickOn, FOCUSED, type ExtensionTab } from './claims-journey-driver';
import { ALIASES, NOTE, openJavid, recordJavidQuote, recordWithNote, type Journey } from './claims-journey-setup';

const AGAIN = 'Tessa Testperson will report back in the spring.';
const AGAIN_NOTE = 'Ask in the spring.';

interface ListView {
  count: string | null;
  quotes: string[];
  /** The note of the row named after the Javid quote. */
  note: string | null;
  status: string | null;
  empty: string | null;
  search: string;
  /** What the Javid row's inline confirm offers, if it is asking. */
  confirm: string[] | null;
}

const READ_LIST = `(() => {
  const clean = (n) => (n?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const row = [...document.querySelectorAll('article')].find((a) => clean(document.getElementById(a.getAttribute('aria-labelledby'))) === ${JSON.stringify(QUOTE)});
  const group = row && [...row.querySelectorAll('[role=group]')].find((g) => clean(document.getElementById(g.getAttribute('aria-labelledby'))) === 'Delete this claim?');
  return {
    count: clean(document.querySelector('.count')) || null,
    quotes: [...document.querySelectorAll('.claim-list blockquote')].map(clean),
    note: row ? clean(row.querySelector('.note')) : null,
    status: clean(document.querySelector('[role=status]')) || null,
    empty: [...document.querySelectorAll('p, h2, h3')].map(clean).find((t) => t === 'No claims match these filters.') ?? null,
    search: location.search,
    confirm: group ? [...group.querySelectorAll('button')].map(clean) : null,
  };
})()`;

const read = (list: ExtensionTab) => list.evaluate<ListView>(READ_LIST);
const DELETE_JAVID = /^Delete claim: My department/;

export function listTests(j: Journey): void {
  it('the claims list: lists the claims, filters by text, deletes one after an inline confirm; its highlight is gone after reload', async () => {
    const { d } = j;
    // Setup: two claims, the Javid quote with NOTE and one on another story.
    const page = await openJavid(j);
    await recordJavidQuote(j, page, QUOTE);
    const other = await j.open(ALIASES);
    await waitForSession(other);
    await recordWithNote(j, other, () => other.evaluate(selectContents, '#again'), AGAIN, AGAIN_NOTE);
    await other.close();
    const all = 2;
    expect(await liveClaims(d)).toHaveLength(all);
    const javidClaimId = (await liveClaims(d)).find((c) => c.target.selector[0].exact === QUOTE)!.id;

    const list = await d.openTab('claims.html');
    try {
      await list.bringToFront();
      await until(() => read(list), (v) => v.count === `${all} of ${all} claims`, 'the list');
      expect((await read(list)).quotes.sort()).toEqual([QUOTE, AGAIN].sort());

      // A real click in the search box, and typing.
      await clickOn(list, 'input[type=search]');
      await list.type('call to arms');
      await until(() => read(list), (v) => v.count === `1 of ${all} claims`, 'the filtered count');
      const filtered = await read(list);
      expect(filtered.quotes).toEqual([QUOTE]);
      expect(filtered.note).toBe(NOTE);
      expect(filtered.search).toContain('call');
      await list.screenshot('claims-list-filtered');

      await clickOn(list, 'button', (await list.evaluate<string>(`[...document.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? '').find((l) => ${DELETE_JAVID.toString()}.test(l))`)));
      expect((await until(() => read(list), (v) => v.confirm !== null, 'the inline confirm')).confirm).toEqual(['Delete claim', 'Cancel']);
      // Focus lands on Cancel, so a double Enter cannot delete.
      await until(() => list.evaluate<string>(FOCUSED), (f) => f === 'Cancel', 'focus on Cancel');
      await clickOn(list, '[role=group] button', 'Cancel');
      await until(() => read(list), (v) => v.confirm === null, 'the confirm to go');
      expect(await list.evaluate<number>(`[...document.querySelectorAll('button')].filter((b) => ${DELETE_JAVID.toString()}.test(b.getAttribute('aria-label') ?? '')).length`)).toBe(1);
      expect(await liveClaims(d)).toHaveLength(all);
      await clickOn(list, 'button', (await list.evaluate<string>(`[...document.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? '').find((l) => ${DELETE_JAVID.toString()}.test(l))`)));
      await until(() => read(list), (v) => v.confirm !== null, 'the inline confirm');
      await clickOn(list, '[role=group] button', 'Delete claim');
      await until(() => read(list), (v) => v.status === 'Claim deleted.', 'the deletion');
      await until(() => read(list), (v) => v.count === '0 of 1 claim', 'the count after deleting');
      expect((await read(list)).empty).toBe('No claims match these filters.');
    } finally {
      await list.close();
    }

    // Gone from the list, kept as a tombstone (for exports) that carries none of its words.
    expect((await liveClaims(d)).map((c) => c.target.selector[0].exact)).toEqual([AGAIN]);
    const { json } = await d.call<{ json: string }>('sync/export', {});
    const tombstone = (JSON.parse(json) as { claims: { id: string; target?: unknown; soundFamiliar: { deleted?: string } }[] }).claims.find((c) => c.id === `urn:uuid:${javidClaimId}`);
    expect(tombstone?.soundFamiliar.deleted).toMatch(/^\d{4}-/);
    expect(tombstone?.target).toBeUndefined();
    expect(JSON.stringify(tombstone)).not.toContain('call to arms');
    expect(json).not.toContain(NOTE);

    await page.reload();
    await waitForSession(page);
    await waitForHighlight(page, 'Sajid Javid');
    await sleep(500);
    expect(await claimTexts(page)).toEqual([]);
  });
}
