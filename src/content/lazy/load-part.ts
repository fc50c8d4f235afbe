// Loads a part of the content script (shared/content-parts.ts) once, on first need, and hands back
// what it brings. The request goes to the background, which injects the file into this frame
// (scripting.executeScript); only this content script can ask (the page cannot message the
// runtime), and it asks only when the part is needed: the session for a page with claims or text
// that could name something, the card code on the reader's trusted input, a command from the
// background, or claims to show.

import { CONTENT_PART_FILES, type ContentPart } from '../../shared/content-parts';
import { extensionURL } from '../../platform/content-runtime';
import { isUnderOrigin } from '../../platform/own-page';
import { registeredPart, type PartsByName } from './part-registry';

/** A loader: the first call requests the script, later calls share that request (retried after a failure). */
export function partLoader<P extends ContentPart>(part: P, request: () => Promise<unknown>): () => Promise<PartsByName[P]> {
  let loading: Promise<PartsByName[P]> | null = null;
  return () => {
    const already = registeredPart(part);
    if (already) return Promise.resolve(already);
    loading ??= request().then(() => {
      const parts = registeredPart(part);
      if (!parts) throw new Error(`${CONTENT_PART_FILES[part]} did not load`);
      return parts;
    });
    loading.catch(() => (loading = null));
    return loading;
  };
}

/**
 * Asks for a part's script. In a web page the background injects it; our own welcome page runs
 * content.js as an ordinary script of our origin, where a script element of ours loads it.
 */
export function requestPartScript(part: ContentPart, askBackground: () => Promise<unknown>, doc: Document = document): Promise<unknown> {
  if (!isUnderOrigin(doc.location.href, extensionURL(''))) return askBackground();
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = extensionURL(CONTENT_PART_FILES[part]);
    script.onload = resolve;
    script.onerror = () => {
      // Not left behind: a retry adds its own.
      script.remove();
      reject(new Error(`${CONTENT_PART_FILES[part]} did not load`));
    };
    doc.head.append(script);
  });
}
