// The Highlighter's batching and window: changes wait for one flush, and applied() tells a caller
// when they landed; ranges on screen go ahead of the batch; only the ranges around the viewport
// (in document order) are registered, and the window follows the reader, except while the page is
// printed, when every range is registered. Run over the browser's own CSS.highlights registry,
// Highlight and StaticRange; where the viewport is, is given.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlighter, HIGHLIGHT_PREFIX } from '../../../../src/content/highlight/highlighter';
import type { ViewportSpan } from '../../../../src/content/highlight/viewport-span';

const nowhere = () => null;
const spanOf = (...nodes: Node[]): ViewportSpan => ({ first: nodes[0]!, last: nodes.at(-1)! });

describe('Highlighter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p>Government Digital Service</p>';
  });
  afterEach(() => {
    vi.useRealTimers();
    CSS.highlights.clear();
  });

  const text = () => document.body.querySelector('p')!.firstChild!;
  const range = () => new StaticRange({ startContainer: text(), startOffset: 0, endContainer: text(), endOffset: 10 });

  it('applies queued changes in one batch, and applied() resolves after it', async () => {
    const h = new Highlighter(CSS.highlights, 100, nowhere);
    const r = range();
    h.add('person', r);
    vi.advanceTimersByTime(100);
    await Promise.resolve();
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}person`)?.has(r)).toBe(true);
    h.delete('person', r);
    let done = false;
    const applied = h.applied().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}person`)?.has(r)).toBe(true);
    vi.advanceTimersByTime(100);
    await applied;
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}person`)?.has(r)).toBe(false);
  });

  it('applies an added range in the viewport when the task ends, and the others with the batch', async () => {
    document.body.innerHTML = '<p>Government Digital Service</p><p>Local Digital</p>';
    const [near, far] = [...document.body.querySelectorAll('p')].map((p) => new StaticRange({ startContainer: p.firstChild!, startOffset: 0, endContainer: p.firstChild!, endOffset: 5 }));
    // Margin 1: past one range the window no longer holds them all, so the viewport decides.
    const h = new Highlighter(CSS.highlights, 100, () => spanOf(near!.startContainer), { margin: 1 });
    h.add('body', near!);
    h.add('initiative', far!);
    expect(CSS.highlights.size).toBe(0);
    await Promise.resolve();
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}body`)?.has(near!)).toBe(true);
    expect(CSS.highlights.has(`${HIGHLIGHT_PREFIX}initiative`)).toBe(false);
    expect(h.takeFrameRequest()).toBe(true);
    vi.advanceTimersByTime(100);
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}initiative`)?.has(far!)).toBe(true);
  });

  it('applies pending removals with the ranges in view, so a rewritten name never shows twice (old and new)', async () => {
    const h = new Highlighter(CSS.highlights, 100, () => spanOf(text()));
    const old = range();
    h.add('body', old);
    await Promise.resolve();
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}body`)?.size).toBe(1);
    // The page rewrites the name: the scan removes the old range and adds the new one in one task.
    h.delete('body', old);
    const renewed = range();
    h.add('body', renewed);
    await Promise.resolve();
    const shown = CSS.highlights.get(`${HIGHLIGHT_PREFIX}body`);
    expect(shown?.has(renewed)).toBe(true);
    expect(shown?.has(old)).toBe(false);
    expect(shown?.size).toBe(1);
  });

  it('does not apply a range in the viewport that was removed again before the task ended', async () => {
    const h = new Highlighter(CSS.highlights, 100, () => spanOf(text()));
    const r = range();
    h.add('person', r);
    h.delete('person', r);
    await Promise.resolve();
    vi.advanceTimersByTime(100);
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}person`)?.has(r) ?? false).toBe(false);
  });

  it('resolves applied() once the task has registered every range, without waiting for the batch', async () => {
    const h = new Highlighter(CSS.highlights, 100, nowhere);
    const r = range();
    h.add('person', r);
    await Promise.resolve();
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}person`)?.has(r)).toBe(true);
    let done = false;
    void h.applied().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(true);
    // Nothing is left for the batch to do, so no timer waits to do it.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves applied() at once when nothing is pending, and on clear()', async () => {
    const h = new Highlighter(CSS.highlights, 100, nowhere);
    await h.applied();
    h.add('body', range());
    const applied = h.applied();
    h.clear();
    await applied;
  });
});

