// Whether this browser can paint our highlights at all: the content script starts nothing without.

/** Whether this browser has the CSS Custom Highlight API (Firefox < 140 has not). */
export function highlightsSupported(scope: { Highlight?: unknown; CSS?: { highlights?: unknown } } = globalThis): boolean {
  return typeof scope.Highlight === 'function' && typeof (scope.CSS?.highlights as HighlightRegistry | undefined)?.set === 'function';
}
