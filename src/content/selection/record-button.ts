// The small "Record claim" button that appears beside a text selection. It never takes the
// selection away (pointerdown is cancelled) and disappears when the selection does.
// Only the reader acts here: the button appears for a selection made by a trusted pointer or key
// gesture (a page can select text by script), and a click counts only if it is trusted, the
// button has been on screen long enough to be seen, and the page has not faded or moved our UI.

import { el } from '../ui/dom';
import type { UiRoot } from '../ui/ui-root';
import { selectionAnchor } from './capture-selection';

/** A selection change this soon after the reader's own pointer or key gesture is theirs. */
const GESTURE_WINDOW_MS = 1000;
/** A click sooner than this after the button appeared could be a decoy swapped in under the pointer. */
const MIN_VISIBLE_MS = 400;

export function watchSelection(ui: UiRoot, uiTag: string, onRecord: () => void, signal: AbortSignal, now = () => performance.now()): void {
  const doc = ui.doc;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastGesture = -Infinity;
  let shownAt = 0;
  const update = () => {
    timer = undefined;
    const anchor = now() - lastGesture <= GESTURE_WINDOW_MS ? selectionAnchor(doc, uiTag) : null;
    if (!anchor) {
      ui.clear('record');
      return;
    }
    const button = el(doc, 'button', { type: 'button', class: 'record', title: 'Record this as a claim (Alt+Shift+R)' },
      el(doc, 'span', { class: 'mark', 'aria-hidden': 'true' }, '+'), 'Record claim');
    button.addEventListener('pointerdown', (e) => e.preventDefault());
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
    timer = setTimeout(update, 250);
  };
  const gesture = (e: Event) => {
    if (!e.isTrusted || ui.contains(e.target)) return;
    lastGesture = now();
    settle(); // a drag can end after its last selectionchange
  };
  for (const type of ['pointerup', 'keyup', 'dblclick'] as const) doc.addEventListener(type, gesture, { capture: true, passive: true, signal });
  // Selections change many times during a drag: settle first.
  doc.addEventListener('selectionchange', settle, { signal });
  doc.addEventListener('scroll', () => ui.clear('record'), { passive: true, capture: true, signal });
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
