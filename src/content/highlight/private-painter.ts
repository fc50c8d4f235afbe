// Paints the user's private ranges (recorded claims, names the user added) inside our closed
// shadow root, as boxes laid over the text, instead of in CSS.highlights: that registry belongs
// to the document, and any page script can list its ranges and read their text. The boxes take
// no pointer events, so hit-testing by the page (elementFromPoint) still finds the page's text.
// Listeners exist only while there is something to paint. Nothing is drawn until `reveal()`:
// the page session calls it on a signal that private data cannot influence (see PageSession), so
// the host's appearing never tells the page that the reader has claims or names of their own.
// Each frame draws only the ranges on screen and PAINT_MARGIN on each side of them in document
// order: measuring and boxing every range of a long page on each scrolled frame made long tasks.

import type { HighlightKind } from './highlighter';
import { rectsOf } from './hover';
import type { UiRoot } from '../ui/ui-root';
import { RangeOrder } from './range-order';
import { viewportSpan } from './viewport-span';

/** Ranges drawn before and after those on screen: more than a screen of even a dense page. */
const PAINT_MARGIN = 60;

export class PrivatePainter {
  private readonly ranges = new Map<AbstractRange, HighlightKind>();
  /** The same ranges in document order. */
  private readonly order = new RangeOrder();
  private frame = 0;
  private watching: AbortController | null = null;
  private resize: ResizeObserver | null = null;
  private revealed = false;

  constructor(private readonly ui: UiRoot) {}

  /** From now on, ranges are drawn (creating our host in the page if need be). */
  reveal(): void {
    if (this.revealed) return;
    this.revealed = true;
    if (this.ranges.size > 0) this.schedule();
  }

  add(kind: HighlightKind, range: AbstractRange): void {
    if (!this.ranges.has(range)) this.order.insert(range);
    this.ranges.set(range, kind);
    this.schedule();
  }

  delete(_kind: HighlightKind, range: AbstractRange): void {
    if (!this.ranges.delete(range)) return;
    this.order.remove(range);
    this.schedule();
  }

  /** How many ranges are painted: for tests and the benchmark. */
  get size(): number {
    return this.ranges.size;
  }

  /** Draws every range now (the page has moved, or a test wants to look). */
  flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.revealed) return;
    if (this.ranges.size === 0) {
      this.ui.clear('paint');
      this.stopWatching();
      return;
    }
    this.startWatching();
    const doc = this.ui.doc;
    const boxes: HTMLElement[] = [];
    const span = viewportSpan(doc);
    const [from, to] = span ? this.order.within(span) : [0, PAINT_MARGIN];
    for (const range of this.order.slice(Math.max(0, from - PAINT_MARGIN), to + PAINT_MARGIN)) {
      const kind = this.ranges.get(range)!;
      for (const r of rectsOf(range, doc)) {
        if (r.width === 0) continue;
        const box = doc.createElement('div');
        box.className = `mark mark-${kind}`;
        box.style.cssText = `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
        boxes.push(box);
      }
    }
    this.ui.slot('paint').replaceChildren(...boxes);
  }

  clear(): void {
    this.ranges.clear();
    this.order.clear();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.ui.clear('paint');
    this.stopWatching();
  }

  private schedule(): void {
    if (!this.revealed) return;
    this.frame ||= requestAnimationFrame(() => this.flush());
  }

  /** Text moves when the page scrolls (any scroller), resizes or reflows: redraw once a frame. */
  private startWatching(): void {
    if (this.watching) return;
    this.watching = new AbortController();
    const options = { passive: true, capture: true, signal: this.watching.signal };
    const view = this.ui.doc.defaultView;
    this.ui.doc.addEventListener('scroll', () => this.schedule(), options);
    view?.addEventListener('resize', () => this.schedule(), options);
    if (typeof ResizeObserver === 'function' && this.ui.doc.body) {
      this.resize = new ResizeObserver(() => this.schedule());
      this.resize.observe(this.ui.doc.body);
    }
  }

  private stopWatching(): void {
    this.watching?.abort();
    this.watching = null;
    this.resize?.disconnect();
    this.resize = null;
  }
}
