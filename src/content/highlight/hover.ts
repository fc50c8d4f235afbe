// Hover without events on the text: highlights are not elements, so the pointer is mapped to a
// caret position at most once per frame and looked up in the mention index. A card opens (and
// the card code loads) only when the reader's own pointer moves onto a name: never from a
// synthetic event, nor from text the page scrolls or shifts under a pointer that stayed still.

/** Something under the pointer that has a card: anything with a range. */
export interface HoverTarget {
  range: AbstractRange;
}

/** Finds what (if anything) covers a caret position. */
export type HitLookup<T extends HoverTarget> = (node: Node, offset: number) => T | undefined;

export interface HoverCallbacks<T extends HoverTarget> {
  enter(target: T): void;
  leave(): void;
  /** True while the pointer is over our own UI (the card), which should not count as leaving. */
  isOverUi(target: EventTarget | null): boolean;
}

export function watchHover<T extends HoverTarget>(lookup: HitLookup<T>, callbacks: HoverCallbacks<T>, signal: AbortSignal, doc: Document = document): void {
  let current: T | undefined;
  let frame = 0;
  let x = 0;
  let y = 0;
  let overUi = false;
  /** Whether the pending check may open a card: only after the reader's pointer really moved. */
  let mayEnter = false;
  /** Where the reader's pointer last was on the screen; undefined until it has been seen. */
  let last: { x: number; y: number } | undefined;

  const check = () => {
    frame = 0;
    const entering = mayEnter;
    mayEnter = false;
    if (overUi) return;
    const found = targetAtPoint(lookup, x, y, doc);
    if (found === current || (found && current && sameRange(found.range, current.range))) return;
    // Text moved under a still pointer (the page scrolled or changed): a card may close, never open.
    if (found && !entering) {
      if (current) callbacks.leave();
      current = undefined;
      return;
    }
    current = found;
    if (found) callbacks.enter(found);
    else callbacks.leave();
  };

  doc.addEventListener(
    'pointermove',
    (event) => {
      // Only the reader's own pointer opens cards: a page can dispatch synthetic pointer events.
      if (!event.isTrusted || event.pointerType === 'touch') return;
      // Browsers also send a trusted move, at the same place, when the page scrolls or its layout
      // shifts under a pointer that has not moved: that is the page acting, not the reader.
      const moved = last ? last.x !== event.screenX || last.y !== event.screenY : event.movementX !== 0 || event.movementY !== 0;
      last = { x: event.screenX, y: event.screenY };
      x = event.clientX;
      y = event.clientY;
      overUi = callbacks.isOverUi(event.target);
      if (moved) mayEnter = true;
      if (!frame) frame = requestAnimationFrame(check);
    },
    { passive: true, signal },
  );
  // Scrolling moves the text under a still pointer: the card of the text that left closes.
  doc.addEventListener('scroll', () => { if (!frame && !overUi) frame = requestAnimationFrame(check); }, { passive: true, capture: true, signal });
  signal.addEventListener('abort', () => cancelAnimationFrame(frame), { once: true });
}

/** The target under viewport point (x, y), if the point is really on its text. */
export function targetAtPoint<T extends HoverTarget>(lookup: HitLookup<T>, x: number, y: number, doc: Document = document): T | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret) return undefined;
  // The caret lands between characters: the character under the pointer is before or after it.
  const target = lookup(caret.node, caret.offset) ?? (caret.offset > 0 ? lookup(caret.node, caret.offset - 1) : undefined);
  if (!target) return undefined;
  // caretPositionFromPoint snaps to the nearest text even from blank space beside a line.
  return rectsOf(target.range, doc).some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) ? target : undefined;
}

function sameRange(a: AbstractRange, b: AbstractRange): boolean {
  return a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset;
}

export function rectsOf(r: AbstractRange, doc: Document = document): DOMRect[] {
  const live = doc.createRange();
  try {
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
  } catch {
    return []; // The text changed under the mention since it was found.
  }
  return [...live.getClientRects()];
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}
