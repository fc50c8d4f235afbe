// Keyboard commands (user-changeable in the browser's shortcut settings): walk the mentions on
// the active tab and open the card for each.

import browser from '../platform/browser';
import { callTab } from '../platform/messaging';
import type { ContentCalls } from '../shared/messages';

const DIRECTIONS: Record<string, 1 | -1> = { 'next-mention': 1, 'previous-mention': -1 };

export function listenForCommands(): void {
  browser.commands.onCommand.addListener(async (command: string) => {
    const direction = DIRECTIONS[command];
    if (!direction) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // A tab without our content script (a site we don't run on) has nobody to answer.
    await callTab<ContentCalls, 'page/step'>(tab.id, 'page/step', { direction }).catch(() => undefined);
  });
}
