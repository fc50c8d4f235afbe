// The claims feature gives the keyboard's next/previous-mention walk a stop for each claim it
// placed, so a claim's own card (with its "Edit claim") opens from the keyboard as it does under
// the pointer. The session sorts every feature's stops into document order; here the feature's
// own part: one stop per placed quote, keyed by the claim, leaving out a quote the card could not
// open (its text hidden or gone), which would hold the walk on it.
import { afterEach, describe, expect, it } from 'vitest';
import { startClaims } from '../../../../src/content/features/claims';
import type { PageServices } from '../../../../src/content/features/page-feature';
import { uiParts } from '../../../../src/content/lazy/ui-parts';
import type { Claim } from '../../../../src/shared/claims/claim';

const FIRST = 'Every council will be able to reuse a common booking service.';
const SECOND = 'The office will publish its spending every month.';

function claim(id: string, exact: string, start: number): Claim {
  return {
    id, type: 'Annotation', motivation: 'assessing', body: [], pageTitle: 'A story', created: 1, modified: 1, rev: '1-a', revs: [],
    target: { source: location.href, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start, end: start + exact.length }] },
    claimant: null, entities: [], madeOn: '2017-11-21', claimType: 'promise', status: 'made', deadline: null, note: '', tags: [],
  };
}

/** Starts the feature on a page of two paragraphs, each quoted by one claim; waits for it to place them. */
async function twoClaims(controller: AbortController) {
  document.body.innerHTML = `<p id="one">${FIRST}</p><p id="two">${SECOND}</p>`;
  const text = document.body.textContent!;
  const painted: string[] = [];
  const s = {
    doc: document,
    signal: controller.signal,
    pageDate: undefined,
    painter: { add: (_: string, r: AbstractRange) => void painted.push(String(r)), delete: () => undefined },
    card: { reveal: async () => true, close: () => undefined },
    ui: async () => uiParts,
    backend: {
      // The second paragraph's claim comes first: stops need not be in document order (the session sorts them).
      fetchClaims: async () => ({ claims: [claim('c-2', SECOND, text.indexOf(SECOND)), claim('c-1', FIRST, 0)], reveal: null }),
    },
  } as unknown as PageServices;
  const feature = startClaims(s);
  await feature.ready;
  expect(painted).toHaveLength(2);
  return feature;
}

const textOf = (r: AbstractRange) => {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
};

describe('claims feature: stops for the keyboard walk', () => {
  let controller: AbortController;
  afterEach(() => {
    controller.abort();
    document.body.replaceChildren();
  });

  it('offers each placed claim\'s quote as a stop, keyed by the claim, its range the quote', async () => {
    controller = new AbortController();
    const feature = await twoClaims(controller);
    const stops = feature.stops?.() ?? [];
    expect(stops.map((x) => x.key)).toEqual(['c-2', 'c-1']);
    expect(stops.map((x) => textOf(x.range))).toEqual([SECOND, FIRST]);
    // The same subject the pointer finds: stepping to it and hovering it are the same card.
    expect(feature.at(document.getElementById('one')!.firstChild!, 3)?.key).toBe('c-1');
  });

  it('leaves out a quote whose text is hidden or gone from the page, and takes a hidden one back when shown', async () => {
    controller = new AbortController();
    const feature = await twoClaims(controller);
    const keys = () => (feature.stops?.() ?? []).map((x) => x.key);
    document.getElementById('one')!.style.display = 'none';
    expect(keys()).toEqual(['c-2']);
    document.getElementById('one')!.style.display = '';
    expect(keys()).toEqual(['c-2', 'c-1']);
    document.getElementById('two')!.style.visibility = 'hidden';
    expect(keys()).toEqual(['c-1']);
    document.getElementById('two')!.remove();
    expect(keys()).toEqual(['c-1']);
  });
});
