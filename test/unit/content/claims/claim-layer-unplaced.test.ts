// @vitest-environment happy-dom
// The page's claims are placed by code loaded on first need (content-ui.js). Until it has placed
// them, or if it could not load, every fetched claim counts as unplaced, so the popup lists it
// rather than dropping it without a word.

import { describe, expect, it } from 'vitest';
import { ClaimLayer } from '../../../../src/content/claims/claim-layer';
import { claim } from '../../ui/claims/claim-fixture';

describe('ClaimLayer: claims whose placer has not loaded', () => {
  it('reports every fetched claim as unplaced when the placer\'s code fails to load', async () => {
    const recorded = [claim(), claim({ quote: 'A second promise on the same page.' })];
    const layer = new ClaimLayer({
      fetchClaims: async () => ({ claims: recorded, reveal: null }),
      placer: () => Promise.reject(new Error('content-ui.js could not be injected')),
    }, new AbortController().signal);
    await expect(layer.load()).rejects.toThrow('could not be injected');
    expect(layer.unplacedClaims().map((c) => c.id)).toEqual(recorded.map((c) => c.id));
  });

  it('reports none for a page without claims', async () => {
    const layer = new ClaimLayer({
      fetchClaims: async () => ({ claims: [], reveal: null }),
      placer: () => Promise.reject(new Error('a page without claims needs no placer')),
    }, new AbortController().signal);
    await layer.load();
    expect(layer.unplacedClaims()).toEqual([]);
  });
});
