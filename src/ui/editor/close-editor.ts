// Ends an editing session. Framed in a page, the editor answers over the MessagePort its opener
// handed in (shared/editor-protocol.ts), never through window.parent; opened as a tab, it closes
// the tab.

import { isEditorHandshake, type EditorMessage } from '../../shared/editor-protocol';

let opener: MessagePort | null = null;

/** Accepts the port from the content script that opened this draft: only it knows the draft id. */
export function listenForOpener(draftId: string, win: Window = window): void {
  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win.parent || win.parent === win) return;
    if (!isEditorHandshake(event.data, draftId) || !event.ports[0]) return;
    opener?.close();
    opener = event.ports[0];
  });
}

export function closeEditor(saved: boolean): void {
  if (window.parent === window) {
    window.close();
    return;
  }
  const message: EditorMessage = { type: saved ? 'saved' : 'close' };
  opener?.postMessage(message);
}
