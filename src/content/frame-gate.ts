// Whether this frame is worth reading at all. The content script runs in every https frame of a
// listed site (all_frames, so a name in an embedded story is found; not in about:blank or srcdoc
// frames, which pages make by the dozen for ads: each would cost an isolated world even if the
// script did nothing), but most subframes are ad slots, tracking pixels and empty placeholders:
// those must not each pay for the dictionary and a scan. A subframe too small to hold a line of
// text, or with no visible text yet, is looked at again only when it is resized or its DOM
// changes; the top frame is always read.

import { isInsideExcluded } from './scan/text-blocks';

/** Smaller than this (CSS px) a frame cannot show a readable line of text (0 × 0 when display: none). */
export const MIN_FRAME_WIDTH = 80;
export const MIN_FRAME_HEIGHT = 16;
/** How long after a resize or DOM change of a skipped frame it is looked at again. */
const RECHECK_MS = 250;

export function frameReadable(win: Window, doc: Document): boolean {
  if (win === win.top) return true;
  // Text first: a subframe's size is read from its parent's layout, which reading it forces (on a
  // big page, tens of milliseconds), and most skipped frames have no text to ask about.
  if (!hasVisibleText(doc)) return false;
  return win.innerWidth >= MIN_FRAME_WIDTH && win.innerHeight >= MIN_FRAME_HEIGHT;
}

/**
 * Whether any text node outside scripts, styles and other excluded elements has a non-space
 * character. (Our own UI is not in a frame we have not started in.)
 */
function hasVisibleText(doc: Document): boolean {
  if (!doc.body) return false;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\S/.test((node as Text).data) && !isInsideExcluded(node, '')) return true;
  }
  return false;
}

/**
 * Calls `onReadable` once the frame is readable: now, or after a resize or DOM change makes it so.
 * A skipped frame costs one cheap check per burst of changes and nothing while it is idle.
 */
export function whenFrameReadable(win: Window, doc: Document, signal: AbortSignal, onReadable: () => void): void {
  if (signal.aborted) return;
  if (frameReadable(win, doc)) {
    onReadable();
    return;
  }
  const watching = new AbortController();
  const stop = () => watching.abort();
  signal.addEventListener('abort', stop, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => soon());
  const check = () => {
    timer = undefined;
    if (!frameReadable(win, doc)) return;
    signal.removeEventListener('abort', stop);
    stop();
    onReadable();
  };
  const soon = () => {
    if (timer === undefined && !watching.signal.aborted) timer = setTimeout(check, RECHECK_MS);
  };
  watching.signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  }, { once: true });
  win.addEventListener('resize', soon, { signal: watching.signal });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
}
