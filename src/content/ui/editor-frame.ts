// Hosts the claim editor: an extension-origin page in a frame inside our closed shadow root, so
// the page can neither read what is typed nor hear its key presses. The frame tells us only that
// it closed (and whether it saved), over a MessagePort we hand it (shared/editor-protocol.ts);
// the claim itself goes straight to the background.

import { extensionURL, runtimeId } from '../../platform/content-runtime';
import { EDITOR_HOST_SOURCE, isEditorMessage, type EditorHandshake } from '../../shared/editor-protocol';
import type { UiRoot } from './ui-root';

export class EditorFrame {
  private frame: HTMLIFrameElement | null = null;
  private ports: MessagePort[] = [];
  private returnFocus: Element | null = null;

  constructor(private readonly ui: UiRoot, private readonly onClosed: (saved: boolean) => void, signal: AbortSignal) {
    signal.addEventListener('abort', () => this.close(false), { once: true });
  }

  open(draftId: string): void {
    this.close(false);
    this.returnFocus = this.ui.doc.activeElement;
    const frame = this.ui.doc.createElement('iframe');
    frame.className = 'editor';
    frame.title = 'Sound Familiar: record a claim';
    const url = `${extensionURL('editor.html')}#${encodeURIComponent(draftId)}`;
    frame.src = url;
    // Firefox may fire a load for the initial about:blank too. A port posted there is lost (its
    // origin is not ours, so the browser drops the message), so every load gets a fresh channel.
    frame.addEventListener('load', () => {
      for (const origin of editorOrigins(url)) this.connect(frame, draftId, origin);
      frame.focus();
    });
    this.ui.slot('editor').replaceChildren(frame);
    this.frame = frame;
  }

  isOpen(): boolean {
    return !!this.frame;
  }

  private connect(frame: HTMLIFrameElement, draftId: string, origin: string): void {
    if (frame !== this.frame || !frame.contentWindow) return;
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent) => {
      if (frame === this.frame && isEditorMessage(event.data)) this.close(event.data.type === 'saved');
    };
    this.ports.push(channel.port1);
    const hello: EditorHandshake = { source: EDITOR_HOST_SOURCE, draftId };
    // Addressed to our origin: if the frame were anything else, the browser would not deliver it.
    frame.contentWindow.postMessage(hello, origin, [channel.port2]);
  }

  private close(saved: boolean): void {
    if (!this.frame) return;
    this.frame = null;
    for (const port of this.ports) port.close();
    this.ports = [];
    this.ui.clear('editor');
    if (this.returnFocus instanceof HTMLElement) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
    this.onClosed(saved);
  }
}

/**
 * Where the editor may be running. Chromium serves web-accessible pages from a per-session
 * dynamic origin (use_dynamic_url) but may commit the frame at the extension's own origin; a
 * port is offered to each, and the browser delivers only the one whose origin the frame has.
 */
function editorOrigins(url: string): string[] {
  const dynamic = new URL(url).origin;
  const own = new URL(extensionURL('')).protocol === 'chrome-extension:' ? `chrome-extension://${runtimeId()}` : dynamic;
  return [...new Set([dynamic, own])];
}
