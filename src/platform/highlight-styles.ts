// The background's side of the highlight styles: highlights.css, added to one frame when that
// frame's content script first registers a public highlight there. Not declared in the manifest:
// a stylesheet with ::highlight rules makes every full restyle of a page dearer (up to 1.9x CPU on
// corpus pages in Chromium, with the rules on :root) for as long as it is open, and most pages
// name nothing we know. Each browser gets its own copy of the file (scripts/highlight-css.mjs).
// Like the manifest's CSS, insertCSS adds a stylesheet the page cannot see in its DOM. Needs host
// permission for the frame, as content-part-script.ts does.

import browser from './browser';
import { scriptingTarget, type AskingFrame } from './asking-frame';

export const HIGHLIGHT_STYLES_FILE = 'highlights.css';

export async function insertHighlightStyles(frame: AskingFrame): Promise<void> {
  await browser.scripting.insertCSS({ target: scriptingTarget(frame), files: [HIGHLIGHT_STYLES_FILE] });
}
