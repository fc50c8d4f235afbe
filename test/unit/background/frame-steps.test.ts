// The keyboard's walk across a tab's frames (src/background/frame-steps.ts): the frame showing a
// card steps from it; at its end the next frame that way takes over; past the last frame the walk
// wraps to the first; frames without our script, and answers that are not ours, count for nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const executeScript = vi.fn();
vi.mock('../../../src/platform/browser', () => ({ default: { scripting: { executeScript: (...args: unknown[]) => executeScript(...args) } } }));

import { FRAMES_MS, forgetTab, STEP_MS, stepAcrossFrames, type FramePorts } from '../../../src/background/frame-steps';
import { comparePaths, framesInReadingOrder } from '../../../src/background/tab-frames';
import type { StepAnswer, StepFrom } from '../../../src/shared/messages';

/** Frames that each hold `count` stops and behave as CardController.stepWithin does. */
function fakeTab(counts: Record<number, number | 'absent' | 'rogue'>, order = Object.keys(counts).map(Number)) {
  let shown: { frame: number; at: number } | null = null;
  const calls: string[] = [];
  const ports: FramePorts = {
    frames: async () => order,
    async step(_tabId, frameId, { direction, from }: { direction: 1 | -1; from: StepFrom }): Promise<unknown> {
      calls.push(`${frameId}:${from}`);
      const count = counts[frameId];
      if (count === 'absent') throw new Error('Could not establish connection');
      if (count === 'rogue') return true;
      if (count === undefined) throw new Error('no such frame');
      let next: number;
      if (from === 'shown') {
        if (shown?.frame !== frameId) return 'idle' satisfies StepAnswer;
        next = shown.at + direction;
        if (next < 0 || next >= count) {
          shown = null;
          return 'end' satisfies StepAnswer;
        }
      } else {
        if (count === 0) return 'idle' satisfies StepAnswer;
        next = direction === 1 ? 0 : count - 1;
      }
      shown = { frame: frameId, at: next };
      return 'moved' satisfies StepAnswer;
    },
  };
  return { ports, calls, where: () => shown && `${shown.frame}#${shown.at}` };
}

async function walk(tabId: number, t: ReturnType<typeof fakeTab>, direction: 1 | -1, times: number): Promise<(string | null)[]> {
  const seen: (string | null)[] = [];
  for (let i = 0; i < times; i++) {
    await stepAcrossFrames(tabId, direction, t.ports);
    seen.push(t.where());
  }
  forgetTab(tabId);
  return seen;
}

