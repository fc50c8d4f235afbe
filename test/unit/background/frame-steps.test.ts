// The keyboard's walk across a tab's frames (src/background/frame-steps.ts): the frame showing a
// card steps from it; at its end the next frame that way takes over; past the last frame the walk
// wraps to the first; frames without our script, and answers that are not ours, count for nothing.
import { describe, expect, it, vi } from 'vitest';

const executeScript = vi.fn();
vi.mock('../../../src/platform/browser', () => ({ default: { scripting: { executeScript: (...args: unknown[]) => executeScript(...args) } } }));

import { forgetTab, stepAcrossFrames, type FramePorts } from '../../../src/background/frame-steps';
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
});

describe('comparePaths', () => {
  it('orders a frame before the frames inside it, and siblings by position', () => {
    const paths = [[1], [0, 2], [0], [0, 0, 5], [0, 1], [2]];
    expect(paths.sort(comparePaths)).toEqual([[0], [0, 0, 5], [0, 1], [0, 2], [1], [2]]);
  });
});

describe('framesInReadingOrder', () => {
  it('puts the top frame first and the rest by where each sits, ignoring paths that are not paths', async () => {
    executeScript.mockResolvedValueOnce([
      { frameId: 0, result: [] },
      { frameId: 41, result: [1] },
      { frameId: 17, result: [0, 0] },
      { frameId: 30, result: [0] },
      { frameId: 50, result: 'first' },
      { frameId: 51, result: [-1] },
      { frameId: 52, result: new Array(17).fill(0) },
      { frameId: 53, result: [0.5] },
    ]);
    await expect(framesInReadingOrder(3)).resolves.toEqual([0, 30, 17, 41]);
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 3, allFrames: true } }));
  });

  it('is the top frame alone when the probe cannot run', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    await expect(framesInReadingOrder(3)).resolves.toEqual([0]);
  });
});
