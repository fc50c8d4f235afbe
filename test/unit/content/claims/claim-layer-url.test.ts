// @vitest-environment happy-dom
// A single-page site changes URL with history.pushState, which an isolated content script cannot
// see: the claims layer hears it through the Navigation API where the browser has one, and by
// comparing the URL when the page's DOM changes where it does not (no polling: an idle page costs
// nothing). Either way it loads the new page's claims.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClaimLayer } from '../../../../src/content/claims/claim-layer';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function layerOn(controller: AbortController) {
  const fetched: string[] = [];
  const layer = new ClaimLayer({
    fetchClaims: async (url) => {
      fetched.push(new URL(url).pathname);
      return { claims: [], reveal: null };
    },
    // No claims on these pages: the placer (and its code) is never asked for.
    placer: () => Promise.reject(new Error('a page without claims needs no placer')),
  }, controller.signal);
  return { layer, fetched };
}

describe('ClaimLayer: single-page URL changes', () => {
  let controller: AbortController;
  afterEach(() => {
    controller.abort();
    delete (window as { navigation?: unknown }).navigation;
    history.replaceState(null, '', '/');
  });

  it('loads the new page\'s claims on the Navigation API\'s event, with no timer running', async () => {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
    controller = new AbortController();
    const { layer, fetched } = layerOn(controller);
    await layer.load();
    history.pushState(null, '', '/story/two');
    await sleep(1100);
    expect(fetched).toEqual(['/']); // no once-a-second check noticed it
    navigation.dispatchEvent(new Event('currententrychange'));
    await sleep(0);
    expect(fetched).toEqual(['/', '/story/two']);
  });

  it('notices a pushState when the site then shows the new story, where there is no Navigation API', async () => {
    controller = new AbortController();
    const { layer, fetched } = layerOn(controller);
    await layer.load();
    history.pushState(null, '', '/story/three');
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'The next story.' }));
    await sleep(50);
    expect(fetched).toEqual(['/', '/story/three']);
  });

  it('sets no timer while the page is idle (it used to compare the URL once a second)', async () => {
    controller = new AbortController();
    const timers = vi.spyOn(window, 'setInterval');
    const { layer } = layerOn(controller);
    await layer.load();
    await sleep(1100);
    expect(timers).not.toHaveBeenCalled();
    timers.mockRestore();
  });
});
