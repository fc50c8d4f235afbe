// Paints mentions with the CSS Custom Highlight API: one named highlight per entity kind, styled
// by highlights.css. The page's DOM is never touched, and removal is one call per kind.

import type { EntityKind } from '../../shared/types';
import { ENTITY_KINDS } from '../../shared/types';

export const HIGHLIGHT_PREFIX = 'sound-familiar-';

/** One highlight style per entity kind, and one for the user's recorded claims. */
export type HighlightKind = EntityKind | 'claim';
const HIGHLIGHT_KINDS: readonly HighlightKind[] = [...ENTITY_KINDS, 'claim'];

export class Highlighter {
  private readonly highlights = new Map<HighlightKind, Highlight>();

  constructor(private readonly registry: HighlightRegistry = CSS.highlights) {}

  add(kind: HighlightKind, range: AbstractRange): void {
    let highlight = this.highlights.get(kind);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(kind, highlight);
      this.registry.set(HIGHLIGHT_PREFIX + kind, highlight);
    }
    highlight.add(range);
  }

  delete(kind: HighlightKind, range: AbstractRange): void {
    this.highlights.get(kind)?.delete(range);
  }

  /** Unregisters every highlight this extension made. */
  clear(): void {
    for (const kind of HIGHLIGHT_KINDS) this.registry.delete(HIGHLIGHT_PREFIX + kind);
    this.highlights.clear();
  }
}

/** Whether this browser can paint highlights at all (Firefox < 140 cannot). */
export function highlightsSupported(scope: { Highlight?: unknown; CSS?: { highlights?: unknown } } = globalThis): boolean {
  return typeof scope.Highlight === 'function' && typeof (scope.CSS?.highlights as HighlightRegistry | undefined)?.set === 'function';
}
