// The card as the always-loaded script sees it: hover, steps and reveals are passed to the real
// CardController, which is made (with the card code) on the first of them. Calls made while it
// loads are passed on in order once it is there; closing a card never loads anything.

import type { StepAnswer, StepFrom } from '../../shared/content-calls';
import type { CardSubject } from '../features/page-feature';
import type { CardController } from '../ui/card-controller';

export class LazyCard {
  private card: CardController | null = null;
  private loading: Promise<CardController> | null = null;

  constructor(private readonly make: () => Promise<CardController>) {}

  hoverEnter(subject: CardSubject): void {
    if (this.card) this.card.hoverEnter(subject);
    else void this.load().then((c) => c.hoverEnter(subject), () => undefined);
  }

  hoverLeave(): void {
    this.whenLoaded((c) => c.hoverLeave());
  }

  close(): void {
    this.whenLoaded((c) => c.close());
  }

  async step(direction: 1 | -1, acrossFrames = false): Promise<boolean> {
    return (await this.load()).step(direction, acrossFrames);
  }

  /**
   * This frame's part of a keyboard step (CardController.stepWithin). A card never made shows
   * nothing, so 'shown' is answered without loading the card code.
   */
  async stepWithin(direction: 1 | -1, from: StepFrom): Promise<StepAnswer> {
    if (from === 'shown' && !this.card) return 'idle';
    return (await this.load()).stepWithin(direction, from);
  }

  async reveal(subject: CardSubject): Promise<boolean> {
    return (await this.load()).reveal(subject);
  }

  /** Runs `fn` on the card if it exists or is on its way; nothing to do for a card never made. */
  private whenLoaded(fn: (card: CardController) => void): void {
    if (this.card) fn(this.card);
    else void this.loading?.then(fn, () => undefined);
  }

  private load(): Promise<CardController> {
    if (this.card) return Promise.resolve(this.card);
    this.loading ??= this.make().then((card) => (this.card = card));
    this.loading.catch(() => (this.loading = null));
    return this.loading;
  }
}
