// Decides when the card shows: after a short hover (so sweeping the pointer across a page does
// not flash cards), at once for keyboard steps (with focus moved into it), and closes on Escape,
// on the close button, or when the pointer has left both the highlight and the card.

import type { StepAnswer, StepFrom } from '../../shared/content-calls';
import type { CardSubject } from '../features/page-feature';
import { rectsOf } from '../highlight/hover';
import { placeNextTo } from './place-next-to';
import type { UiRoot } from './ui-root';

const OPEN_DELAY_MS = 150;
const CLOSE_DELAY_MS = 300;

export interface CardControllerDeps {
  ui: UiRoot;
  nameOf(entityId: string): string;
  /** What keyboard stepping visits (names, repeated promises…), in document order. */
  stops(): CardSubject[];
  /** Asks the background to walk on from this frame into the tab's others ('page/step-tab'); true if a card opened. */
  stepTab?(direction: 1 | -1): Promise<boolean>;
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

  /**
   * Moves to the next or previous mention from the one shown, scrolls to it and opens its card
   * focused. `acrossFrames` (the reader's click on Previous/Next): at this frame's end the walk
   * goes on through the tab's frames as the keyboard commands do, not round this frame; if the
   * background cannot, it wraps here as before.
   */
  async step(direction: 1 | -1, acrossFrames = false): Promise<boolean> {
    const list = this.deps.stops();
    const at = this.shown ? list.findIndex((s) => s.key === this.shown!.key) : -1;
    const atEnd = at >= 0 && (at + direction < 0 || at + direction >= list.length);
    if (acrossFrames && atEnd && this.deps.stepTab && (await this.deps.stepTab(direction).catch(() => false))) return true;
    if (list.length === 0) return false;
    const next = at < 0 ? (direction === 1 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
    return this.reveal(list[next]!);
  }

  /**
   * One frame's part of a keyboard step (the background walks the frames): the next stop from the
   * card shown, or from this frame's first or last stop. Never wraps: at the end it closes the card
   * and answers 'end', and the background goes on in the next frame (or back to this one's edge).
   */
  async stepWithin(direction: 1 | -1, from: StepFrom): Promise<StepAnswer> {
    if (from === 'shown' && !this.shown) return 'idle';
    const list = this.deps.stops();
    const at = from === 'shown' ? list.findIndex((s) => s.key === this.shown!.key) : -1;
    // The shown card is not a stop (its text went): step from this frame's edge, as step() does.
    const next = at < 0 ? (direction === 1 ? 0 : list.length - 1) : at + direction;
    if (list.length === 0 || next < 0 || next >= list.length) {
      if (from === 'shown') this.close();
      return from === 'shown' && list.length > 0 ? 'end' : 'idle';
    }
    return (await this.reveal(list[next]!)) ? 'moved' : 'failed';
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
    return !!this.shown && this.shown.key === subject.key;
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

  private render(subject: CardSubject): Promise<HTMLElement | null> {
    return subject.render(this.doc, { nameOf: this.deps.nameOf, today: this.deps.today(), onClose: () => this.close() });
  }

  private cancelTimers(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
  }
}
