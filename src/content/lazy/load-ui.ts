// Loads content-ui.js once, on first need, and hands back its parts. The request goes to the
// background, which injects the file into this frame (scripting.executeScript); only this content
// script can ask (the page cannot message the runtime), and it asks only on the reader's trusted
// input, a command from the background, or claims to show.

import { CONTENT_UI_FILE } from '../../platform/content-ui-file';
import { extensionURL } from '../../platform/content-runtime';
import { isUnderOrigin } from '../../platform/own-page';
import type { UiParts } from './ui-parts';
import { registeredUi } from './ui-registry';

/** A loader: the first call requests the script, later calls share that request (retried after a failure). */
export function uiLoader(request: () => Promise<unknown>): () => Promise<UiParts> {
  let loading: Promise<UiParts> | null = null;
  return () => {
    const already = registeredUi();
    if (already) return Promise.resolve(already);
    loading ??= request().then(() => {
      const parts = registeredUi();
      if (!parts) throw new Error('the card code did not load');
      return parts;
    });
    loading.catch(() => (loading = null));
    return loading;
  };
}

/**
 * Asks for content-ui.js. In a web page the background injects it; our own welcome page runs
 * content.js as an ordinary script of our origin, where a script element of ours loads it.
 */
export function requestUiScript(askBackground: () => Promise<unknown>, doc: Document = document): Promise<unknown> {
  if (!isUnderOrigin(doc.location.href, extensionURL(''))) return askBackground();
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = extensionURL(CONTENT_UI_FILE);
    script.onload = resolve;
    script.onerror = () => reject(new Error('the card code did not load'));
    doc.head.append(script);
  });
}
