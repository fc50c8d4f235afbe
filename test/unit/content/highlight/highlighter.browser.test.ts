// The Highlighter's batching: changes wait for one flush, and applied() tells a caller when they
// landed; ranges in the viewport go ahead of the batch. Run over the browser's own
// CSS.highlights registry, Highlight and StaticRange.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlighter, HIGHLIGHT_PREFIX } from '../../../../src/content/highlight/highlighter';
import { nearViewport } from '../../../../src/content/highlight/viewport-span';

const nowhere = () => () => false;

describe('Highlighter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p>Government Digital Service</p>';
  });
  afterEach(() => {
    vi.useRealTimers();
    CSS.highlights.clear();
  });

  const range = () => {
    const text = document.body.querySelector('p')!.firstChild!;
    return new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 10 });
  };

  it('applies queued changes in one batch, and applied() resolves after it', async () => {
    const h = new Highlighter(CSS.highlights, 100, nowhere);
    const r = range();
    h.add('person', r);
    let done = false;
    const applied = h.applied().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    expect(CSS.highlights.size).toBe(0);
    vi.advanceTimersByTime(100);
    await applied;
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}person`)?.has(r)).toBe(true);
  });

  it('applies an added range in the viewport when the task ends, and the others with the batch', async () => {
    document.body.innerHTML = '<p>Government Digital Service</p><p>Local Digital</p>';
    const [near, far] = [...document.body.querySelectorAll('p')].map((p) => new StaticRange({ startContainer: p.firstChild!, startOffset: 0, endContainer: p.firstChild!, endOffset: 5 }));
    const h = new Highlighter(CSS.highlights, 100, () => (r) => r === near);
    h.add('body', near!);
    h.add('initiative', far!);
    expect(CSS.highlights.size).toBe(0);
    await Promise.resolve();
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}body`)?.has(near!)).toBe(true);
    expect(CSS.highlights.has(`${HIGHLIGHT_PREFIX}initiative`)).toBe(false);
    vi.advanceTimersByTime(100);
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}initiative`)?.has(far!)).toBe(true);
  });

  it('applies pending removals with the ranges in view, so a rewritten name never shows twice (old and new)', async () => {
    const h = new Highlighter(CSS.highlights, 100, () => () => true);
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
    const h = new Highlighter(CSS.highlights, 100, () => () => true);
    const r = range();
    h.add('person', r);
    h.delete('person', r);
    await Promise.resolve();
    vi.advanceTimersByTime(100);
    expect(CSS.highlights.get(`${HIGHLIGHT_PREFIX}person`)?.has(r) ?? false).toBe(false);
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

describe('nearViewport', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    window.scrollTo(0, 0);
  });

  it('says a range starting in the text on screen is in view, and one three screens down is not', () => {
    const tall = `height:${3 * innerHeight}px`;
    document.body.innerHTML = `<p>On screen: Government Digital Service</p><div style="${tall}"></div><p>Far below: Local Digital</p>`;
    window.scrollTo(0, 0);
    const [top, below] = [...document.body.querySelectorAll('p')].map((p) => new StaticRange({ startContainer: p.firstChild!, startOffset: 0, endContainer: p.firstChild!, endOffset: 5 }));
    const inView = nearViewport(document);
    expect(inView(top!)).toBe(true);
    expect(inView(below!)).toBe(false);
  });
});
