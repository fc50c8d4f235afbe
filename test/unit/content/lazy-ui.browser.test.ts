// The card code (content-ui.js) loads only on the reader's need: not for a page that names things
// but has no claims, not for anything the page itself does (synthetic pointer and key events, a
// selection made by script, a name scrolled or shifted under a pointer that has not moved), but on
// the reader's own hover over a name, and at once on a page with claims. Here the loader is a spy handing over the parts directly; the real load (the
// background injecting the file) is covered end to end in both browsers (test/e2e/card.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PageSession } from '../../../src/content/page-session';
import type { Claim } from '../../../src/shared/claims/claim';
import { stubSession } from '../helpers/stub-session';

const SENTENCE = 'The Government Digital Service will publish every council dataset.';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The middle of the word "Digital" in the name, in the viewport. */
function pointOnName(name: HTMLElement): { x: number; y: number } {
  const text = name.firstChild!;
  const at = SENTENCE.indexOf('Digital');
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + 'Digital'.length);
  const r = range.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

const session = (claims: Claim[] = []) => stubSession(claims);

function claimOn(exact: string): Claim {
  return {
    id: 'c-1', type: 'Annotation', motivation: 'assessing', body: [], pageTitle: 'A story', created: 1, modified: 1, rev: '1-a', revs: [],
    target: { source: location.href, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: exact.length }] },
    claimant: null, entities: [], madeOn: '2017-11-21', claimType: 'promise', status: 'made', deadline: null, note: '', tags: [],
  };
}

describe('the card code loads on first need', () => {
  let current: PageSession | undefined;
  afterEach(() => {
    current?.destroy();
    getSelection()?.removeAllRanges();
    document.body.replaceChildren();
  });

  it('is not loaded for a page that names something and has no claims, nor by anything the page does', async () => {
    document.body.innerHTML = `<p><span id="name">${SENTENCE}</span></p>`;
    const { s, loads } = session();
    current = s;
    await s.firstScan;
    await sleep(100);
    expect(s.summary()).toHaveLength(1); // the name is there, and highlighted
    const name = document.getElementById('name')!;
    const point = pointOnName(name);
    // The page's own events: a pointer over the name, a selection by script with a key-up after it.
    for (const type of ['pointermove', 'mousemove']) {
      name.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: point.x, clientY: point.y, pointerType: 'mouse' }));
    }
    const range = document.createRange();
    range.selectNodeContents(name);
    getSelection()!.addRange(range);
    for (const type of ['pointerup', 'keyup', 'dblclick']) document.dispatchEvent(new Event(type, { bubbles: true }));
    await sleep(600);
    expect(loads()).toBe(0);
    // A command from the background with nothing selected needs no card code either.
    getSelection()!.removeAllRanges();
    expect(await s.record('claim')).toBe(false);
    expect(loads()).toBe(0);
  });

  it("is loaded by the reader's own hover over a name, and then shows the card", async () => {
    document.body.innerHTML = `<p><span id="name">${SENTENCE}</span></p>`;
    const { s, loads } = session();
    current = s;
    await s.firstScan;
    const name = document.getElementById('name')!;
    const box = name.getBoundingClientRect();
    const point = pointOnName(name);
    // Onto "Digital", in the name, where the page's pointer events were sent in the test above. The
    // reader's pointer comes from somewhere: one move alone, from a place never seen, cannot be told
    // from the browser's own move at a still pointer (hover.ts), so it arrives in two.
    await userEvent.hover(name, { position: { x: point.x - box.left - 2, y: point.y - box.top }, force: true });
    await userEvent.hover(name, { position: { x: point.x - box.left, y: point.y - box.top }, force: true });
    await expect.poll(loads).toBe(1);
    // Our host (the card's closed shadow root) is put in the page once the card opens.
    await expect.poll(() => document.querySelector(':root > div[style*="2147483647"]')).not.toBeNull();
  });

  it('is not loaded when the page scrolls or shifts a name under a pointer that has not moved', async () => {
    // The pointer rests on blank space (a gap) in a scrolling box; the name is below the gap.
    document.body.innerHTML = `<div id="box" style="height: 300px; overflow: auto"><div id="gap" style="height: 400px"></div>`
      + `<p style="margin: 0"><span id="name">${SENTENCE}</span></p><div style="height: 2000px"></div></div>`;
    const scroller = document.getElementById('box')!;
    const { s, loads } = session();
    current = s;
    await s.firstScan;
    const name = document.getElementById('name')!;
    const gap = document.getElementById('gap')!;
    const point = pointOnName(name);
    const gapBox = gap.getBoundingClientRect();
    const pointer = { x: point.x, y: gapBox.top + 60 };
    for (const dx of [-2, 0]) await userEvent.hover(gap, { position: { x: pointer.x - gapBox.left + dx, y: 60 }, force: true });
    await sleep(300);
    // The page scrolls the name under the still pointer...
    scroller.scrollBy(0, pointOnName(name).y - pointer.y);
    expect(Math.abs(pointOnName(name).y - pointer.y)).toBeLessThan(4);
    await sleep(600);
    expect(loads()).toBe(0);
    // ...and back, then moves it there by layout: the gap above it shrinks. (Browsers may send a
    // trusted pointer move at the same place after a layout change; headless Chromium sent none
    // here, so this half passes on the code before hover.ts checked movement too. The scroll half
    // above fails on it.)
    scroller.scrollTo(0, 0);
    await sleep(300);
    gap.style.height = `${gap.offsetHeight - (pointOnName(name).y - pointer.y)}px`;
    expect(Math.abs(pointOnName(name).y - pointer.y)).toBeLessThan(4);
    await sleep(600);
    expect(loads()).toBe(0);
    expect(document.querySelector(':root > div[style*="2147483647"]')).toBeNull();
    // The reader's own move onto the name (a few pixels along it) does open it: the control.
    const box = name.getBoundingClientRect();
    const now = pointOnName(name);
    await userEvent.hover(name, { position: { x: now.x - box.left + 6, y: now.y - box.top }, force: true });
    await expect.poll(loads).toBe(1);
  });

  it('is loaded at once on a page with claims, to place them', async () => {
    document.body.innerHTML = `<p>${SENTENCE}</p>`;
    // A claim whose quote is gone from the page: only the placer (card code) can tell it is unplaced.
    const { s, loads } = session([claimOn('A sentence this page no longer has.')]);
    current = s;
    await expect.poll(loads).toBe(1);
    await expect.poll(() => s.unplaced().map((c) => c.id)).toEqual(['c-1']);
  });
});
