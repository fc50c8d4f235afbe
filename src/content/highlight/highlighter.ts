// Paints mentions with the CSS Custom Highlight API: one named highlight per entity kind, styled
// by highlights.css. The page's DOM is never touched, and removal is one call per kind. Changes
// are applied in batches at most every 100 ms: Chromium repaints every range of a highlight each
// time the set changes, so adding thousands one slice at a time costs seconds of frames. Ranges
// in the viewport are the exception: they are applied as soon as the task that found them ends,
// so what the reader can see is painted in the next frame, not after the batch.

import type { EntityKind } from '../../shared/types';
import { ENTITY_KINDS } from '../../shared/types';
import { nearViewport, type NearViewport } from './viewport-span';

export const HIGHLIGHT_PREFIX = 'sound-familiar-';

/** One highlight style per entity kind, one for the user's claims, one for repeated promises. */
export type HighlightKind = EntityKind | 'claim' | 'echo';
const HIGHLIGHT_KINDS: readonly HighlightKind[] = [...ENTITY_KINDS, 'claim', 'echo'];

const BATCH_MS = 100;
/** How long one reading of where the viewport is serves: it costs a layout read (hit tests). */
const VIEWPORT_TTL_MS = 1000;

export class Highlighter {
  private readonly highlights = new Map<HighlightKind, Highlight>();
  /** Pending changes per kind: true to add the range, false to remove it. The last word wins. */
  private readonly pending = new Map<HighlightKind, Map<AbstractRange, boolean>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiters: (() => void)[] = [];
  /** Added ranges in the viewport, applied when the current task ends (ahead of the batch). */
  private readonly urgent = new Map<AbstractRange, HighlightKind>();
  private urgentQueued = false;
  /** Ranges in view were queued since the scanner last asked: it lets a frame paint them before going on. */
  private frameWanted = false;
  private inView: { test: NearViewport; at: number } | null = null;

  /** `viewport`: where the reader is looking, read on the first add (tests pass their own). */
  constructor(
    private readonly registry: HighlightRegistry = CSS.highlights,
    private readonly batchMs = BATCH_MS,
    private readonly viewport: () => NearViewport = () => nearViewport(),
  ) {}

  add(kind: HighlightKind, range: AbstractRange): void {
    this.queue(kind, range, true);
  }

  delete(kind: HighlightKind, range: AbstractRange): void {
    this.queue(kind, range, false);
  }

  /** Applies every pending change now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const [kind, changes] of this.pending) {
      for (const [range, present] of changes) {
        if (present) this.highlightOf(kind).add(range);
        else this.highlights.get(kind)?.delete(range);
      }
    }
    this.pending.clear();
    this.urgent.clear();
    this.release();
  }

  /** Applies the pending removals and the additions in the viewport; other additions wait for the batch. */
  private flushUrgent(): void {
    this.urgentQueued = false;
    // Removals go with them: a rewritten name's old range would otherwise stay painted beside its
    // new one until the batch, and a page that rewrites often would show stale marks piling up.
    for (const [kind, changes] of this.pending) {
      for (const [range, present] of changes) {
        if (present) continue;
        this.highlights.get(kind)?.delete(range);
        changes.delete(range);
      }
    }
    for (const [range, kind] of this.urgent) {
      const changes = this.pending.get(kind);
      if (changes?.get(range) !== true) continue; // removed again since
      changes.delete(range);
      this.highlightOf(kind).add(range);
    }
    this.urgent.clear();
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

  /** Resolves once every change queued so far has been applied (at once if none is pending). */
  applied(): Promise<void> {
    if (this.timer === undefined) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Unregisters every highlight this extension made. */
  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    this.urgent.clear();
    for (const kind of HIGHLIGHT_KINDS) this.registry.delete(HIGHLIGHT_PREFIX + kind);
    this.highlights.clear();
    this.release();
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private queue(kind: HighlightKind, range: AbstractRange, present: boolean): void {
    let changes = this.pending.get(kind);
    if (!changes) this.pending.set(kind, (changes = new Map()));
    changes.set(range, present);
    this.timer ??= setTimeout(() => this.flush(), this.batchMs);
    if (present && this.isInView(range)) {
      this.urgent.set(range, kind);
      this.frameWanted = true;
      if (!this.urgentQueued) {
        this.urgentQueued = true;
        // When the current task's synchronous work ends (a scan slice), before the next frame.
        queueMicrotask(() => this.flushUrgent());
      }
    }
  }

  /** Whether ranges in view were added since the last call: then a frame should paint them before more work. */
  takeFrameRequest(): boolean {
    const wanted = this.frameWanted;
    this.frameWanted = false;
    return wanted;
  }

  private isInView(range: AbstractRange): boolean {
    const now = performance.now();
    if (!this.inView || now - this.inView.at > VIEWPORT_TTL_MS) this.inView = { test: this.viewport(), at: now };
    return this.inView.test(range);
  }
}

/** Whether this browser can paint highlights at all (Firefox < 140 cannot). */
export function highlightsSupported(scope: { Highlight?: unknown; CSS?: { highlights?: unknown } } = globalThis): boolean {
  return typeof scope.Highlight === 'function' && typeof (scope.CSS?.highlights as HighlightRegistry | undefined)?.set === 'function';
}
