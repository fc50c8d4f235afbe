// The background's side of the highlight styles: highlights.css, added to one frame when that
// frame's content script first registers a public highlight there. Not declared in the manifest:
// a stylesheet with ::highlight rules makes every full restyle of a page dearer (1.35-1.95x CPU on
// corpus pages) for as long as it is open, and most pages name nothing we know. Like the manifest's
// CSS, insertCSS adds a stylesheet the page cannot see in its DOM. Needs host permission for the
// frame, as content-ui-script.ts does.

import browser from './browser';

export const HIGHLIGHT_STYLES_FILE = 'highlights.css';

/** Chromium names the asking document (`documentId`), so a frame that navigated since gets nothing; Firefox has only the frame. */
export async function insertHighlightStyles(tabId: number, frameId: number, documentId?: string): Promise<void> {
  const target = documentId === undefined ? { tabId, frameIds: [frameId] } : { tabId, documentIds: [documentId] };
  await browser.scripting.insertCSS({ target: target as { tabId: number; frameIds: number[] }, files: [HIGHLIGHT_STYLES_FILE] });
}
