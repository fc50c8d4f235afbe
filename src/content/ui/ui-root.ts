// The extension's one place in the page: a prefixed element holding a closed shadow root, made on
// first use only (a page with nothing to show is never touched) and put back if the page removes
// it. Each piece of UI (card, record button, editor frame) gets its own slot inside.

import { CARD_CSS } from './card-styles';
import { RECORD_CSS } from './record-styles';

export const UI_TAG = 'SOUND-FAMILIAR-UI';

export type SlotName = 'card' | 'record' | 'editor';

export class UiRoot {
  private host: HTMLElement | null = null;
  private layer: HTMLElement | null = null;
  private readonly slots = new Map<SlotName, HTMLElement>();

  constructor(readonly doc: Document = document) {}

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
    this.host?.remove();
    this.host = null;
    this.layer = null;
    this.slots.clear();
  }

  private ensureLayer(): HTMLElement {
    if (!this.host || !this.layer) {
      this.host = this.doc.createElement(UI_TAG.toLowerCase());
      // Inline !important so page rules aimed at unknown elements cannot hide or move it.
      this.host.style.setProperty('all', 'initial', 'important');
      this.host.style.setProperty('position', 'fixed', 'important');
      this.host.style.setProperty('z-index', '2147483647', 'important');
      const shadow = this.host.attachShadow({ mode: 'closed' });
      const style = this.doc.createElement('style');
      style.textContent = CARD_CSS + RECORD_CSS;
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