describe('Highlighter window', () => {
  let paragraphs: Text[] = [];
  let ranges: StaticRange[] = [];
  let view: ViewportSpan | null = null;
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = Array.from({ length: 40 }, (_, i) => `<p>Name ${i}</p>`).join('');
    paragraphs = [...document.body.querySelectorAll('p')].map((p) => p.firstChild as Text);
    ranges = paragraphs.map((t) => new StaticRange({ startContainer: t, startOffset: 0, endContainer: t, endOffset: 4 }));
    view = null;
  });
  afterEach(() => {
    vi.useRealTimers();
    CSS.highlights.clear();
  });

  /** Paragraph numbers whose range is registered, in document order. */
  const registered = () => {
    const highlight = CSS.highlights.get(`${HIGHLIGHT_PREFIX}person`);
    return ranges.flatMap((r, i) => (highlight?.has(r) ? [i] : []));
  };
  const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const highlighter = (margin: number) => new Highlighter(CSS.highlights, 100, () => view, { margin });

  it('registers only the ranges on screen and `margin` on each side of them, in document order', () => {
    view = spanOf(paragraphs[20]!, paragraphs[21]!);
    const h = highlighter(3);
    // Found out of document order, as rescans of a changing page find them.
    for (const i of [...numbers(25, 39), ...numbers(0, 24).reverse()]) h.add('person', ranges[i]!);
    h.flush();
    expect(registered()).toEqual(numbers(17, 24));
    expect(h.counts()).toEqual({ registered: 8, wanted: 40 });
  });

  it('registers the first ranges of the page while nothing is on screen', () => {
    const h = highlighter(4);
    for (const r of ranges) h.add('person', r);
    h.flush();
    expect(registered()).toEqual(numbers(0, 7));
  });

  it('moves the window when the reader scrolls near its edge, and not for a small scroll', () => {
    view = spanOf(paragraphs[20]!);
    const h = highlighter(4);
    for (const r of ranges) h.add('person', r);
    h.flush();
    expect(registered()).toEqual(numbers(16, 24));
    // Two paragraphs further: still inside half the margin, the registry is left as it is.
    view = spanOf(paragraphs[22]!);
    document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(20);
    expect(registered()).toEqual(numbers(16, 24));
    view = spanOf(paragraphs[35]!);
    document.dispatchEvent(new Event('scroll'));
    expect(registered()).toEqual(numbers(16, 24)); // once a frame, not per event
    vi.advanceTimersByTime(20);
    expect(registered()).toEqual(numbers(31, 39));
  });

  it('keeps removals and kinds right inside the window', () => {
    view = spanOf(paragraphs[10]!);
    const h = highlighter(2);
    for (const r of ranges) h.add('person', r);
    h.flush();
    h.delete('person', ranges[11]!);
    h.add('body', ranges[9]!); // the same range under another kind moves to that kind
    h.flush();
    expect(registered()).toEqual([8, 10, 12, 13]);
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}body`)?.has(ranges[9]!)).toBe(true);
  });

  it('paints a range on screen at once though it went last, after the ranges below the screen were removed', async () => {
    view = spanOf(paragraphs[5]!);
    const h = highlighter(3);
    for (const r of ranges.slice(0, 10)) h.add('person', r);
    await Promise.resolve();
    for (const r of ranges.slice(6, 10)) h.delete('person', r);
    const later = new StaticRange({ startContainer: paragraphs[5]!, startOffset: 2, endContainer: paragraphs[5]!, endOffset: 4 });
    h.add('person', later);
    await Promise.resolve();
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}person`)?.has(later)).toBe(true);
  });

  it('registers every range when the task ends, reading no viewport, while the window holds them all', async () => {
    let reads = 0;
    const h = new Highlighter(CSS.highlights, 100, () => (reads++, spanOf(paragraphs[0]!)), { margin: 5 });
    for (const i of [0, 30, 39]) h.add('person', ranges[i]!);
    await Promise.resolve();
    expect(registered()).toEqual([0, 30, 39]);
    vi.advanceTimersByTime(100);
    document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(20);
    expect(registered()).toEqual([0, 30, 39]);
    expect(reads).toBe(0);
    // A scan that goes on asks whether to wait for a frame: only then is the viewport read.
    expect(h.takeFrameRequest()).toBe(true);
    expect(reads).toBe(1);
    h.add('person', ranges[20]!);
    expect(h.takeFrameRequest()).toBe(false); // paragraph 20 is below the screen
  });

  it('tells a scan to stop for a frame once ranges on screen were added and it is past the screen, both while the window holds every range and after', () => {
    view = spanOf(paragraphs[10]!, paragraphs[12]!);
    for (const margin of [100, 3]) {
      const h = highlighter(margin);
      for (const i of numbers(0, 9)) h.add('person', ranges[i]!);
      expect(h.screenFound(paragraphs[11]!)).toBe(false); // nothing on screen found yet
      for (const i of numbers(10, 12)) h.add('person', ranges[i]!);
      expect(h.screenFound(paragraphs[12]!)).toBe(false); // the walk has not left the screen
      expect(h.screenFound(paragraphs[13]!)).toBe(true);
      expect(h.takeFrameRequest()).toBe(true);
      expect(h.screenFound(paragraphs[14]!)).toBe(false); // that frame was taken
      h.clear();
    }
  });

  it('reads the viewport again when the page swapped its content without a scroll', () => {
    view = spanOf(paragraphs[30]!);
    const h = highlighter(2);
    for (const r of ranges) h.add('person', r);
    h.flush();
    expect(registered()).toEqual(numbers(28, 32));
    // An app replaces the article in place, well within the second a reading of the viewport serves.
    const old = ranges;
    document.body.innerHTML = Array.from({ length: 40 }, (_, i) => `<p>Other ${i}</p>`).join('');
    paragraphs = [...document.body.querySelectorAll('p')].map((p) => p.firstChild as Text);
    ranges = paragraphs.map((t) => new StaticRange({ startContainer: t, startOffset: 0, endContainer: t, endOffset: 4 }));
    view = spanOf(paragraphs[30]!);
    for (const r of old) h.delete('person', r);
    for (const r of ranges) h.add('person', r);
    h.flush();
    expect(registered()).toEqual(numbers(28, 32));
  });

  it('registers every range found while the page is printed, and the window again after', () => {
    view = spanOf(paragraphs[20]!);
    const h = highlighter(2);
    for (const r of ranges.slice(0, 30)) h.add('person', r);
    h.flush();
    expect(registered()).toEqual(numbers(18, 22));
    // The print is laid out when 'beforeprint' returns: everything found so far is registered by then.
    dispatchEvent(new Event('beforeprint'));
    expect(registered()).toEqual(numbers(0, 29));
    // Found while the print dialog is open: registered too (the browser may lay the print out again).
    for (const r of ranges.slice(30)) h.add('person', r);
    vi.advanceTimersByTime(100);
    expect(registered()).toEqual(numbers(0, 39));
    // Scrolling meanwhile does not shrink it.
    document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(100);
    expect(registered()).toEqual(numbers(0, 39));
    dispatchEvent(new Event('afterprint'));
    expect(registered()).toEqual(numbers(18, 22));
    expect(h.counts()).toEqual({ registered: 5, wanted: 40 });
  });

  it('leaves print mode when its highlights are cleared mid-print (the afterprint listener goes with them)', () => {
    view = spanOf(paragraphs[20]!);
    const h = highlighter(2);
    for (const r of ranges.slice(0, 10)) h.add('person', r);
    h.flush();
    dispatchEvent(new Event('beforeprint'));
    h.clear(); // the site switched off, or a page rewritten, before the print ended
    dispatchEvent(new Event('afterprint'));
    for (const r of ranges) h.add('person', r);
    h.flush();
    expect(registered()).toEqual(numbers(18, 22));
  });

  it('stops following the page once clear() has run', () => {
    view = spanOf(paragraphs[0]!);
    const h = highlighter(2);
    for (const r of ranges) h.add('person', r);
    h.flush();
    h.clear();
    view = spanOf(paragraphs[30]!);
    document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(100);
    expect(CSS.highlights.size).toBe(0);
    expect(h.counts()).toEqual({ registered: 0, wanted: 0 });
  });
});
