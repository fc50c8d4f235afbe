// The "Record claim" button itself, built when the reader first selects text worth recording (in
// content-ui.js); when it shows and what a click may do is decided in selection/record-button.ts.

import { el } from './dom';

export function recordButton(doc: Document): HTMLButtonElement {
  const button = el(doc, 'button', { type: 'button', class: 'record', title: 'Record this as a claim (Alt+Shift+R)' },
    el(doc, 'span', { class: 'mark', 'aria-hidden': 'true' }, '+'), 'Record claim');
  // It never takes the selection away.
  button.addEventListener('pointerdown', (e) => e.preventDefault());
  return button;
}
