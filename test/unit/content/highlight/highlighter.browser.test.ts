// The Highlighter's batching: changes wait for one flush, and applied() tells a caller when they
// landed. Run over the browser's own CSS.highlights registry, Highlight and StaticRange.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlighter, HIGHLIGHT_PREFIX } from '../../../../src/content/highlight/highlighter';

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
    const h = new Highlighter(CSS.highlights, 100);
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

  it('resolves applied() at once when nothing is pending, and on clear()', async () => {
    const h = new Highlighter(CSS.highlights, 100);
    await h.applied();
    h.add('body', range());
    const applied = h.applied();
    h.clear();
    await applied;
  });
});