describe('stepAcrossFrames', () => {
  it('goes through the top frame, then each frame in order, and wraps back to the first', async () => {
    const t = fakeTab({ 0: 2, 5: 1, 9: 2 });
    expect(await walk(1, t, 1, 6)).toEqual(['0#0', '0#1', '5#0', '9#0', '9#1', '0#0']);
  });

  it('goes backwards from the last frame\'s last stop, and wraps to it from the first', async () => {
    const t = fakeTab({ 0: 2, 5: 1, 9: 2 });
    expect(await walk(2, t, -1, 6)).toEqual(['9#1', '9#0', '5#0', '0#1', '0#0', '9#1']);
  });

  it('skips frames with no stops, without our script, or answering something else', async () => {
    const t = fakeTab({ 0: 0, 3: 'absent', 4: 'rogue', 7: 1, 8: 2 });
    expect(await walk(3, t, 1, 4)).toEqual(['7#0', '8#0', '8#1', '7#0']);
  });

  it('wraps within a single frame, as the one-frame walk always did', async () => {
    const t = fakeTab({ 0: 2 });
    expect(await walk(4, t, 1, 3)).toEqual(['0#0', '0#1', '0#0']);
    expect(await walk(4, t, -1, 2)).toEqual(['0#1', '0#0']);
  });

  it('asks the frame it last opened a card in first', async () => {
    const t = fakeTab({ 0: 1, 5: 1, 9: 3 });
    await walk(5, t, 1, 0);
    await stepAcrossFrames(5, 1, t.ports);
    await stepAcrossFrames(5, 1, t.ports);
    await stepAcrossFrames(5, 1, t.ports);
    expect(t.where()).toBe('9#0');
    t.calls.length = 0;
    await stepAcrossFrames(5, 1, t.ports);
    expect(t.where()).toBe('9#1');
    expect(t.calls).toEqual(['9:shown']);
    forgetTab(5);
  });

  it('opens nothing on a tab with no stops at all, and says so', async () => {
    const t = fakeTab({ 0: 0, 2: 'absent' });
    await expect(stepAcrossFrames(6, 1, t.ports)).resolves.toBe(false);
    expect(t.where()).toBeNull();
  });

  it('falls back to the top frame alone when the frames cannot be listed', async () => {
    const t = fakeTab({ 0: 1, 5: 1 });
    t.ports.frames = () => Promise.reject(new Error('no permission'));
    expect(await walk(7, t, 1, 2)).toEqual(['0#0', '0#0']);
  });

  it('runs presses that come together one after the other, never two walks at once', async () => {
    // Run together, the second press saw no card while the first had closed the top frame's at its
    // end, started over from the top, and the tab ended with two cards and the walk back at the start.
    const t = fakeTab({ 0: 1, 5: 2, 9: 1 });
    await stepAcrossFrames(8, 1, t.ports);
    expect(t.where()).toBe('0#0');
    // Opening a frame's first card takes a while (its card code may load first).
    const answer = t.ports.step;
    t.ports.step = async (tabId, frameId, request) => {
      if (request.from === 'edge') await new Promise((resolve) => setTimeout(resolve, 5));
      return answer(tabId, frameId, request);
    };
    await Promise.all([stepAcrossFrames(8, 1, t.ports), stepAcrossFrames(8, 1, t.ports)]);
    expect(t.where()).toBe('5#1');
    forgetTab(8);
  });

  it('drops presses beyond the one in progress and one waiting (a held key)', async () => {
    const t = fakeTab({ 0: 5 });
    const results = await Promise.all([1, 2, 3, 4].map(() => stepAcrossFrames(9, 1, t.ports)));
    expect(results).toEqual([true, true, false, false]);
    expect(t.where()).toBe('0#1');
    forgetTab(9);
  });

  describe('with a frame that never answers', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('passes over a frame that does not answer a step in time', async () => {
      const t = fakeTab({ 0: 0, 5: 1, 9: 1 });
      const answer = t.ports.step;
      t.ports.step = (tabId, frameId, request) => (frameId === 5 ? new Promise(() => {}) : answer(tabId, frameId, request));
      const step = stepAcrossFrames(10, 1, t.ports);
      await vi.advanceTimersByTimeAsync(STEP_MS * 2);
      await expect(step).resolves.toBe(true);
      expect(t.where()).toBe('9#0');
      forgetTab(10);
    });

    it('walks the top frame alone when the frames do not say where they sit in time', async () => {
      const t = fakeTab({ 0: 1, 5: 1 });
      t.ports.frames = () => new Promise(() => {});
      const step = stepAcrossFrames(11, 1, t.ports);
      await vi.advanceTimersByTimeAsync(FRAMES_MS);
      await expect(step).resolves.toBe(true);
      expect(t.where()).toBe('0#0');
      forgetTab(11);
    });
  });
});

describe('comparePaths', () => {
  it('orders a frame before the frames inside it, and siblings by position', () => {
    const paths = [[1], [0, 2], [0], [0, 0, 5], [0, 1], [2]];
    expect(paths.sort(comparePaths)).toEqual([[0], [0, 0, 5], [0, 1], [0, 2], [1], [2]]);
  });
});

describe('framesInReadingOrder', () => {
  const at = (frameId: number, path: unknown, hidden: unknown = []) => ({ frameId, result: { path, hidden } });

  it('puts the top frame first and the rest by where each sits, ignoring paths that are not paths', async () => {
    executeScript.mockResolvedValueOnce([
      at(0, []),
      at(41, [1]),
      at(17, [0, 0]),
      at(30, [0]),
      at(50, 'first'),
      at(51, [-1]),
      at(52, new Array(17).fill(0)),
      at(53, [0.5]),
      at(54, []),
      { frameId: 55, result: [2] },
    ]);
    await expect(framesInReadingOrder(3)).resolves.toEqual([0, 30, 17, 41]);
    // At once: waiting for each frame's document_idle would let one loading frame hold up the walk.
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 3, allFrames: true }, injectImmediately: true }));
  });

  it('leaves out the frames a parent hides, and the frames inside them', async () => {
    executeScript.mockResolvedValueOnce([
      at(0, [], [1]),
      at(10, [0], [0]),
      at(11, [0, 0]),
      at(12, [0, 1]),
      at(20, [1]),
      at(21, [1, 0]),
      at(30, [2]),
    ]);
    // The top hides its second frame (20, and 21 in it); frame 10 hides its first (11).
    await expect(framesInReadingOrder(3)).resolves.toEqual([0, 10, 12, 30]);
  });

  it('believes no hiding from two frames that claim one place, nor from a list that is not one', async () => {
    executeScript.mockResolvedValueOnce([
      at(0, []),
      at(10, [0], [0]),
      at(99, [0], [0]),
      at(11, [0, 0]),
      at(20, [1], 'all'),
      at(30, [2], [-1]),
      at(31, [2, 0]),
    ]);
    // 20 and 30 answered wrongly and are not placed; what 30 says about 31 is not read either.
    await expect(framesInReadingOrder(3)).resolves.toEqual([0, 10, 99, 11, 31]);
  });

  it('is the top frame alone when the probe cannot run', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    await expect(framesInReadingOrder(3)).resolves.toEqual([0]);
  });
});
