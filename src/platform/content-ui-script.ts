// The background's side of loading the card code: content-ui.js, run in one frame's isolated world
// (the content script's own), when that frame's content script asks. Needs host permission for the
// frame: the Chromium manifest lists the content script's sites as host_permissions (build.mjs),
// the same sites its install warning already names; the reader's own sites have theirs granted.

import browser from './browser';
import { CONTENT_UI_FILE } from './content-ui-file';

/**
 * Chromium names the asking document itself (`documentId`), so a frame that navigated since it
 * asked does not get the file; Firefox has only the frame.
 */
export async function injectContentUi(tabId: number, frameId: number, documentId?: string): Promise<void> {
  const target = documentId === undefined ? { tabId, frameIds: [frameId] } : { tabId, documentIds: [documentId] };
  await browser.scripting.executeScript({ target: target as { tabId: number; frameIds: number[] }, files: [CONTENT_UI_FILE] });
}
