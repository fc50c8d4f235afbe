// Right-click entries on a text selection: record it as a claim, or add it to the knowledge base.
// Shown only on the sites the content script runs on, since nothing else could answer.

import browser, { type Menus, type Tabs } from '../platform/browser';
import { tab } from '../platform/tab';

const ITEMS = {
  'record-claim': { title: 'Record “%s” as a claim…', mode: 'claim' },
  'add-to-knowledge-base': { title: 'Add “%s” to Sound Familiar…', mode: 'entity' },
} as const;

/** Creates the menu items; call from runtime.onInstalled (Chromium keeps them across restarts). */
export async function createContextMenus(): Promise<void> {
  const patterns = browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  await browser.contextMenus.removeAll();
  for (const [id, item] of Object.entries(ITEMS)) {
    browser.contextMenus.create({ id, title: item.title, contexts: ['selection'], documentUrlPatterns: patterns });
  }
}

export function listenForContextMenus(): void {
  browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, clicked?: Tabs.Tab) => {
    const item = ITEMS[info.menuItemId as keyof typeof ITEMS];
    if (!item || clicked?.id === undefined) return;
    void tab(clicked.id, 'page/record', { mode: item.mode }, info.frameId ?? 0).catch(() => undefined);
  });
}
