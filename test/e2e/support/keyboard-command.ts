// The next/previous-mention commands fired in either browser through the background's own
// listener (commands.ts: the active tab, its frames, each frame's part of the step). Chromium
// dispatches `commands.onCommand` in the service worker; Firefox's parent process calls what the
// shortcut's key element calls (firefox-parent.ts). Only the key-to-command mapping is skipped.

import { until } from './browsers';
import type { ChromiumHarness } from './chromium';
import type { FirefoxHarness } from './firefox';
import { FirefoxParent } from './firefox-parent';
import type { Harness, TestPage } from './harness';
import type { CardSnapshot } from './probes';

const ADDON_ID = 'sound-familiar@sound-familiar.org';
const parents = new WeakMap<Harness, Promise<FirefoxParent>>();

export async function stepCommand(h: Harness, page: TestPage, direction: 1 | -1): Promise<void> {
  const name = direction === 1 ? 'next-mention' : 'previous-mention';
  await page.bringToFront();
  if (h.browserName === 'chromium') {
    await (h as ChromiumHarness).dispatchCommand(name);
    return;
  }
  let parent = parents.get(h);
  if (!parent) parents.set(h, (parent = FirefoxParent.attach(h as FirefoxHarness, ADDON_ID)));
  await (await parent).dispatchCommand(name);
}

/**
 * Fires the command and waits for the top frame's card to be another than before (the command
 * answers nothing: it is done when the card changes). Returns the new card.
 */
export async function stepToNextCard(h: Harness, page: TestPage, direction: 1 | -1): Promise<CardSnapshot> {
  const before = JSON.stringify(await page.card());
  await stepCommand(h, page, direction);
  return (await until(() => page.card(), (c) => c !== null && JSON.stringify(c) !== before, 'the card to move'))!;
}
