// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://ext.example/welcome.html", "settings": { "disableJavaScriptFileLoading": true } }
// On our own welcome page content.js runs as a script of our origin, and loads a part with a
// script element of its own (src/content/lazy/load-part.ts). Here "our origin" is the page's, and
// happy-dom loads no script file: each element fails, or loads once the test says so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestPartScript } from '../../../../src/content/lazy/load-part';

const scope = globalThis as { chrome?: unknown; happyDOM?: { settings: { handleDisabledFileLoadingAsSuccess: boolean } } };
const partScripts = () => document.head.querySelectorAll('script[src="https://ext.example/content-session.js"]');

beforeEach(() => {
  scope.chrome = { runtime: { id: 'ext', getURL: (path: string) => `https://ext.example/${path}` } };
});
afterEach(() => {
  scope.happyDOM!.settings.handleDisabledFileLoadingAsSuccess = false;
  document.head.replaceChildren();
  delete scope.chrome;
  vi.restoreAllMocks();
});

describe('a part asked for on our own page', () => {
  it('is loaded by a script element of ours, not asked of the background', async () => {
    scope.happyDOM!.settings.handleDisabledFileLoadingAsSuccess = true;
    const askBackground = vi.fn(async () => null);
    await requestPartScript('session', askBackground);
    expect(askBackground).not.toHaveBeenCalled();
    expect(partScripts()).toHaveLength(1);
  });

  it('leaves no failed script element behind: a retry adds its own, and the page holds one', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // happy-dom's word on each failure
    await expect(requestPartScript('session', async () => null)).rejects.toThrow('content-session.js did not load');
    expect(partScripts()).toHaveLength(0);

    scope.happyDOM!.settings.handleDisabledFileLoadingAsSuccess = true;
    await requestPartScript('session', async () => null);
    expect(partScripts()).toHaveLength(1);
  });
});
