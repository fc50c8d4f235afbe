// How long a changing page is left to settle before what changed is read: short after a quiet
// spell, doubling while changes keep coming (a ticker, a feed), short again once the page has been
// quiet for a second. The scanner's rescans and a quiet frame's checks (quiet/quiet-watch.ts) both
// wait this way, each with its own bounds.

export class SettleBackoff {
  private wait: number;
  private lastFlush = 0;

  constructor(private readonly shortest: number, private readonly longest: number) {
    this.wait = shortest;
  }

  /** The wait before the next flush, for a change that arrives at `now` with none pending. */
  next(now: number): number {
    this.wait = now - this.lastFlush < 1000 ? Math.min(this.wait * 2, this.longest) : this.shortest;
    return this.wait;
  }

  /** What changed was read at `now`. */
  flushed(now: number): void {
    this.lastFlush = now;
  }
}
