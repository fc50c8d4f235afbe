import 'fake-indexeddb/auto';
// 'page/step-tab': a card's Previous/Next at its frame's end walks on through the tab's frames,
// as the keyboard commands do. Only our content script in a tab's frame may ask; the walk runs in
// the sender's own tab from the sender's own frame (nothing in the message names either), and the
// frames it asks are those of that tab.
import { describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => [] as { tabId: number; frameId: number; payload: unknown }[]);
/** Per frame id, what it answers to 'page/step' (frame 3 shows the card, at its last stop). */
const answers = vi.hoisted(() => new Map<number, string>());
vi.mock('../../../src/platform/browser', () => ({
  default: {
    runtime: { id: 'sound-familiar-test', getURL: (path: string) => `chrome-extension://sound-familiar-test/${path}` },
    scripting: {
      // Three frames: the top (0), frame 3 at [0], frame 5 at [1]; none hidden.
      executeScript: async () => [
        { frameId: 0, result: { path: [], hidden: [] } },
        { frameId: 5, result: { path: [1], hidden: [] } },
        { frameId: 3, result: { path: [0], hidden: [] } },
      ],
    },
    tabs: {
      sendMessage: async (tabId: number, message: { payload: { from: string } }, { frameId }: { frameId: number }) => {
        sent.push({ tabId, frameId, payload: message.payload });
        return { ok: true, value: message.payload.from === 'shown' ? (frameId === 3 ? 'end' : 'idle') : answers.get(frameId) ?? 'idle' };
      },
    },
  },
}));

import { openDb } from '../../../src/background/db';
import { DictionaryCache } from '../../../src/background/dictionary-cache';
import { allowBackgroundSender, backgroundHandlers } from '../../../src/background/handlers';
import type { Runtime } from '../../../src/platform/browser';
import { backgroundValidators } from '../../../src/shared/messages';

const TAB = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };

describe('page/step-tab', () => {
  const db = openDb('page-step-tab-test');
  const handlers = backgroundHandlers(db, new DictionaryCache(db), Promise.resolve());

  it('walks on from the asking frame, first asking it (it shows the card), then the next frame that way', async () => {
    sent.length = 0;
    answers.set(5, 'moved');
    const sender: Runtime.MessageSender = { id: 'sound-familiar-test', tab: TAB, url: 'https://www.gov.uk/embedded', frameId: 3 };
    expect(allowBackgroundSender(sender, 'page/step-tab')).toBe(true);
    await expect(handlers['page/step-tab']({ direction: 1 }, sender)).resolves.toBe(true);
    expect(sent).toEqual([
      { tabId: 7, frameId: 3, payload: { direction: 1, from: 'shown' } },
      { tabId: 7, frameId: 5, payload: { direction: 1, from: 'edge' } },
    ]);
  });

  it('goes back the other way from the asking frame: the frame before it, the top', async () => {
    sent.length = 0;
    answers.clear();
    answers.set(0, 'moved');
    const sender: Runtime.MessageSender = { id: 'sound-familiar-test', tab: TAB, url: 'https://www.gov.uk/embedded', frameId: 3 };
    await expect(handlers['page/step-tab']({ direction: -1 }, sender)).resolves.toBe(true);
    expect(sent.map((s) => `${s.frameId}:${(s.payload as { from: string }).from}`)).toEqual(['3:shown', '0:edge']);
  });

  it('takes no tab, frame or place from the message', () => {
    expect(backgroundValidators['page/step-tab']({ direction: 1 })).toBe(true);
    for (const bad of [{ direction: 2 }, { direction: 1, frameId: 0 }, { direction: 1, tabId: 1 }, { direction: 1, from: 'edge' }, {}, null, 'next']) {
      expect(backgroundValidators['page/step-tab'](bad)).toBe(false);
    }
  });

  it('walks nothing for a sender that is not a content script in a tab\'s frame', async () => {
    sent.length = 0;
    const popup: Runtime.MessageSender = { id: 'sound-familiar-test', url: 'chrome-extension://sound-familiar-test/popup.html' };
    expect(allowBackgroundSender(popup, 'page/step-tab')).toBe(false);
    for (const sender of [
      popup,
      { id: 'sound-familiar-test', tab: TAB, url: 'https://www.gov.uk/news' },
      { id: 'sound-familiar-test', tab: TAB, url: 'chrome-extension://sound-familiar-test/welcome.html', frameId: 0 },
    ] as Runtime.MessageSender[]) {
      await expect(handlers['page/step-tab']({ direction: 1 }, sender)).rejects.toThrow('no content-script frame');
    }
    expect(sent).toEqual([]);
  });
});
