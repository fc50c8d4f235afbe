// What background handlers do to the browser beyond the database: open tabs, tell tabs to
// refresh. Passed in, so handlers can be tested without a browser.

import browser from '../platform/browser';
import type { Envelope } from '../shared/messages';
import { today } from '../shared/today';

export interface BackgroundEffects {
  openTab(url: string): Promise<number | undefined>;
  /** Tells content scripts that claims (and maybe entities) changed; one tab, or all. */
  refreshTabs(dictionary: boolean, tabId?: number): Promise<void>;
  today(): string;
}

export const browserEffects: BackgroundEffects = {
  async openTab(url) {
    return (await browser.tabs.create({ url })).id;
  },
  async refreshTabs(dictionary, tabId) {
    const ids = tabId !== undefined ? [tabId] : (await browser.tabs.query({})).map((t) => t.id).filter((id): id is number => id !== undefined);
    const message = { call: 'page/refresh', payload: { dictionary } } satisfies Envelope<'page/refresh'>;
    // No frameId: every frame of the tab, as each reads its own page (a quiet frame must read its
    // text again with new knowledge). Tabs without our content script have nobody to answer; that is expected.
    await Promise.all(ids.map((id) => browser.tabs.sendMessage(id, message).catch(() => null)));
  },
  today: () => today(),
};
