// The extension's one place in the page: a built-in `div` holding a closed shadow root, put back
// if the page removes it. Each piece of UI (card, record button, editor frame, private paint)
// gets its own slot inside. A built-in element, not a custom one: an autonomous custom-element
// name is looked up in the page's registry, and a page that defines it first is handed the
// "closed" root through attachInternals(). See docs/SECURITY.md. It starts with the private paint's
// styles only; the card and record button bring theirs when they load (content-ui.js).

import { PAINT_CSS } from './paint-styles';

/** Elements with this tag are never scanned or quoted (kept for pages that mimic the old host). */
export const UI_TAG = 'SOUND-FAMILIAR-UI';

export type SlotName = 'paint' | 'card' | 'record' | 'editor';

/** The host's inline style. `all: initial !important` beats any page rule; the rest places it. */
const HOST_STYLE = 'all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; '
  + 'width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important; '
  + 'visibility: visible !important; opacity: 1 !important; pointer-events: none !important;';

export class UiRoot {
  private host: HTMLElement | null = null;
  private layer: HTMLElement | null = null;
  private readonly slots = new Map<SlotName, HTMLElement>();
  private guard: MutationObserver | null = null;
  private style: HTMLStyleElement | null = null;
  private css = PAINT_CSS;

  constructor(readonly doc: Document = document) {}

  /** Adds styles ahead of the paint's (the order they always had); once each. */
  addStyles(css: string): void {
    if (this.css.includes(css)) return;
    this.css = css + this.css;
    if (this.style) this.style.textContent = this.css;
  }

  /**
   * Whether the page has left the host as we made it, so a click on our controls is a click on
   * what the reader could see. Attribute changes are reverted as they happen (see ensureLayer);
   * this also catches a stylesheet on <html> that fades or moves everything, us included.
   */
  looksIntact(): boolean {
    const host = this.host;
    const view = this.doc.defaultView;
    if (!host?.isConnected || !view) return false;
    for (const el of [host, this.doc.documentElement]) {
      const style = view.getComputedStyle(el);
      if (Number(style.opacity) < 1 || style.visibility !== 'visible' || style.filter !== 'none'
        || style.transform !== 'none' || (style.clipPath && style.clipPath !== 'none')) return false;
    }
    return host.getAttribute('style') === HOST_STYLE;
  }

  /** The container for one piece of UI, attached to the page if it is not already. */
  slot(name: SlotName): HTMLElement {
    const layer = this.ensureLayer();
    let slot = this.slots.get(name);
    if (!slot) {
      slot = this.doc.createElement('div');
      slot.className = `slot slot-${name}`;
      layer.append(slot);
      this.slots.set(name, slot);
    }
    return slot;
  }

  /** Empties a slot without creating anything. */
  clear(name: SlotName): void {
    this.slots.get(name)?.replaceChildren();
  }

  has(name: SlotName): boolean {
    return !!this.slots.get(name)?.firstChild && !!this.host?.isConnected;
  }

  /** The element in the page's DOM; events from inside the closed shadow root are retargeted to it. */
  get hostElement(): HTMLElement | null {
    return this.host;
  }

  contains(target: EventTarget | null): boolean {
    return !!this.host && target === this.host;
  }

  destroy(): void {
    this.guard?.disconnect();
    this.guard = null;
    this.host?.remove();
    this.host = null;
    this.layer = null;
    this.style = null;
    this.slots.clear();
  }

  private ensureLayer(): HTMLElement {
    if (!this.host || !this.layer) {
      const host = this.doc.createElement('div');
      this.host = host;
      host.setAttribute('style', HOST_STYLE);
      // A page that fades, shrinks or moves the host to lay a decoy over our controls has its
      // change undone before the next frame is drawn (clickjacking; docs/SECURITY.md).
      this.guard = new MutationObserver(() => {
        for (const name of host.getAttributeNames()) if (name !== 'style') host.removeAttribute(name);
        if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
      });
      this.guard.observe(host, { attributes: true });
      const shadow = host.attachShadow({ mode: 'closed' });
      const style = this.doc.createElement('style');
      style.textContent = this.css;
      this.style = style;
      this.layer = this.doc.createElement('div');
      this.layer.className = 'layer';
      shadow.append(style, this.layer);
    }
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    return this.layer;
  }
}
