// The small "Record claim" button that appears beside a text selection. It never takes the
// selection away (pointerdown is cancelled) and disappears when the selection does.
// Only the reader acts here: the button appears for a selection made by a trusted pointer or key
// gesture (a page can select text by script), and a click counts only if it is trusted, the
// button has been on screen long enough to be seen, and the page has not faded or moved our UI.

import { isInsideExcluded } from '../scan/text-blocks';
import type { UiRoot } from '../ui/ui-root';

/** A selection change this soon after the reader's own pointer or key gesture is theirs. */
const GESTURE_WINDOW_MS = 1000;
/** A click sooner than this after the button appeared could be a decoy swapped in under the pointer. */
const MIN_VISIBLE_MS = 400;

export function watchSelection(
  ui: UiRoot,
  uiTag: string,
  onRecord: () => void,
  signal: AbortSignal,
  /** Gives the button's builder; the first call loads the card code (content-ui.js). */
  buttonMaker: () => Promise<() => HTMLElement>,
  now = () => performance.now(),
): () => void {
  const doc = ui.doc;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastGesture = -Infinity;
  let shownAt = 0;
  let shown = 0;
  const update = async () => {
    timer = undefined;
    const attempt = ++shown;
    if (!(now() - lastGesture <= GESTURE_WINDOW_MS && selectionAnchor(doc, uiTag))) {
      ui.clear('record');
      return;
    }
    const button = (await buttonMaker())();
    // The selection may have changed while the button's code loaded.
    const anchor = selectionAnchor(doc, uiTag);
    if (attempt !== shown || signal.aborted || !anchor) return;
    button.addEventListener('click', (e) => {
      if (!e.isTrusted || now() - shownAt < MIN_VISIBLE_MS || !ui.looksIntact()) return;
      ui.clear('record');
      onRecord();
    });
    ui.slot('record').replaceChildren(button);
    shownAt = now();
    const width = doc.documentElement.clientWidth || innerWidth;
    button.style.left = `${Math.round(Math.min(Math.max(8, anchor.right - 40), width - 140))}px`;
    button.style.top = `${Math.round(Math.min(anchor.bottom + 8, innerHeight - 40))}px`;
  };
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update().catch(() => undefined), 250);
  };
  const gesture = (e: Event) => {
    if (!e.isTrusted || ui.contains(e.target)) return;
    lastGesture = now();
    settle(); // a drag can end after its last selectionchange
    // The reader selected something: the button's code starts loading now, not after the settle.
    if (selectionAnchor(doc, uiTag)) void buttonMaker().catch(() => undefined);
  };
  for (const type of ['pointerup', 'keyup', 'dblclick'] as const) doc.addEventListener(type, gesture, { capture: true, passive: true, signal });
  // Selections change many times during a drag: settle first.
  doc.addEventListener('selectionchange', settle, { signal });
  doc.addEventListener('scroll', () => ui.clear('record'), { passive: true, capture: true, signal });
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  // For a selection made before this watch began (the session started for it): as if just made.
  return () => {
    lastGesture = now();
    settle();
  };
}

/** Where the button goes: the last line box of a selection worth recording, or null. */
export function selectionAnchor(doc: Document, uiTag: string): DOMRect | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (isInsideExcluded(range.commonAncestorContainer, uiTag) || selection.toString().trim().length < 3) return null;
  const rects = range.getClientRects();
  return rects.length > 0 ? rects[rects.length - 1]! : null;
}
