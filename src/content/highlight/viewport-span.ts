// Which text is in the viewport, told without reading every mention's geometry: the first and
// last text nodes on screen are found once (a few caret hit tests, one layout), and a range is in
// view when it starts between them in document order (a tree comparison, no layout). Used to paint the mentions a reader can see first; everything else waits for the
// usual batch. Approximate at the edges (multi-column layouts, fixed headers): it only orders work.

export type NearViewport = (range: AbstractRange) => boolean;

/**
 * A test for "starts in the viewport", decided from the page as it is now: the first text found on
 * screen probing down from the top, the last probing up from the bottom. No text on screen (or a
 * hidden document): nothing is in view.
 */
export function nearViewport(doc: Document = document): NearViewport {
  const view = doc.defaultView;
  if (!view || doc.visibilityState === 'hidden' || !doc.body) return () => false;
  const width = view.innerWidth;
  const height = view.innerHeight;
  const ys = [1, height / 4, height / 2, (3 * height) / 4, height - 2].map(Math.round);
  const probe = (y: number) => textAt(doc, 1, y, height) ?? textAt(doc, Math.max(1, width - 2), y, height);
  let first: Node | null = null;
  for (const y of ys) if ((first = probe(y))) break;
  let last: Node | null = null;
  for (const y of [...ys].reverse()) if ((last = probe(y))) break;
  if (!first || !last) return () => false;
  return (range) => {
    const node = range.startContainer;
    if (node !== first && !(first.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) return false;
    if (node !== last && !(last.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING)) return false;
    return true;
  };
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
