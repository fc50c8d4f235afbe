// Paints mentions with the CSS Custom Highlight API: one named highlight per entity kind, styled by
// highlights.css, added to the frame at its first highlight (highlight-styles.ts). The page's DOM
// is never touched. Only the mentions on screen and `margin` each side (document order) are in the
// registry; the window follows the reader. Why: Chromium rebuilds the markers of every registered
// range in the frame after any change to a highlight or to the page's DOM or style: the 3,459
// mentions of a 2 MB page made one 50-130 ms rendering task, and every later change of the page
// paid ~30 ms more. Changes wait for a batch (at most every 100 ms) except added ranges on screen,
// applied when the task that found them ends (painted in the next frame). While the window holds
// every range (no more than `margin`: most pages), all are applied then, the viewport is not read,
// and no batch follows unless a wanted range is still unregistered.
// Printing puts the whole page on paper: every range is registered until 'afterprint' (window-watch.ts).

import { ENTITY_KINDS, type EntityKind } from '../../shared/types';
import type { HighlightSink } from './highlight-styles';
import { RangeOrder } from './range-order';
import { KeptViewport, spanPosition, viewportSpan, type ViewportSpan } from './viewport-span';
import { WindowWatch } from './window-watch';

export { highlightsSupported } from './supported';

export const HIGHLIGHT_PREFIX = 'sound-familiar-';

/** One highlight style per entity kind, one for the user's claims, one for repeated promises. */
export type HighlightKind = EntityKind | 'claim' | 'echo';
const HIGHLIGHT_KINDS: readonly HighlightKind[] = [...ENTITY_KINDS, 'claim', 'echo'];

const BATCH_MS = 100;
/** Ranges registered before and after the ones on screen: a few screens of a dense page. */
const MARGIN = 150;

export interface HighlighterOptions {
  /** Ranges registered on each side of those on screen. */
  margin?: number;
  /** The document whose scrolling, resizing and visibility move the window. */
  doc?: Document;
}

export class Highlighter {
  private readonly highlights = new Map<HighlightKind, Highlight>();
  /** Every range to show (added and not deleted since), with its kind: one kind per range. */
  private readonly wanted = new Map<AbstractRange, HighlightKind>();
  /** The wanted ranges in document order. */
  private readonly order = new RangeOrder();
  /** What the registry holds now. */
  private readonly registered = new Map<AbstractRange, HighlightKind>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiters: (() => void)[] = [];
  /** Added ranges on screen, applied when the current task ends (ahead of the batch). */
  private readonly urgent = new Set<AbstractRange>();
  private urgentQueued = false;
  /** Ranges in view were queued since the scanner last asked: it lets a frame paint them before going on. */
  private frameWanted = false;
  /** Ranges added while the window held every range, not yet checked against the viewport. */
  private readonly unlocated = new Set<AbstractRange>();
  /** Where the reader is, read when needed and kept a while (viewport-span.ts). */
  private readonly view: KeptViewport;
  /** The span the last range in the order is known to start after. */
  private tailPast: ViewportSpan | null = null;
  /** Scrolling, resizing, the tab coming back and printing: where the window may have to move. */
  private readonly watch: WindowWatch;
  private readonly margin: number;
  /** Between 'beforeprint' and 'afterprint': the window is the whole document. */
  private printing = false;

  /** `viewport`: where the reader is looking, read when needed (tests pass their own). */
  constructor(
    private readonly registry: HighlightSink = CSS.highlights,
    private readonly batchMs = BATCH_MS,
    viewport: () => ViewportSpan | null = () => viewportSpan(),
    options: HighlighterOptions = {},
  ) {
    this.margin = options.margin ?? MARGIN;
    this.view = new KeptViewport(viewport);
    const doc = options.doc ?? (typeof document === 'undefined' ? undefined : document);
    this.watch = new WindowWatch(doc, { stale: () => this.view.stale(), moved: () => this.follow(), printing: (on) => this.setPrinting(on) });
  }

  add(kind: HighlightKind, range: AbstractRange): void {
    const had = this.wanted.get(range);
    if (had === kind) return;
    const last = had === undefined && this.order.insert(range);
    this.wanted.set(range, kind);
    this.changed();
    const all = this.order.size <= this.margin; // the window holds them all: no need to know where the reader is
    if (all) this.unlocated.add(range);
    if (all || this.inView(range, last)) {
      this.urgent.add(range);
      this.frameWanted ||= !all;
      if (!this.urgentQueued) {
        this.urgentQueued = true;
        // When the current task's synchronous work ends (a scan slice), before the next frame.
        queueMicrotask(() => this.flushUrgent());
      }
    }
  }

  delete(kind: HighlightKind, range: AbstractRange): void {
    if (this.wanted.get(range) !== kind) return;
    this.wanted.delete(range);
    this.order.remove(range);
    this.urgent.delete(range);
    this.unlocated.delete(range);
    this.tailPast = null; // the last range may be this one
    this.changed();
  }

  /** Applies every pending change now: the registry holds the window around the viewport. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.urgent.clear();
    this.sync();
    if (this.wanted.size === 0) this.stopWatching();
    this.release();
  }

  /**
   * Printing starts or ends. Every range found so far is registered at once (the print is laid out
   * when 'beforeprint' returns: later work would miss it), and the window comes back after. A scan
   * still under way is not hurried: finishing it inside 'beforeprint' would be one long task on a
   * big page, holding up the print dialog; what it finds before 'afterprint' is registered too.
   */
  setPrinting(on: boolean): void {
    if (this.printing === on) return;
    this.printing = on;
    this.flush();
  }

