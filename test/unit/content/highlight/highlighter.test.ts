// @vitest-environment happy-dom
// The Highlighter's batching: changes wait for one flush, and applied() tells a caller when they landed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlighter, HIGHLIGHT_PREFIX } from '../../../../src/content/highlight/highlighter';

class FakeHighlight extends Set<AbstractRange> {}

describe('Highlighter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Highlight', FakeHighlight);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const range = () => ({}) as AbstractRange;

  it('applies queued changes in one batch, and applied() resolves after it', async () => {
    const registry = new Map<string, FakeHighlight>();
    const h = new Highlighter(registry as unknown as HighlightRegistry, 100);
    const r = range();
    h.add('person', r);
    let done = false;
    const applied = h.applied().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    expect(registry.size).toBe(0);
    vi.advanceTimersByTime(100);
    await applied;
    expect(registry.get(`${HIGHLIGHT_PREFIX}person`)?.has(r)).toBe(true);
  });

  it('resolves applied() at once when nothing is pending, and on clear()', async () => {
    const h = new Highlighter(new Map() as unknown as HighlightRegistry, 100);
    await h.applied();
    h.add('body', range());
    const applied = h.applied();
    h.clear();
    await applied;
  });
});
