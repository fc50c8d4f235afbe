// Decides when the card shows: after a short hover (so sweeping the pointer across a page does
// not flash cards), at once for keyboard steps (with focus moved into it), and closes on Escape,
// on the close button, or when the pointer has left both the mention and the card.

import type { Entity } from '../../shared/types';
import { rectsOf } from '../highlight/hover';
import type { Mention } from '../scan/mention-index';
import { CardHost } from './card-host';
import { renderCard } from './card-view';

const OPEN_DELAY_MS = 150;
const CLOSE_DELAY_MS = 300;

export interface CardControllerDeps {
  loadEntity(entityIndex: number): Promise<Entity | null>;
  /** The page's shown mentions in order, for "n of N" and stepping. */
  mentions(): Mention[];
  doc?: Document;
}

export class CardController {
  readonly host: CardHost;
  private readonly doc: Document;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private shown: Mention | null = null;
  private returnFocus: Element | null = null;
  private request = 0;

  constructor(private readonly deps: CardControllerDeps, signal: AbortSignal) {
    this.doc = deps.doc ?? document;
    this.host = new CardHost(this.doc);
    this.doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.host.isShowing()) this.close();
    }, { capture: true, signal });
    signal.addEventListener('abort', () => {
      this.cancelTimers();
      this.host.destroy();
    }, { once: true });
  }

  /** Pointer entered a mention. */
  hoverEnter(mention: Mention): void {
    clearTimeout(this.closeTimer);
    if (this.shown === mention) return;
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => void this.open(mention, false), OPEN_DELAY_MS);
  }

  /** Pointer left the mention (and is not over the card). */
  hoverLeave(): void {
    clearTimeout(this.openTimer);
    if (!this.shown || this.doc.activeElement === this.host.hostElement) return; // keyboard-opened cards stay
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), CLOSE_DELAY_MS);
  }

  /** Pointer is over the card itself. */
  hoverCard(): void {
    clearTimeout(this.closeTimer);
  }

  /** Moves to the next or previous mention from the one shown, scrolls to it and opens its card focused. */
  async step(direction: 1 | -1): Promise<boolean> {
    const list = this.deps.mentions();
    if (list.length === 0) return false;
    const at = this.shown ? list.indexOf(this.shown) : -1;
    const next = at < 0 ? (direction === 1 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
    return this.reveal(list[next]!);
  }

  async reveal(mention: Mention): Promise<boolean> {
    const node = mention.range.startContainer.parentElement;
    node?.scrollIntoView({ block: 'center', inline: 'nearest' });
    return this.open(mention, true);
  }

  close(): void {
    this.cancelTimers();
    this.request++;
    const hadFocus = this.doc.activeElement === this.host.hostElement;
    this.host.hide();
    this.shown = null;
    if (hadFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  private async open(mention: Mention, focus: boolean): Promise<boolean> {
    const request = ++this.request;
    const entity = await this.deps.loadEntity(mention.entity);
    if (request !== this.request || !entity) return false;
    const rect = rectsOf(mention, this.doc)[0];
    if (!rect) return false;
    const list = this.deps.mentions();
    const card = renderCard(this.doc, entity, {
      position: { index: Math.max(0, list.indexOf(mention)), total: list.length },
      onStep: (d) => void this.step(d),
      onClose: () => this.close(),
    });
    card.addEventListener('pointerenter', () => this.hoverCard());
    card.addEventListener('pointerleave', () => this.hoverLeave());
    if (focus && this.doc.activeElement !== this.host.hostElement) this.returnFocus = this.doc.activeElement;
    this.host.show(card, rect);
    this.shown = mention;
    if (focus) card.focus({ preventScroll: true });
    return true;
  }

  private cancelTimers(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
  }
}
