// What the popup knows about the tab it was opened over, fetched from that tab's content script.

import browser from '../../platform/browser';
import { callTab } from '../../platform/messaging';
import type { ContentCalls, PageMentionSummary } from '../../shared/messages';

export type TabState =
  | { status: 'loading' }
  | { status: 'unsupported' }
  | { status: 'ready'; tabId: number; host: string; enabled: boolean; mentions: PageMentionSummary[] };

export async function loadTabState(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { status: 'unsupported' };
  try {
    const page = await callTab<ContentCalls, 'page/mentions'>(tab.id, 'page/mentions', {});
    return { status: 'ready', tabId: tab.id, ...page };
  } catch {
    // No content script answered: a site outside our list, or a browser page.
    return { status: 'unsupported' };
  }
}

export function revealInTab(tabId: number, entityId: string): Promise<boolean> {
  return callTab<ContentCalls, 'page/reveal'>(tabId, 'page/reveal', { entityId });
}
