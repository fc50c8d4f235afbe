// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameReadable, whenFrameReadable } from '../../../src/content/frame-gate';

/** A window that is a subframe of `top`, of the given size, over this test's document. */
function subframe(width: number, height: number) {
  const target = new EventTarget();
  return Object.assign(target, { top: {} as Window, innerWidth: width, innerHeight: height }) as unknown as Window;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('frameReadable', () => {
  it('always reads the top frame, however small or empty', () => {
    const top = { innerWidth: 0, innerHeight: 0 } as Window;
    (top as { top: Window }).top = top;
    expect(frameReadable(top, document)).toBe(true);
  });

  it('skips a subframe too small for a line of text, or hidden (0 × 0), even with text', () => {
    document.body.innerHTML = '<p>Michael Gove said</p>';
    expect(frameReadable(subframe(300, 10), document)).toBe(false);
    expect(frameReadable(subframe(40, 200), document)).toBe(false);
    expect(frameReadable(subframe(0, 0), document)).toBe(false);
    expect(frameReadable(subframe(300, 90), document)).toBe(true);
  });

  it('skips a subframe whose only text is in scripts, styles or white space', () => {
    document.body.innerHTML = '<script>var GDS = 1;</script><style>p{}</style>\n  <div> </div>';
    expect(frameReadable(subframe(300, 250), document)).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<span>GDS</span>');
    expect(frameReadable(subframe(300, 250), document)).toBe(true);
  });
});

describe('frameReadable: no forced layout for a frame without text', () => {
  // A subframe's size comes from its parent's layout, which reading it forces: not for nothing.
  it('does not read the size of a subframe that has no visible text', () => {
    document.body.innerHTML = '<script>var x = 1;</script>';
    let reads = 0;
    const win = Object.defineProperties({ top: {} }, {
      innerWidth: { get: () => (reads++, 300) },
      innerHeight: { get: () => (reads++, 250) },
    }) as unknown as Window;
    expect(frameReadable(win, document)).toBe(false);
    expect(reads).toBe(0);
  });
});

describe('whenFrameReadable', () => {
  it('starts at once in a readable frame', () => {
    document.body.innerHTML = '<p>Related: Oliver Dowden launched it.</p>';
    const started = vi.fn();
    whenFrameReadable(subframe(300, 90), document, new AbortController().signal, started);
    expect(started).toHaveBeenCalledTimes(1);
  });

  it('starts an empty frame once text is written into it, and only once', async () => {
    const started = vi.fn();
    whenFrameReadable(subframe(300, 90), document, new AbortController().signal, started);
    expect(started).not.toHaveBeenCalled();
    document.body.innerHTML = '<p>The Government Digital Service said</p>';
    await vi.waitFor(() => expect(started).toHaveBeenCalledTimes(1));
    document.body.insertAdjacentHTML('beforeend', '<p>more</p>');
    await new Promise((r) => setTimeout(r, 400));
    expect(started).toHaveBeenCalledTimes(1);
  });

  it('starts a tiny frame with text once it is resized to a readable size', async () => {
    document.body.innerHTML = '<p>The Government Digital Service said</p>';
    const win = subframe(1, 1);
    const started = vi.fn();
    whenFrameReadable(win, document, new AbortController().signal, started);
    expect(started).not.toHaveBeenCalled();
    Object.assign(win, { innerWidth: 300, innerHeight: 90 });
    win.dispatchEvent(new Event('resize'));
    await vi.waitFor(() => expect(started).toHaveBeenCalledTimes(1));
  });

  it('stops watching when the script is torn down', async () => {
    const controller = new AbortController();
    const started = vi.fn();
    whenFrameReadable(subframe(300, 90), document, controller.signal, started);
    controller.abort();
    document.body.innerHTML = '<p>The Government Digital Service said</p>';
    await new Promise((r) => setTimeout(r, 400));
    expect(started).not.toHaveBeenCalled();
  });
});
