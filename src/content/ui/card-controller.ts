// Decides when the card shows: after a short hover (so sweeping the pointer across a page does
// not flash cards), at once for keyboard steps (with focus moved into it), and closes on Escape,
// on the close button, or when the pointer has left both the highlight and the card.

import type { Claim } from '../../shared/claims/claim';
import type { Entity } from '../../shared/types';
import { rectsOf } from '../highlight/hover';
import type { Mention } from '../scan/mention-index';
import { renderCard } from './card-view';
import { renderClaimCard } from './claim-view';
import { placeNextTo, type UiRoot } from './ui-root';

const OPEN_DELAY_MS = 150;
const CLOSE_DELAY_MS = 300;

/** What a card can be about: a mention of an entity, or one of the user's claims on the page. */
export type CardSubject =
  | { type: 'mention'; mention: Mention; range: AbstractRange }
  | { type: 'claim'; claim: Claim; range: AbstractRange };

export interface CardControllerDeps {
  ui: UiRoot;
  loadEntity(entityIndex: number): Promise<Entity | null>;
  loadClaims(entityId: string): Promise<Claim[]>;
  nameOf(entityId: string): string;
  /** The page's shown mentions in order, for "n of N" and stepping. */
  mentions(): Mention[];
  editClaim(claim: Claim): void;
  today(): string;
}

export class CardController {
  private readonly doc: Document;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private shown: CardSubject | null = null;
  private returnFocus: Element | null = null;
  private request = 0;

  constructor(private readonly deps: CardControllerDeps, signal: AbortSignal) {
    this.doc = deps.ui.doc;
    this.doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && deps.ui.has('card')) this.close();
    }, { capture: true, signal });
    signal.addEventListener('abort', () => this.cancelTimers(), { once: true });
  }

  /** Pointer entered a highlight. */
  hoverEnter(subject: CardSubject): void {
    clearTimeout(this.closeTimer);
    if (this.isShown(subject)) return;
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => void this.open(subject, false), OPEN_DELAY_MS);
  }

  /** Pointer left the highlight (and is not over the card). */
  hoverLeave(): void {
    clearTimeout(this.openTimer);
    // A card opened by keyboard holds focus and stays until Escape or a step.
    if (!this.shown || this.doc.activeElement === this.deps.ui.hostElement) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), CLOSE_DELAY_MS);
  }

  /** Moves to the next or previous mention from the one shown, scrolls to it and opens its card focused. */
  async step(direction: 1 | -1): Promise<boolean> {
    const list = this.deps.mentions();
    if (list.length === 0) return false;
    const current = this.shown?.type === 'mention' ? this.shown.mention : undefined;
    const at = current ? list.indexOf(current) : -1;
    const next = at < 0 ? (direction === 1 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
    const mention = list[next]!;
    return this.reveal({ type: 'mention', mention, range: mention.range });
  }

  async reveal(subject: CardSubject): Promise<boolean> {
    const node = subject.range.startContainer.parentElement;
    node?.scrollIntoView({ block: 'center', inline: 'nearest' });
    return this.open(subject, true);
  }

  close(): void {
    this.cancelTimers();
    this.request++;
    const hadFocus = this.doc.activeElement === this.deps.ui.hostElement;
    this.deps.ui.clear('card');
    this.shown = null;
    if (hadFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  private isShown(subject: CardSubject): boolean {
    const s = this.shown;
    if (!s) return false;
    return s.type === 'mention' ? subject.type === 'mention' && subject.mention === s.mention : subject.type === 'claim' && subject.claim.id === s.claim.id;
  }

  private async open(subject: CardSubject, focus: boolean): Promise<boolean> {
    const request = ++this.request;
    const card = await this.render(subject);
    if (request !== this.request || !card) return false;
    const rect = rectsOf(subject.range, this.doc)[0];
    if (!rect) return false;
    card.addEventListener('pointerenter', () => clearTimeout(this.closeTimer));
    card.addEventListener('pointerleave', () => this.hoverLeave());
    if (focus && this.doc.activeElement !== this.deps.ui.hostElement) this.returnFocus = this.doc.activeElement;
    const slot = this.deps.ui.slot('card');
    slot.replaceChildren(card);
    placeNextTo(card, rect, this.doc.documentElement.clientWidth || innerWidth, innerHeight);
    this.shown = subject;
    if (focus) card.focus({ preventScroll: true });
    return true;
  }

  private async render(subject: CardSubject): Promise<HTMLElement | null> {
    const { deps } = this;
    const common = { nameOf: deps.nameOf, today: deps.today(), onClose: () => this.close() };
    if (subject.type === 'claim') {
      return renderClaimCard(this.doc, subject.claim, { ...common, onEdit: () => { this.close(); deps.editClaim(subject.claim); } });
    }
    const entity = await deps.loadEntity(subject.mention.entity);
    if (!entity) return null;
    const claims = await deps.loadClaims(entity.id).catch(() => []);
    const list = deps.mentions();
    return renderCard(this.doc, entity, {
      ...common,
      claims,
      position: { index: Math.max(0, list.indexOf(subject.mention)), total: list.length },
      onStep: (d) => void this.step(d),
    });
  }

  private cancelTimers(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
  }
}
