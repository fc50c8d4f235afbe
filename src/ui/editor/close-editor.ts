// Ends an editing session. Framed in a page, the editor tells its host frame only that it closed
// (and whether it saved), addressed to the page's origin; opened as a tab, it closes the tab.

import { EDITOR_MESSAGE_SOURCE, type EditorMessage } from '../../shared/editor-protocol';

export function closeEditor(saved: boolean, pageUrl: string | null): void {
  if (window.parent !== window) {
    let origin = '*';
    try {
      if (pageUrl) origin = new URL(pageUrl).origin;
    } catch {
      // Keep '*': the message carries no user data, only that the editor closed.
    }
    const message: EditorMessage = { source: EDITOR_MESSAGE_SOURCE, type: saved ? 'saved' : 'close' };
    window.parent.postMessage(message, origin);
  } else {
    window.close();
  }
}
