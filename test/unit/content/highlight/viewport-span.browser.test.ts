// Where the viewport is, in document order, and ranges kept in that order: the span of text on
// screen (real layout and caret hit tests, text in fixed boxes set aside), and RangeOrder's
// sorted inserts, removals and lookup, also while removed ranges' nodes have left the page; and
// KeptViewport, which keeps one reading of the span a while.
import { afterEach, describe, expect, it } from 'vitest';
import { compareStarts, RangeOrder } from '../../../../src/content/highlight/range-order';
import { KeptViewport, nearViewport, viewportSpan, type ViewportSpan } from '../../../../src/content/highlight/viewport-span';

afterEach(() => {
  document.body.innerHTML = '';
  window.scrollTo(0, 0);
});

const rangeIn = (p: Element, start = 0) => new StaticRange({ startContainer: p.firstChild!, startOffset: start, endContainer: p.firstChild!, endOffset: start + 2 });

describe('viewportSpan and nearViewport', () => {
  it('says a range starting in the text on screen is in view, and one three screens down is not', () => {
    const tall = `height:${3 * innerHeight}px`;
    document.body.innerHTML = `<p>On screen: Government Digital Service</p><div style="${tall}"></div><p>Far below: Local Digital</p>`;
    const [top, below] = [...document.body.querySelectorAll('p')].map((p) => rangeIn(p));
    const inView = nearViewport(document);
    expect(inView(top!)).toBe(true);
    expect(inView(below!)).toBe(false);
  });

  it('follows the page as it scrolls', () => {
    const tall = `height:${3 * innerHeight}px`;
    document.body.innerHTML = `<p>On screen: Government Digital Service</p><div style="${tall}"></div><p>Far below: Local Digital</p><div style="${tall}"></div>`;
    const [top, below] = [...document.body.querySelectorAll('p')];
    below!.scrollIntoView();
    const span = viewportSpan(document);
    expect(span?.first).toBe(below!.firstChild);
    expect(nearViewport(document)(rangeIn(top!))).toBe(false);
  });

  const longPage = (pinned: string, pinnedFirst: boolean) => {
    const main = Array.from({ length: 200 }, (_, i) => `<p style="margin:0 0 0 240px;height:40px">Main paragraph ${i}</p>`).join('');
    document.body.innerHTML = pinnedFirst ? pinned + main : main + pinned;
    return [...document.body.querySelectorAll('p')];
  };

  it('is not held by text in a fixed sidebar: the window follows the article beside it', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Menu item ${i}<br>`).join('');
    const ps = longPage(`<nav style="position:fixed;left:0;top:0;width:200px;height:100vh;overflow:hidden">${lines}</nav>`, true);
    ps[120]!.scrollIntoView();
    const span = viewportSpan(document)!;
    expect(document.querySelector('nav')!.contains(span.first)).toBe(false);
    expect(nearViewport(document)(rangeIn(ps[121]!))).toBe(true);
    expect(nearViewport(document)(rangeIn(ps[10]!))).toBe(false);
  });

  it('is not sent to the end of the page by a fixed header written last in the document', () => {
    const ps = longPage('<header style="position:fixed;left:0;right:0;top:0;height:60px;background:white">Site header</header>', false);
    ps[120]!.scrollIntoView();
    expect(nearViewport(document)(rangeIn(ps[125]!))).toBe(true);
  });

  it('uses pinned text when it is the only text on screen', () => {
    document.body.innerHTML = `<div style="height:${3 * innerHeight}px"></div><aside style="position:fixed;left:0;top:0">Cookie notice</aside>`;
    window.scrollTo(0, innerHeight);
    expect(viewportSpan(document)?.first).toBe(document.querySelector('aside')!.firstChild);
  });
});

describe('RangeOrder', () => {
  // The very same ranges in the same order (toEqual finds any two StaticRanges equal: no own properties).
  const same = (a: AbstractRange[], b: (AbstractRange | undefined)[]) => a.length === b.length && a.every((r, i) => r === b[i]);

  const page = (n: number) => {
    document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>Name number ${i}</p>`).join('');
    return [...document.body.querySelectorAll('p')];
  };

  it('keeps ranges in document order whatever order they come in, several in one node too', () => {
    const ps = page(6);
    const ranges = [rangeIn(ps[3]!, 5), rangeIn(ps[0]!), rangeIn(ps[5]!), rangeIn(ps[3]!, 0), rangeIn(ps[1]!), rangeIn(ps[4]!), rangeIn(ps[2]!)];
    const order = new RangeOrder();
    for (const r of ranges) order.insert(r);
    const sorted = order.slice(0, order.size);
    expect(same(sorted, [...ranges].sort(compareStarts))).toBe(true);
    expect(sorted.map((r) => ps.findIndex((p) => p.firstChild === r.startContainer))).toEqual([0, 1, 2, 3, 3, 4, 5]);
    order.remove(ranges[0]!);
    order.remove(ranges[1]!);
    expect(same(order.slice(0, order.size), [ranges[4], ranges[6], ranges[3], ranges[5], ranges[2]])).toBe(true);
  });

  it('puts a removed range back in its place, and drops a whole block of removed ones', () => {
    const ps = page(8);
    const ranges = ps.map((p) => rangeIn(p));
    const order = new RangeOrder();
    for (const r of ranges) order.insert(r);
    order.remove(ranges[3]!);
    expect(order.size).toBe(7);
    order.insert(ranges[3]!);
    expect(same(order.slice(0, order.size), ranges)).toBe(true);
    // A rescan removes every mention, then finds them again from the top.
    for (const r of ranges) order.remove(r);
    expect(order.size).toBe(0);
    const again = ps.map((p) => rangeIn(p, 1));
    for (const r of again) order.insert(r);
    expect(same(order.slice(0, order.size), again)).toBe(true);
  });

  it('inserts in order after the last range was removed with its paragraph, before any lookup', () => {
    const ps = page(20);
    const ranges = ps.map((p) => rangeIn(p));
    const order = new RangeOrder();
    for (const r of ranges) order.insert(r);
    order.remove(ranges[19]!);
    ps[19]!.remove();
    // The page rewrites paragraph 10: its old range goes, a new one comes.
    order.remove(ranges[10]!);
    const renewed = rangeIn(ps[10]!, 1);
    order.insert(renewed);
    expect(same(order.slice(0, order.size), [...ranges.slice(0, 10), renewed, ...ranges.slice(11, 19)])).toBe(true);
    expect(order.within({ first: ps[10]!.firstChild!, last: ps[10]!.firstChild! })).toEqual([10, 11]);
  });

  it('inserts in order when the search would meet ranges removed with their paragraphs', () => {
    const ps = page(20);
    const ranges = ps.map((p) => rangeIn(p));
    const order = new RangeOrder();
    for (const r of ranges) order.insert(r);
    for (const i of [10, 11]) {
      order.remove(ranges[i]!);
      ps[i]!.remove();
    }
    const added = rangeIn(ps[5]!, 1);
    order.insert(added);
    expect(same(order.slice(0, order.size), [...ranges.slice(0, 6), added, ...ranges.slice(6, 10), ...ranges.slice(12)])).toBe(true);
  });

  it("inserts in order when the last range's paragraph left the page and its removal is not yet told", () => {
    const ps = page(20);
    const ranges = ps.map((p) => rangeIn(p));
    const order = new RangeOrder();
    for (const r of ranges) order.insert(r);
    ps[19]!.remove();
    const added = rangeIn(ps[5]!, 1);
    expect(order.insert(added)).toBe(false);
    order.remove(ranges[19]!);
    expect(same(order.slice(0, order.size), [...ranges.slice(0, 6), added, ...ranges.slice(6, 19)])).toBe(true);
  });

  it('finds the ranges inside a span of text nodes', () => {
    const ps = page(10);
    const order = new RangeOrder();
    for (const p of ps) order.insert(rangeIn(p));
    expect(order.within({ first: ps[4]!.firstChild!, last: ps[6]!.firstChild! })).toEqual([4, 7]);
    // A span with no range in it: where they would go.
    document.body.insertBefore(document.createTextNode('between'), ps[5]!);
    const lone = ps[5]!.previousSibling!;
    expect(order.within({ first: lone, last: lone })).toEqual([5, 5]);
  });
});

