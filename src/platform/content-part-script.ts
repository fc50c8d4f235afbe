// The background's side of loading a part of the content script (content-parts.ts), run in one
// frame's isolated world (the content script's own), when that frame's content script asks. Needs
// host permission for the frame: the Chromium manifest lists the content script's sites as
// host_permissions (build.mjs), the same sites its install warning already names; the reader's own
// sites have theirs granted.

import browser from './browser';
import { scriptingTarget, type AskingFrame } from './asking-frame';
import { CONTENT_PART_FILES, type ContentPart } from '../shared/content-parts';

export async function injectContentPart(frame: AskingFrame, part: ContentPart): Promise<void> {
  await browser.scripting.executeScript({ target: scriptingTarget(frame), files: [CONTENT_PART_FILES[part]] });
}
