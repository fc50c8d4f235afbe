// Keyboard commands (user-changeable in the browser's shortcut settings): walk the mentions on
// the active tab, in every frame (frame-steps.ts), and open the card for each, or record the
// selection as a claim.

import browser from '../platform/browser';
import { tab } from '../platform/tab';
import { forgetTab, stepAcrossFrames, type FramePorts } from './frame-steps';
import { framesInReadingOrder } from './tab-frames';

const DIRECTIONS: Record<string, 1 | -1> = { 'next-mention': 1, 'previous-mention': -1 };

const ports: FramePorts = {
  frames: framesInReadingOrder,
  step: (tabId, frameId, request) => tab(tabId, 'page/step', request, frameId),
};

export function listenForCommands(): void {
  browser.commands.onCommand.addListener((command: string) => void runCommand(command));
  browser.tabs.onRemoved.addListener((tabId: number) => forgetTab(tabId));
}

async function runCommand(command: string): Promise<void> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  if (active?.id === undefined) return;
  const direction = DIRECTIONS[command];
  // A tab without our content script (a site we don't run on) has nobody to answer.
  if (direction) await stepAcrossFrames(active.id, direction, ports).catch(() => undefined);
  else if (command === 'record-claim') await tab(active.id, 'page/record', { mode: 'claim' }).catch(() => undefined);
}
