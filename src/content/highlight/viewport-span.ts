// Which text is in the viewport, told without reading every mention's geometry: the first and
// last text nodes on screen are found once (a few caret hit tests, one layout), and a range is in
// view when it starts between them in document order (a tree comparison, no layout). The
// Highlighter paints what is on screen first and registers only the mentions around it (see
// highlighter.ts). Approximate at the edges (multi-column layouts): it orders and bounds work,
// and a reader scrolling moves it.

export type NearViewport = (range: AbstractRange) => boolean;

/** The first and last text nodes on screen, in document order. */
export interface ViewportSpan {
  first: Node;
  last: Node;
}

/**
 * The span of text on screen, read from the page as it is now: the earliest and the latest in
 * document order of the text under a grid of points (left edge, middle, right edge at five
 * heights). Null when no text is on screen or the document is hidden.
 */
export function viewportSpan(doc: Document = document): ViewportSpan | null {
  const view = doc.defaultView;
  if (!view || doc.visibilityState === 'hidden' || !doc.body) return null;
  const width = view.innerWidth;
  const height = view.innerHeight;
  const ys = [1, height / 4, height / 2, (3 * height) / 4, height - 2].map(Math.round);
  const xs = [1, width / 2, width - 2].map((x) => Math.max(1, Math.round(x)));
  // Text in a fixed or sticky box (a sidebar, a header) stays on screen wherever the reader is,
  // and may sit anywhere in the document: it bounds the span only when nothing else is on screen.
  const pinned = pinnedTest(view);
  const hits: Node[] = [];
  const stuck: Node[] = [];
  for (const y of ys) for (const x of xs) {
    const node = textAt(doc, x, y, height);
    if (node) (pinned(node) ? stuck : hits).push(node);
  }
  const found = hits.length > 0 ? hits : stuck;
  let first = found[0];
  let last = found[0];
  for (const node of found) {
    if (node.compareDocumentPosition(first!) & Node.DOCUMENT_POSITION_FOLLOWING) first = node;
    if (node.compareDocumentPosition(last!) & Node.DOCUMENT_POSITION_PRECEDING) last = node;
  }
  return first && last ? { first, last } : null;
}

/** A test for "inside a fixed or sticky box", remembering each element's answer for one reading. */
function pinnedTest(view: Window): (node: Node) => boolean {
  const known = new Map<Element, boolean>();
  const pinned = (el: Element | null): boolean => {
    if (!el) return false;
    let answer = known.get(el);
    if (answer === undefined) {
      const position = view.getComputedStyle(el).position;
      answer = position === 'fixed' || position === 'sticky' || pinned(el.parentElement);
      known.set(el, answer);
    }
    return answer;
  };
  return (node) => pinned(node.parentElement);
}

/** Where a range starts against the span: -1 before it, 0 inside, 1 after it (document order). */
export function spanPosition(span: ViewportSpan, range: AbstractRange): -1 | 0 | 1 {
  const node = range.startContainer;
  if (node !== span.first && !(span.first.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) return -1;
  if (node !== span.last && !(span.last.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING)) return 1;
  return 0;
}

/** How long one reading of where the viewport is serves (unless the page scrolls): it costs a layout read. */
const VIEWPORT_TTL_MS = 1000;

/**
 * The span on screen, read at most once a second unless told it is stale (the reader moved) or its
 * text left the page; while nothing is on screen (a hidden tab), the last span that had text.
 */
export class KeptViewport {
  private view: { span: ViewportSpan | null; at: number } | null = null;
  private lastSpan: ViewportSpan | null = null;

  constructor(private readonly read: () => ViewportSpan | null) {}

  span(): ViewportSpan | null {
    const now = performance.now();
    let view = this.view;
    if (!view || now - view.at > VIEWPORT_TTL_MS || (view.span && !connected(view.span))) view = this.view = { span: this.read(), at: now };
    if (view.span) return (this.lastSpan = view.span);
    const last = this.lastSpan;
    return last && connected(last) ? last : null;
  }

  /** The reader moved: the next span() reads again. */
  stale(): void {
    this.view = null;
  }

  /** Forgets the last span seen too. */
  forget(): void {
    this.view = null;
    this.lastSpan = null;
  }
}

const connected = (span: ViewportSpan) => span.first.isConnected && span.last.isConnected;

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
