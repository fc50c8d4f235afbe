// The card's place in the page: a prefixed element holding a closed shadow root, created on
// first use only (a page with no mentions is never touched) and put back if the page removes it.

import { CARD_CSS } from './card-styles';

export const UI_TAG = 'SOUND-FAMILIAR-UI';

export class CardHost {
  private host: HTMLElement | null = null;
  private layer: HTMLElement | null = null;

  constructor(private readonly doc: Document = document) {}

  /** Replaces what is shown with `card`, placed next to `anchor` and kept inside the viewport. */
  show(card: HTMLElement, anchor: DOMRect): void {
    const layer = this.ensureLayer();
    layer.replaceChildren(card);
    place(card, anchor, this.doc.documentElement.clientWidth || innerWidth, innerHeight);
  }

  hide(): void {
    this.layer?.replaceChildren();
  }

  isShowing(): boolean {
    return !!this.layer?.firstChild && !!this.host?.isConnected;
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
      style.textContent = CARD_CSS;
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

/** Below the mention if it fits, else above, else whichever side has more room; clamped sideways. */
function place(card: HTMLElement, anchor: DOMRect, viewportWidth: number, viewportHeight: number): void {
  card.style.visibility = 'hidden';
  card.style.left = '0px';
  card.style.top = '0px';
  const { width, height } = card.getBoundingClientRect();
  const below = viewportHeight - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const top = height <= below || below >= above
    ? Math.min(anchor.bottom + GAP, viewportHeight - MARGIN - Math.min(height, below))
    : Math.max(MARGIN, anchor.top - GAP - height);
  const left = Math.max(MARGIN, Math.min(anchor.left, viewportWidth - width - MARGIN));
  card.style.left = `${Math.round(left)}px`;
  card.style.top = `${Math.round(Math.max(MARGIN, top))}px`;
  card.style.maxHeight = `${Math.max(160, Math.round(Math.max(below, above)))}px`;
  card.style.visibility = '';
}
