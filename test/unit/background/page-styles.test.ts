import 'fake-indexeddb/auto';
// 'page/styles': the background adds highlights.css to the asking frame only, and only for a
// content script: a tab's frame, never one of our own pages, never a frame the message names.
import { describe, expect, it, vi } from 'vitest';

const inserted = vi.hoisted(() => [] as unknown[]);
vi.mock('../../../src/platform/browser', () => ({
  default: {
    runtime: { id: 'sound-familiar-test', getURL: (path: string) => `chrome-extension://sound-familiar-test/${path}` },
    scripting: { insertCSS: async (details: unknown) => void inserted.push(details) },
  },
}));

import { openDb } from '../../../src/background/db';
import { DictionaryCache } from '../../../src/background/dictionary-cache';
import { allowBackgroundSender, backgroundHandlers } from '../../../src/background/handlers';
import type { Runtime } from '../../../src/platform/browser';
import { backgroundValidators } from '../../../src/shared/messages';

const TAB = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };

describe('page/styles', () => {
  const db = openDb('page-styles-test');
  const handlers = backgroundHandlers(db, new DictionaryCache(db), Promise.resolve());

  it('adds highlights.css to the sender\'s own frame of its own tab', async () => {
    const sender: Runtime.MessageSender = { id: 'sound-familiar-test', tab: TAB, url: 'https://www.gov.uk/news', frameId: 3 };
    expect(allowBackgroundSender(sender, 'page/styles')).toBe(true);
    await handlers['page/styles']({}, sender);
    expect(inserted).toEqual([{ target: { tabId: 7, frameIds: [3] }, files: ['highlights.css'] }]);
  });

  it('names the asking document where the browser says which it is, so a frame that navigated meanwhile gets nothing', async () => {
    inserted.length = 0;
    const sender = { id: 'sound-familiar-test', tab: TAB, url: 'https://www.gov.uk/news', frameId: 3, documentId: 'doc-1' } as Runtime.MessageSender;
    await handlers['page/styles']({}, sender);
    expect(inserted).toEqual([{ target: { tabId: 7, documentIds: ['doc-1'] }, files: ['highlights.css'] }]);
  });

  it('takes no file, frame or tab from the message', () => {
    expect(backgroundValidators['page/styles']({})).toBe(true);
    for (const bad of [{ files: ['evil.css'] }, { frameId: 0 }, { tabId: 1 }, { css: '*{}' }, null, 'x']) {
      expect(backgroundValidators['page/styles'](bad)).toBe(false);
    }
  });

  it('adds nothing for a sender that is not a content script in a tab\'s frame', async () => {
    inserted.length = 0;
    const popup: Runtime.MessageSender = { id: 'sound-familiar-test', url: 'chrome-extension://sound-familiar-test/popup.html' };
    expect(allowBackgroundSender(popup, 'page/styles')).toBe(false);
    for (const sender of [
      popup,
      { id: 'sound-familiar-test', tab: TAB, url: 'https://www.gov.uk/news' },
      { id: 'sound-familiar-test', tab: TAB, url: 'chrome-extension://sound-familiar-test/welcome.html', frameId: 0 },
    ] as Runtime.MessageSender[]) {
      await expect(handlers['page/styles']({}, sender)).rejects.toThrow('no content-script frame');
    }
    expect(inserted).toEqual([]);
  });
});
