// When the highlighter's window of registered ranges (highlighter.ts) may have to move: the reader
// scrolled (any scroller), resized, or came back to the tab; and when the page is printed, where
// the window is the whole document.

export interface WindowEvents {
  /** The viewport may have moved: called once a frame at most, just after it is drawn. */
  moved(): void;
  /** The viewport reading is out of date (called at once, before `moved`). */
  stale(): void;
  /** Printing starts (true) or ends. */
  printing(on: boolean): void;
}

export class WindowWatch {
  private watching: AbortController | null = null;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document | undefined, private readonly on: WindowEvents) {}

  /**
   * Starts listening (once). The check runs just after a frame is drawn: the hit tests that find
   * the viewport are cheap then, where in an animation callback they would lay out and pre-paint
   * the page first (20-40 ms on the 2 MB page). A jump waits one frame.
   */
  start(): void {
    if (this.watching || !this.doc) return;
    this.watching = new AbortController();
    const options = { passive: true, capture: true, signal: this.watching.signal };
    const moved = () => {
      this.on.stale();
      this.frame ||= requestAnimationFrame(() => {
        this.timer = setTimeout(() => {
          this.frame = 0;
          this.timer = undefined;
          this.on.moved();
        }, 0);
      });
    };
    this.doc.addEventListener('scroll', moved, options);
    this.doc.addEventListener('visibilitychange', moved, options);
    const view = this.doc.defaultView;
    view?.addEventListener('resize', moved, options);
    // Any 'beforeprint', not only the reader's: a page announcing a print it does not make costs only itself.
    view?.addEventListener('beforeprint', () => this.on.printing(true), options);
    view?.addEventListener('afterprint', () => this.on.printing(false), options);
  }

  stop(): void {
    this.watching?.abort();
    this.watching = null;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
