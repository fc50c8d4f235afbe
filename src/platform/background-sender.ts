// Which runtime messages a content script takes from the background alone. A keyboard step moves
// the card from frame to frame (background/frame-steps.ts); only the background walks the frames,
// so no other context (the popup, an extension page framed in a tab) may ask a frame for its part.

import type { Runtime } from 'webextension-polyfill';
import { extensionURL } from './content-runtime';

/**
 * True when `sender` is our background: no tab, and the background's own address (Chromium's
 * service worker; Firefox runs background.js in a page it generates).
 */
export function isBackground(sender: Runtime.MessageSender): boolean {
  if (sender.tab || typeof sender.url !== 'string') return false;
  return sender.url === extensionURL('background.js') || sender.url === extensionURL('_generated_background_page.html');
}
