// Hosts the claim editor: an extension-origin page in a frame inside our closed shadow root, so
// the page can neither read what is typed nor hear its key presses. The frame tells us only that
// it closed (and whether it saved); the claim itself goes straight to the background.

import browser from '../../platform/browser';
import { EDITOR_MESSAGE_SOURCE } from '../../shared/editor-protocol';
import type { UiRoot } from './ui-root';

export class EditorFrame {
  private frame: HTMLIFrameElement | null = null;
  private returnFocus: Element | null = null;

  constructor(private readonly ui: UiRoot, private readonly onClosed: (saved: boolean) => void, signal: AbortSignal) {
    const origin = new URL(browser.runtime.getURL('')).origin;
    ui.doc.defaultView?.addEventListener('message', (event: MessageEvent) => {
      // Only our own frame, at our own origin, may close it; the page can post anything it likes.
      if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== origin) return;
      const data = event.data as { source?: unknown; type?: unknown } | null;
      if (data?.source !== EDITOR_MESSAGE_SOURCE) return;
      if (data.type === 'close' || data.type === 'saved') this.close(data.type === 'saved');
    }, { signal });
    signal.addEventListener('abort', () => this.close(false), { once: true });
  }

  open(draftId: string): void {
    this.close(false);
    this.returnFocus = this.ui.doc.activeElement;
    const frame = this.ui.doc.createElement('iframe');
    frame.className = 'editor';
    frame.title = 'Sound Familiar: record a claim';
    frame.src = `${browser.runtime.getURL('editor.html')}#${encodeURIComponent(draftId)}`;
    // Firefox may fire a load for the initial about:blank too; focusing twice is harmless.
    frame.addEventListener('load', () => frame.focus());
    this.ui.slot('editor').replaceChildren(frame);
    this.frame = frame;
  }

  isOpen(): boolean {
    return !!this.frame;
  }

  private close(saved: boolean): void {
    if (!this.frame) return;
    this.frame = null;
    this.ui.clear('editor');
    if (this.returnFocus instanceof HTMLElement) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
    this.onClosed(saved);
  }
}
