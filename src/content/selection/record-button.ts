// The small "Record claim" button that appears beside a text selection. It never takes the
// selection away (pointerdown is cancelled) and disappears when the selection does.

import { el } from '../ui/dom';
import type { UiRoot } from '../ui/ui-root';
import { selectionAnchor } from './capture-selection';

export function watchSelection(ui: UiRoot, uiTag: string, onRecord: () => void, signal: AbortSignal): void {
  const doc = ui.doc;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    timer = undefined;
    const anchor = selectionAnchor(doc, uiTag);
    if (!anchor) {
      ui.clear('record');
      return;
    }
    const button = el(doc, 'button', { type: 'button', class: 'record', title: 'Record this as a claim (Alt+Shift+R)' },
      el(doc, 'span', { class: 'mark', 'aria-hidden': 'true' }, '+'), 'Record claim');
    button.addEventListener('pointerdown', (e) => e.preventDefault());
    button.addEventListener('click', () => {
      ui.clear('record');
      onRecord();
    });
    ui.slot('record').replaceChildren(button);
    const width = doc.documentElement.clientWidth || innerWidth;
    button.style.left = `${Math.round(Math.min(Math.max(8, anchor.right - 40), width - 140))}px`;
    button.style.top = `${Math.round(Math.min(anchor.bottom + 8, innerHeight - 40))}px`;
  };
  // Selections change many times during a drag: settle first.
  doc.addEventListener('selectionchange', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  }, { signal });
  doc.addEventListener('scroll', () => ui.clear('record'), { passive: true, capture: true, signal });
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
