// What the popup knows about the tab it was opened over, fetched from that tab's content script.

import browser from '../../platform/browser';
import { tab as callContent } from '../../platform/tab';
import type { PageMentionSummary, UnplacedClaim } from '../../shared/messages';
import { ownSiteOf } from './own-site';

export type TabState =
  | { status: 'loading' }
  | { status: 'unsupported' }
  /** An https site outside the built-in list: the reader may turn Sound Familiar on for it. */
  | { status: 'can-enable'; tabId: number; origin: string; registered: boolean }
  | {
    status: 'ready'; tabId: number; host: string; enabled: boolean; mentions: PageMentionSummary[]; unplaced: UnplacedClaim[]; echoes: number;
    /** The origin, when it is one of the reader's own sites (it can be turned off here). */
    ownSite: string | null;
  };

export async function loadTabState(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { status: 'unsupported' };
  try {
    const [page, unplaced, echoes] = await Promise.all([
      callContent(tab.id, 'page/mentions', {}),
      loadUnplaced(tab.id),
      callContent(tab.id, 'page/echoes', {}).catch(() => 0),
    ]);
    const own = await ownSiteOf(tab.url);
    return { status: 'ready', tabId: tab.id, ...page, unplaced, echoes, ownSite: own?.registered ? own.origin : null };
  } catch {
    // No content script answered: a site outside our list (which the reader may add), or a browser page.
    const own = await ownSiteOf(tab.url).catch(() => null);
    return own ? { status: 'can-enable', tabId: tab.id, ...own } : { status: 'unsupported' };
  }
}

/** Claims recorded on the page that today's text no longer holds; none if the tab cannot say. */
async function loadUnplaced(tabId: number): Promise<UnplacedClaim[]> {
  try {
    return await callContent(tabId, 'page/unplaced', {});
  } catch {
    // A tab still running an older content script does not know the call: nothing to show.
    return [];
  }
}

/** Opens the claims list in a new tab. */
export async function openClaimsList(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('claims.html') });
}

/** Opens the options page: export, import, undo and conflicts. */
export async function openSyncPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

export function revealInTab(tabId: number, entityId: string): Promise<boolean> {
  return callContent(tabId, 'page/reveal', { entityId });
}
