// The extension's one place in the page: a built-in `div` holding a closed shadow root, put back
// if the page removes it. Each piece of UI (card, record button, editor frame, private paint)
// gets its own slot inside. A built-in element, not a custom one: an autonomous custom-element
// name is looked up in the page's registry, and a page that defines it first is handed the
// "closed" root through attachInternals(). See docs/SECURITY.md.

import { CARD_CSS } from './card-styles';
import { PAINT_CSS } from './paint-styles';
import { RECORD_CSS } from './record-styles';

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

  constructor(readonly doc: Document = document) {}

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
      style.textContent = CARD_CSS + RECORD_CSS + PAINT_CSS;
      this.layer = this.doc.createElement('div');
      this.layer.className = 'layer';
      shadow.append(style, this.layer);
    }
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    return this.layer;
  }
}

const GAP = 8;
const MARGIN = 8;
/** Below this much room on either side, the card may cover the name rather than be cut off. */
const MIN_ROOM = 160;

/**
 * Places `box` next to `anchor`: below if it fits, else above if it fits, else on the roomier
 * side with its height capped to that room (it scrolls inside), so it never covers the name or
 * leaves the viewport. Measured after the cap is set, since the cap changes the height.
 */
export function placeNextTo(box: HTMLElement, anchor: DOMRect, viewportWidth: number, viewportHeight: number): void {
  box.style.visibility = 'hidden';
  box.style.left = '0px';
  box.style.top = '0px';
  box.style.maxHeight = '';
  const below = viewportHeight - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const natural = box.getBoundingClientRect().height;
  let side: 'below' | 'above' | 'over';
  if (natural <= below) side = 'below';
  else if (natural <= above) side = 'above';
  else if (Math.max(below, above) >= MIN_ROOM) side = below >= above ? 'below' : 'above';
  else side = 'over';
  const room = side === 'below' ? below : side === 'above' ? above : viewportHeight - 2 * MARGIN;
  box.style.maxHeight = `${Math.floor(room)}px`;
  const { width, height } = box.getBoundingClientRect();
  const top = side === 'below' ? anchor.bottom + GAP : side === 'above' ? anchor.top - GAP - height : MARGIN;
  const left = Math.max(MARGIN, Math.min(anchor.left, viewportWidth - width - MARGIN));
  box.style.left = `${Math.round(left)}px`;
  box.style.top = `${Math.round(top)}px`;
  box.style.visibility = '';
}
