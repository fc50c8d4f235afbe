// Which text is in the viewport, told without reading every mention's geometry: the first and
// last text nodes on screen are found once (a few caret hit tests, one layout), and a range is in
// view when it starts between them in document order (a tree comparison, no layout). The
// Highlighter paints what is on screen first and registers only the mentions around it (see
// highlight-window.ts). Approximate at the edges (multi-column layouts, fixed headers): it orders
// and bounds work, and a reader scrolling moves it.

export type NearViewport = (range: AbstractRange) => boolean;

/** The first and last text nodes on screen, in document order. */
export interface ViewportSpan {
  first: Node;
  last: Node;
}

/**
 * The span of text on screen, read from the page as it is now: the first text found probing down
 * from the top, the last probing up from the bottom. Null when no text is on screen or the
 * document is hidden.
 */
export function viewportSpan(doc: Document = document): ViewportSpan | null {
  const view = doc.defaultView;
  if (!view || doc.visibilityState === 'hidden' || !doc.body) return null;
  const width = view.innerWidth;
  const height = view.innerHeight;
  const ys = [1, height / 4, height / 2, (3 * height) / 4, height - 2].map(Math.round);
  const probe = (y: number) => textAt(doc, 1, y, height) ?? textAt(doc, Math.max(1, width - 2), y, height);
  let first: Node | null = null;
  for (const y of ys) if ((first = probe(y))) break;
  let last: Node | null = null;
  for (const y of [...ys].reverse()) if ((last = probe(y))) break;
  return first && last ? { first, last } : null;
}

/** Where a range starts against the span: -1 before it, 0 inside, 1 after it (document order). */
export function spanPosition(span: ViewportSpan, range: AbstractRange): -1 | 0 | 1 {
  const node = range.startContainer;
  if (node !== span.first && !(span.first.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) return -1;
  if (node !== span.last && !(span.last.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING)) return 1;
  return 0;
}

/** A test for "starts in the viewport", decided from the page as it is now (nothing on screen: never). */
export function nearViewport(doc: Document = document): NearViewport {
  const span = viewportSpan(doc);
  return span ? (range) => spanPosition(span, range) === 0 : () => false;
}

/**
 * The text node under a viewport point, if the caret lands in one that is on screen: a caret hit
 * test snaps to the nearest text even from blank space, which may be far off screen.
 */
function textAt(doc: Document, x: number, y: number, height: number): Node | null {
  let node: Node | null = null;
  if (typeof doc.caretPositionFromPoint === 'function') node = doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  else node = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y)?.startContainer ?? null;
  if (node?.nodeType !== Node.TEXT_NODE) return null;
  const box = doc.createRange();
  box.selectNodeContents(node);
  const rect = box.getBoundingClientRect();
  return rect.bottom > 0 && rect.top < height ? node : null;
}
