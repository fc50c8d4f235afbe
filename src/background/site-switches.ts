// Passes the reader's site switches on to every open tab. The popup writes the list of sites
// switched off to storage; content scripts read no storage themselves (setting up the storage API
// cost every page load a few milliseconds), so the background hears the change and sends what
// changed to every frame of every tab, and each frame looks for its own host in it. Only the
// change travels, never the whole list: a reader with a long list (up to MAX_DISABLED_HOSTS) is
// told of a switch like anyone else, in messages that stay small.

import browser from '../platform/browser';
import { watchDisabledHosts } from '../platform/site-settings';
import { SITE_CHANGES_PER_MESSAGE, type Envelope } from '../shared/messages';

export function relaySiteSwitches(): void {
  watchDisabledHosts((now, before) => void tellTabs(siteChanges(now, before)));
}

/** The hosts switched off and on between two lists, in messages of at most SITE_CHANGES_PER_MESSAGE hosts. */
export function siteChanges(now: readonly string[], before: readonly string[]): { off: string[]; on: string[] }[] {
  const was = new Set(before);
  const is = new Set(now);
  const changed = [...[...is].filter((h) => !was.has(h)).map((h) => ({ host: h, off: true })), ...[...was].filter((h) => !is.has(h)).map((h) => ({ host: h, off: false }))];
  const batches: { off: string[]; on: string[] }[] = [];
  for (let i = 0; i < changed.length; i += SITE_CHANGES_PER_MESSAGE) {
    const batch = changed.slice(i, i + SITE_CHANGES_PER_MESSAGE);
    batches.push({ off: batch.filter((c) => c.off).map((c) => c.host), on: batch.filter((c) => !c.off).map((c) => c.host) });
  }
  return batches;
}

async function tellTabs(batches: { off: string[]; on: string[] }[]): Promise<void> {
  if (batches.length === 0) return;
  const ids = (await browser.tabs.query({})).map((t) => t.id).filter((id): id is number => id !== undefined);
  for (const payload of batches) {
    const message = { call: 'page/sites', payload } satisfies Envelope<'page/sites'>;
    // No frameId: every frame of the tab, since each reads its own site. Tabs without our content
    // script have nobody to answer; that is expected.
    await Promise.all(ids.map((id) => browser.tabs.sendMessage(id, message).catch(() => null)));
  }
}