describe('KeptViewport', () => {
  const spanOf = (node: Node): ViewportSpan => ({ first: node, last: node });

  it('reads the viewport once while a reading serves, again when told it is stale or its text left the page', () => {
    document.body.innerHTML = '<p>one</p><p>two</p>';
    const [one, two] = [...document.body.querySelectorAll('p')].map((p) => p.firstChild!);
    let reads = 0;
    let shown = spanOf(one!);
    const kept = new KeptViewport(() => (reads++, shown));
    expect(kept.span()).toBe(shown);
    expect(kept.span()).toBe(shown);
    expect(reads).toBe(1);
    shown = spanOf(two!);
    kept.stale();
    expect(kept.span()?.first).toBe(two);
    two!.parentElement!.remove();
    shown = spanOf(one!);
    expect(kept.span()?.first).toBe(one);
    expect(reads).toBe(3);
  });

  it('keeps the last span that had text while nothing is on screen (a hidden tab), until told to forget it', () => {
    document.body.innerHTML = '<p>one</p>';
    const one = document.body.querySelector('p')!.firstChild!;
    let shown: ViewportSpan | null = spanOf(one);
    const kept = new KeptViewport(() => shown);
    kept.span();
    shown = null;
    kept.stale();
    expect(kept.span()?.first).toBe(one);
    kept.forget();
    expect(kept.span()).toBeNull();
  });
});
