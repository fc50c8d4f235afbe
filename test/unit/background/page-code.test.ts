import 'fake-indexeddb/auto';
// 'page/code': the background injects a part of the content script (the session's code, the card
// code) into the asking frame only, and only for a content script: a tab's frame, never one of our
// own pages, never a frame it names, never a file it names.
import { describe, expect, it, vi } from 'vitest';

const injected = vi.hoisted(() => [] as unknown[]);
vi.mock('../../../src/platform/browser', () => ({
  default: {
    runtime: { id: 'sound-familiar-test', getURL: (path: string) => `chrome-extension://sound-familiar-test/${path}` },
    scripting: { executeScript: async (details: unknown) => void injected.push(details) },
  },
}));

import { openDb } from '../../../src/background/db';
import { DictionaryCache } from '../../../src/background/dictionary-cache';
import { allowBackgroundSender, backgroundHandlers } from '../../../src/background/handlers';
import { backgroundValidators } from '../../../src/shared/messages';
import type { Runtime } from '../../../src/platform/browser';

const TAB = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };

describe('page/code', () => {
  const db = openDb('page-ui-test');
  const handlers = backgroundHandlers(db, new DictionaryCache(db), Promise.resolve());

  it('injects the part asked for into the sender\'s own frame of its own tab', async () => {
    const sender: Runtime.MessageSender = { id: 'sound-familiar-test', tab: TAB, url: 'https://www.gov.uk/news', frameId: 3 };
    expect(allowBackgroundSender(sender, 'page/code')).toBe(true);
    await handlers['page/code']({ part: 'ui' }, sender);
    await handlers['page/code']({ part: 'session' }, sender);
    expect(injected).toEqual([
      { target: { tabId: 7, frameIds: [3] }, files: ['content-ui.js'] },
      { target: { tabId: 7, frameIds: [3] }, files: ['content-session.js'] },
    ]);
  });

  it('takes only the name of one of its parts, never a file', () => {
    const valid = backgroundValidators['page/code'];
    expect(valid({ part: 'session' })).toBe(true);
    for (const bad of [{}, { part: 'content-ui.js' }, { part: '../background.js' }, { part: 'toString' }, { part: 'ui', files: ['x.js'] }, null]) {
      expect(valid(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('names the asking document where the browser says which it is, so a frame that navigated meanwhile gets nothing', async () => {
    injected.length = 0;
    const sender = { id: 'sound-familiar-test', tab: TAB, url: 'https://www.gov.uk/news', frameId: 3, documentId: 'doc-1' } as Runtime.MessageSender;
    await handlers['page/code']({ part: 'session' }, sender);
    expect(injected).toEqual([{ target: { tabId: 7, documentIds: ['doc-1'] }, files: ['content-session.js'] }]);
  });

  it('injects nothing for a sender that is not a content script in a tab\'s frame', async () => {
    injected.length = 0;
    const popup: Runtime.MessageSender = { id: 'sound-familiar-test', url: 'chrome-extension://sound-familiar-test/popup.html' };
    expect(allowBackgroundSender(popup, 'page/code')).toBe(false);
    for (const sender of [
      popup,
      { id: 'sound-familiar-test', tab: TAB, url: 'https://www.gov.uk/news' },
      { id: 'sound-familiar-test', tab: TAB, url: 'chrome-extension://sound-familiar-test/claims.html', frameId: 0 },
    ] as Runtime.MessageSender[]) {
      await expect(handlers['page/code']({ part: 'session' }, sender)).rejects.toThrow('no content-script frame');
    }
    expect(injected).toEqual([]);
  });
});
