// Where a recorded claim is found again, in both browsers: re-anchored on a changed page (and
// listed as unplaced, never misplaced, once its sentence is gone), on content a script adds
// late, and across a single-page site's own navigation.

import { expect, it } from 'vitest';
import { until } from './browsers';
import {
  claimHighlightHosts, claimInSharedRegistry, claimTexts, liveClaims, REANCHOR_SENTENCE, reanchorVersions, recordClaim, selectContents, waitForClaims, waitForSession,
} from './claims-common';
import { CHANGING, LATE, SPA_ONE, SPA_TWO, type Journey } from './claims-journey-setup';
import { fixture } from './site';

const LATE_SENTENCE = 'Every council will have a trained digital lead by the end of 2020.';
const SPA_ONE_SENTENCE = 'The county will open its planning data to everyone this autumn.';
const SPA_TWO_SENTENCE = 'Every library will offer free online booking from next April.';

/** The list items of the popup's region for claims that could not be placed; runs in popup.html. */
const UNPLACED_ITEMS = `(() => {
  const region = [...document.querySelectorAll('section, [role=region]')].find((s) => s.getAttribute('aria-label') === 'Claims on this page that could not be placed'
    || document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent === 'Claims on this page that could not be placed');
  return region ? [...region.querySelectorAll('li')].map((li) => li.textContent) : null;
})()`;

/** The centre of the page's link named `name`, scrolled into view (to click it as a reader would). */
function linkCentre(name: string): { x: number; y: number } | null {
  const link = [...document.querySelectorAll('a')].find((a) => a.textContent?.trim() === name);
  if (!link) return null;
  link.scrollIntoView({ block: 'center' });
  const r = link.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

export function placingTests(j: Journey): void {
  it('re-anchors on a changed page, and lists the claim as unplaced (never misplaced) once its sentence is gone', async () => {
    const { d } = j;
    const { v1, v2, v3 } = reanchorVersions(fixture('claims-reanchor.html'));
    j.site.html(CHANGING, v1);
    const story = await j.open(CHANGING);
    await waitForSession(story);
    await recordClaim(d, story, () => story.evaluate(selectContents, '#promise'));
    await waitForClaims(story, [REANCHOR_SENTENCE]);
    const [recorded, ...others] = await liveClaims(d);
    expect(others).toEqual([]);
    expect(recorded!.target.selector[0].exact).toBe(REANCHOR_SENTENCE);

    // Version 2: a paragraph inserted before it (every position shifts), a word changed in another sentence.
    j.site.html(CHANGING, v2);
    await story.reload();
    expect(await story.evaluate(() => document.getElementById('opening')!.textContent)).toContain('Wednesday');
    await waitForClaims(story, [REANCHOR_SENTENCE]);
    expect(await claimHighlightHosts(story)).toEqual(['promise']);
    expect(await d.h.callTab(story, 'page/unplaced', {})).toEqual({ ok: true, value: [] });

    // Version 3: the sentence is gone. Nothing is highlighted in its place; the claim is kept and listed.
    j.site.html(CHANGING, v3);
    await story.reload();
    await waitForSession(story);
    const unplaced = await until(() => d.h.callTab<{ id: string; quote: string }[]>(story, 'page/unplaced', {}), (r) => r.ok && r.value.length > 0, 'the claim to be listed as unplaced');
    expect(unplaced).toEqual({ ok: true, value: [{ id: recorded!.id, quote: REANCHOR_SENTENCE }] });
    expect(await claimTexts(story)).toEqual([]);
    expect(await story.evaluate(claimInSharedRegistry)).toBe(false);
    expect((await liveClaims(d)).map((c) => c.id)).toEqual([recorded!.id]);

    // The popup says so, with the quote.
    const popup = await d.openTab('popup.html', story);
    try {
      expect(await until(() => popup.evaluate<string[] | null>(UNPLACED_ITEMS), (items) => (items?.length ?? 0) > 0, 'the popup\'s unplaced claims')).toEqual([`“${REANCHOR_SENTENCE}”`]);
      await popup.screenshot('claims-popup-unplaced');
    } finally {
      await popup.close();
    }
  });

  it('places a claim on content a script inserts 1.5 s after load', async () => {
    const { d } = j;
    const late = await j.open(LATE);
    await waitForSession(late);
    await until(() => late.evaluate(() => !!document.getElementById('late-claim')), Boolean, 'the late article');
    await recordClaim(d, late, () => late.evaluate(selectContents, '#late-claim'));
    await waitForClaims(late, [LATE_SENTENCE]);

    await late.reload();
    // The session starts well within 1.5 s and has the claim, unplaced, before the article exists…
    await until(() => d.h.callTab<{ quote: string }[]>(late, 'page/unplaced', {}), (r) => r.ok && r.value.length > 0, 'the claim, unplaced, after reload');
    const early = { article: await late.evaluate(() => !!document.getElementById('late-claim')), claims: (await claimTexts(late)).length };
    expect(early).toEqual({ article: false, claims: 0 });
    expect(await d.h.callTab(late, 'page/unplaced', {})).toMatchObject({ ok: true, value: [{ quote: LATE_SENTENCE }] });
    // …and places it once the article arrives.
    await waitForClaims(late, [LATE_SENTENCE]);
    expect(await late.evaluate(() => typeof (window as unknown as { __articleInsertedAt?: number }).__articleInsertedAt)).toBe('number');
    expect(await claimHighlightHosts(late)).toEqual(['late-claim']);
    expect(await d.h.callTab(late, 'page/unplaced', {})).toEqual({ ok: true, value: [] });
  });

  it('follows a single-page site to another story (history.pushState) and shows its claim without a reload', async () => {
    const { d } = j;
    const spa = await j.open(SPA_ONE);
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
    const link = await spa.evaluate(linkCentre, 'Story two');
    expect(link).not.toBeNull();
    await spa.click(link!.x, link!.y);
    await until(async () => spa.url(), (u) => u === SPA_TWO, 'the address to be story two');
    await waitForClaims(spa, [SPA_TWO_SENTENCE]);
    expect(await claimHighlightHosts(spa)).toEqual(['two-claim']);
    // Back (popstate) to the first story.
    await d.back(spa);
    await waitForClaims(spa, [SPA_ONE_SENTENCE]);
    expect(await spa.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });
}
