// Only the background may ask a frame for its part of a keyboard step (background-sender.ts): the
// popup, an extension page framed in a tab, a page, and look-alike addresses are all refused.
import { afterEach, describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { isBackground } from '../../../src/platform/background-sender';

const scope = globalThis as { chrome?: unknown };
afterEach(() => delete scope.chrome);

function ourRuntime(origin: string): void {
  scope.chrome = { runtime: { id: 'ext', getURL: (path: string) => `${origin}${path}` } };
}

const sender = (s: Partial<Runtime.MessageSender>) => ({ id: 'ext', ...s }) as Runtime.MessageSender;

describe('isBackground', () => {
  it('takes Chromium\'s service worker and Firefox\'s generated background page', () => {
    ourRuntime('chrome-extension://ext/');
    expect(isBackground(sender({ url: 'chrome-extension://ext/background.js' }))).toBe(true);
    ourRuntime('moz-extension://0b1c/');
    expect(isBackground(sender({ url: 'moz-extension://0b1c/_generated_background_page.html' }))).toBe(true);
  });

  it('refuses our other pages, anything in a tab, and addresses that only look like ours', () => {
    ourRuntime('chrome-extension://ext/');
    for (const url of ['chrome-extension://ext/popup.html', 'chrome-extension://ext/options.html', 'chrome-extension://ext/background.js?x',
      'chrome-extension://ext.evil/background.js', 'chrome-extension://other/background.js', 'https://www.gov.uk/background.js', undefined]) {
      expect(isBackground(sender({ url })), String(url)).toBe(false);
    }
    expect(isBackground(sender({ url: 'chrome-extension://ext/background.js', tab: { id: 1 } as Runtime.MessageSender['tab'] }))).toBe(false);
  });
});
