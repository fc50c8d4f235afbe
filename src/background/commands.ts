// Keyboard commands (user-changeable in the browser's shortcut settings): walk the mentions on
// the active tab and open the card for each, or record the selection as a claim.

import browser from '../platform/browser';
import { callTab } from '../platform/messaging';
import type { ContentCalls } from '../shared/messages';

const DIRECTIONS: Record<string, 1 | -1> = { 'next-mention': 1, 'previous-mention': -1 };

export function listenForCommands(): void {
  browser.commands.onCommand.addListener(async (command: string) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const direction = DIRECTIONS[command];
    // A tab without our content script (a site we don't run on) has nobody to answer.
    if (direction) await callTab<ContentCalls, 'page/step'>(tab.id, 'page/step', { direction }).catch(() => undefined);
    else if (command === 'record-claim') await callTab<ContentCalls, 'page/record'>(tab.id, 'page/record', { mode: 'claim' }).catch(() => undefined);
  });
}
