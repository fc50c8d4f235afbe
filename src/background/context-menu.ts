// Right-click entries on a text selection: record it as a claim, or add it to the knowledge base.
// Shown only on the sites the content script runs on (the built-in list and the reader's own),
// since nothing else could answer.

import browser, { type Menus, type Tabs } from '../platform/browser';
import { listedSitePatterns, registeredSiteOrigins } from '../platform/site-scripts';
import { tab } from '../platform/tab';

const ITEMS = {
  'record-claim': { title: 'Record “%s” as a claim…', mode: 'claim' },
  'add-to-knowledge-base': { title: 'Add “%s” to Sound Familiar…', mode: 'entity' },
} as const;

/** The rebuild in progress: rebuilds run one after another, never interleaved. */
let rebuilding: Promise<void> = Promise.resolve();

/**
 * Creates the menu items for the sites the content script runs on now; call from
 * runtime.onInstalled (Chromium keeps them across restarts) and whenever the reader's sites change.
 * A site turned on fires both its handler and the permission event: two rebuilds interleaved would
 * create each item twice (a duplicate id), so each waits for the one before.
 */
export function createContextMenus(): Promise<void> {
  rebuilding = rebuilding.catch(() => undefined).then(rebuildContextMenus);
  return rebuilding;
}

async function rebuildContextMenus(): Promise<void> {
  const patterns = [...listedSitePatterns(), ...(await registeredSiteOrigins()).map((origin) => `${origin}/*`)];
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
