// The ranges the Highlighter should show, kept in document order of their starts, so the ones
// around the viewport can be found by binary search (a few tree comparisons) instead of by
// reading every range. A scan finds mentions mostly in order, so most inserts are appends.
// A tree comparison costs microseconds on a big page (compareDocumentPosition walks siblings), so
// removal compares nothing: a removed range is marked and dropped at the next lookup or insert. A
// page's rescan removes every mention of a block at once, and thousands of searches cost seconds.

import { spanPosition, type ViewportSpan } from './viewport-span';

/** Negative when a starts before b, positive after, 0 at the same point (or not comparable). */
export function compareStarts(a: AbstractRange, b: AbstractRange): number {
  const x = a.startContainer;
  const y = b.startContainer;
  if (x === y) return a.startOffset - b.startOffset;
  const position = x.compareDocumentPosition(y);
  if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return 0;
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export class RangeOrder {
  /** In document order; may still hold removed ranges (in `removed`) until the next lookup. */
  private readonly ranges: AbstractRange[] = [];
  private readonly removed = new Set<AbstractRange>();

  get size(): number {
    return this.ranges.length - this.removed.size;
  }

  at(i: number): AbstractRange | undefined {
    this.compact();
    return this.ranges[i];
  }

  /** Ranges from index `from` up to (not including) `to`. */
  slice(from: number, to: number): AbstractRange[] {
    this.compact();
    return this.ranges.slice(from, to);
  }

  /** Inserts in order; true when the range went last (after every other). */
  insert(range: AbstractRange): boolean {
    if (this.removed.delete(range)) return false; // still in its place
    // Never compare with a removed range: its node may be gone from the page (compareStarts then
    // says 0, "same place") or moved. Dropping removed ones from the end is enough to append.
    while (this.ranges.length > 0 && this.removed.delete(this.ranges.at(-1)!)) this.ranges.pop();
    const last = this.ranges.at(-1);
    // A last range whose node left the page (its removal not yet told) compares as 0: search instead.
    if (!last || (last.startContainer.isConnected && compareStarts(last, range) <= 0)) {
      this.ranges.push(range);
      return true;
    }
    this.compact(); // before the binary search, which may probe anywhere (once per batch of removals)
    this.ranges.splice(this.firstIndex((r) => compareStarts(r, range) > 0), 0, range);
    return false;
  }

  /** Removes a range that was inserted (no tree comparison: it is dropped at the next lookup). */
  remove(range: AbstractRange): void {
    this.removed.add(range);
  }

  clear(): void {
    this.ranges.length = 0;
    this.removed.clear();
  }

  /** Indices [from, to) of the ranges starting inside the span (from === to: none; they would go there). */
  within(span: ViewportSpan): [number, number] {
    this.compact();
    return [this.firstIndex((r) => spanPosition(span, r) >= 0), this.firstIndex((r) => spanPosition(span, r) > 0)];
  }

  private compact(): void {
    if (this.removed.size === 0) return;
    let kept = 0;
    for (const range of this.ranges) if (!this.removed.has(range)) this.ranges[kept++] = range;
    this.ranges.length = kept;
    this.removed.clear();
  }

  /** The first index whose range passes `test`, for a test that is false then true along the order. */
  private firstIndex(test: (range: AbstractRange) => boolean): number {
    let lo = 0;
    let hi = this.ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (test(this.ranges[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
