// Paints mentions with the CSS Custom Highlight API: one named highlight per entity kind, styled
// by highlights.css. The page's DOM is never touched, and removal is one call per kind. Changes
// are applied in batches at most every 100 ms: Chromium repaints every range of a highlight each
// time the set changes, so adding thousands one slice at a time costs seconds of frames.

import type { EntityKind } from '../../shared/types';
import { ENTITY_KINDS } from '../../shared/types';

export const HIGHLIGHT_PREFIX = 'sound-familiar-';

/** One highlight style per entity kind, one for the user's claims, one for repeated promises. */
export type HighlightKind = EntityKind | 'claim' | 'echo';
const HIGHLIGHT_KINDS: readonly HighlightKind[] = [...ENTITY_KINDS, 'claim', 'echo'];

const BATCH_MS = 100;

export class Highlighter {
  private readonly highlights = new Map<HighlightKind, Highlight>();
  /** Pending changes per kind: true to add the range, false to remove it. The last word wins. */
  private readonly pending = new Map<HighlightKind, Map<AbstractRange, boolean>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiters: (() => void)[] = [];

  constructor(private readonly registry: HighlightRegistry = CSS.highlights, private readonly batchMs = BATCH_MS) {}

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
      let highlight = this.highlights.get(kind);
      for (const [range, present] of changes) {
        if (present) {
          if (!highlight) {
            highlight = new Highlight();
            this.highlights.set(kind, highlight);
            this.registry.set(HIGHLIGHT_PREFIX + kind, highlight);
          }
          highlight.add(range);
        } else {
          highlight?.delete(range);
        }
      }
    }
    this.pending.clear();
    this.release();
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
  }
}

/** Whether this browser can paint highlights at all (Firefox < 140 cannot). */
export function highlightsSupported(scope: { Highlight?: unknown; CSS?: { highlights?: unknown } } = globalThis): boolean {
  return typeof scope.Highlight === 'function' && typeof (scope.CSS?.highlights as HighlightRegistry | undefined)?.set === 'function';
}
