// Passes the reader's site switches on to every open tab. The popup writes the list of sites
// switched off to storage; content scripts read no storage themselves (setting up the storage API
// cost every page load a few milliseconds), so the background hears the change and sends the new
// list to every frame of every tab, and each frame looks for its own host in it.

import browser from '../platform/browser';
import { watchDisabledHosts } from '../platform/site-settings';
import type { Envelope } from '../shared/messages';

export function relaySiteSwitches(): void {
  watchDisabledHosts((disabledHosts) => void tellTabs(disabledHosts));
}

async function tellTabs(disabledHosts: string[]): Promise<void> {
  const message = { call: 'page/sites', payload: { disabledHosts } } satisfies Envelope<'page/sites'>;
  const ids = (await browser.tabs.query({})).map((t) => t.id).filter((id): id is number => id !== undefined);
  // No frameId: every frame of the tab, since each reads its own site. Tabs without our content
  // script have nobody to answer; that is expected.
  await Promise.all(ids.map((id) => browser.tabs.sendMessage(id, message).catch(() => null)));
}