  /** Resolves once every change queued so far has been applied (at once if none is pending). */
  applied(): Promise<void> {
    if (this.timer === undefined) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Unregisters every highlight this extension made and forgets every range. */
  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.wanted.clear();
    this.order.clear();
    this.registered.clear();
    this.urgent.clear();
    this.unlocated.clear();
    this.view.forget();
    this.tailPast = null;
    this.stopWatching();
    for (const kind of HIGHLIGHT_KINDS) this.registry.delete(HIGHLIGHT_PREFIX + kind);
    this.highlights.clear();
    this.release();
  }

  /**
   * Whether ranges in view were added since the last call: then a frame should paint them before
   * more work. Only a scan that goes on asks: then it is worth reading whether they are on screen.
   */
  takeFrameRequest(): boolean {
    let wanted = this.frameWanted;
    const span = !wanted && this.unlocated.size > 0 ? this.view.span() : null;
    if (span) wanted = [...this.unlocated].some((range) => spanPosition(span, range) === 0);
    this.unlocated.clear();
    this.frameWanted = false;
    return wanted;
  }

  /**
   * Whether a scan that has read up to `walkedTo` should stop for a frame now: ranges on screen
   * wait to be painted and it is past the screen, so one frame paints them all. Asked often: it
   * reads the viewport at most as takeFrameRequest would, and places each added range once.
   */
  screenFound(walkedTo: Node): boolean {
    if (!this.frameWanted && this.unlocated.size === 0) return false;
    const span = this.view.span();
    if (!span) return false;
    if (!this.frameWanted) this.frameWanted = [...this.unlocated].some((range) => spanPosition(span, range) === 0);
    this.unlocated.clear();
    return this.frameWanted && walkedTo !== span.last && !!(span.last.compareDocumentPosition(walkedTo) & Node.DOCUMENT_POSITION_FOLLOWING);
  }

  /** How many ranges are registered now, of how many wanted: for tests and the benchmark. */
  counts(): { registered: number; wanted: number } {
    return { registered: this.registered.size, wanted: this.wanted.size };
  }

  /** Print mode ends too: its 'afterprint' listener goes with the watch, and would never come. */
  private stopWatching(): void {
    this.watch.stop();
    this.printing = false;
  }

  private changed(): void {
    this.watch.start();
    this.timer ??= setTimeout(() => this.flush(), this.batchMs);
  }

  /** Drops what is no longer wanted (a rewritten name never shows twice), then adds this task's urgent ranges. */
  private flushUrgent(): void {
    this.urgentQueued = false;
    this.dropUnwanted();
    for (const range of this.urgent) {
      const kind = this.wanted.get(range);
      if (kind === undefined || this.registered.has(range)) continue;
      this.highlightOf(kind).add(range);
      this.registered.set(range, kind);
    }
    this.urgent.clear();
    // While the window holds every range, the registry may now hold all that is wanted: then
    // nothing waits for the batch, and waiting for it would only delay applied() by up to 100 ms.
    if (this.windowHoldsAll() && this.registered.size === this.wanted.size) this.flush();
  }

  /** Makes the registry hold exactly the wanted ranges of the window; untouched if it already does. */
  private sync(): void {
    const [from, to] = this.windowAround();
    const target = this.order.slice(from, to);
    const keep = new Set(target);
    for (const [range, kind] of this.registered) {
      if (keep.has(range) && this.wanted.get(range) === kind) continue;
      this.unregister(range, kind);
    }
    for (const range of target) {
      if (this.registered.has(range)) continue;
      const kind = this.wanted.get(range)!;
      this.highlightOf(kind).add(range);
      this.registered.set(range, kind);
    }
  }

  /**
   * Whether a range starts on screen. One that went last, after a last range already past the
   * screen, is past it too: a scan's thousands of adds below the screen skip the tree comparisons.
   */
  private inView(range: AbstractRange, last: boolean): boolean {
    const span = this.view.span();
    if (!span) return false;
    if (last && this.tailPast === span) return false;
    const position = spanPosition(span, range);
    if (last) this.tailPast = position > 0 ? span : null;
    return position === 0;
  }

  /** Indices [from, to) in document order of the ranges to register: those on screen and `margin` each side. */
  private windowAround(): [number, number] {
    if (this.windowHoldsAll()) return [0, this.order.size];
    const span = this.view.span();
    const [from, to] = span ? this.order.within(span) : [0, this.margin];
    return [Math.max(0, from - this.margin), Math.min(this.order.size, to + this.margin)];
  }

  private windowHoldsAll(): boolean {
    return this.printing || this.order.size <= this.margin;
  }

  /** After the reader moved: if what is on screen came near the edge of the window, the window moves. */
  private follow(): void {
    if (this.windowHoldsAll()) return;
    const span = this.view.span();
    if (!span) return;
    const [from, to] = this.order.within(span);
    const half = this.margin >> 1;
    const covered = (i: number) => {
      const range = this.order.at(Math.min(Math.max(i, 0), this.order.size - 1));
      return !range || this.registered.has(range);
    };
    if (covered(from - half) && covered(to - 1 + half) && (from === to || (covered(from) && covered(to - 1)))) return;
    this.sync();
  }

  private dropUnwanted(): void {
    for (const [range, kind] of this.registered) if (this.wanted.get(range) !== kind) this.unregister(range, kind);
  }

  private unregister(range: AbstractRange, kind: HighlightKind): void {
    this.highlights.get(kind)?.delete(range);
    this.registered.delete(range);
  }

  private highlightOf(kind: HighlightKind): Highlight {
    let highlight = this.highlights.get(kind);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(kind, highlight);
      this.registry.set(HIGHLIGHT_PREFIX + kind, highlight);
    }
    return highlight;
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
