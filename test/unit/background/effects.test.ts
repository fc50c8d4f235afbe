// Telling tabs that knowledge or claims changed reaches every frame of a tab, not only the top
// one: a quiet iframe must read its text again with new knowledge, and an iframe's session restart.
import { describe, expect, it, vi } from 'vitest';

const sent: { tabId: number; message: unknown; options: unknown }[] = [];
vi.mock('../../../src/platform/browser', () => ({
  default: {
    tabs: {
      query: async () => [{ id: 3 }, { id: 4 }, {}],
      sendMessage: async (tabId: number, message: unknown, options?: unknown) => {
        sent.push({ tabId, message, options });
        if (tabId === 4) throw new Error('Receiving end does not exist.');
      },
    },
  },
}));

import { browserEffects } from '../../../src/background/effects';

describe('browserEffects.refreshTabs', () => {
  it('sends page/refresh to every frame of every tab (no frameId), a tab without our script being no failure', async () => {
    await browserEffects.refreshTabs(true);
    expect(sent).toEqual([
      { tabId: 3, message: { call: 'page/refresh', payload: { dictionary: true } }, options: undefined },
      { tabId: 4, message: { call: 'page/refresh', payload: { dictionary: true } }, options: undefined },
    ]);
    sent.length = 0;
    await browserEffects.refreshTabs(false, 3);
    expect(sent).toEqual([{ tabId: 3, message: { call: 'page/refresh', payload: { dictionary: false } }, options: undefined }]);
  });
});
