// Keyboard commands (user-changeable in the browser's shortcut settings): walk the mentions on
// the active tab, in every frame (frame-steps.ts), and open the card for each, or record the
// selection as a claim. The card's Previous/Next buttons take the same walk from their frame.

import browser from '../platform/browser';
import type { AskingFrame } from '../platform/asking-frame';
import { tab } from '../platform/tab';
import { forgetTab, stepAcrossFrames, type FramePorts } from './frame-steps';
import { framesInReadingOrder } from './tab-frames';

const DIRECTIONS: Record<string, 1 | -1> = { 'next-mention': 1, 'previous-mention': -1 };

const ports: FramePorts = {
  frames: framesInReadingOrder,
  step: (tabId, frameId, request) => tab(tabId, 'page/step', request, frameId),
};

/**
 * 'page/step-tab': a card's Previous/Next at its frame's end (a trusted click; our content script
 * asks only then). The walk starts from the asking frame, in the asking frame's own tab.
 */
export function stepFromCard(frame: AskingFrame, direction: 1 | -1): Promise<boolean> {
  return stepAcrossFrames(frame.tabId, direction, ports, frame.frameId);
}

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
