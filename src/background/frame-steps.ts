// The keyboard's next/previous-mention across a tab's frames. The content script runs in every
// frame (all_frames), and each knows only its own stops; the background walks them in the order a
// reader meets them: the top frame, then its frames in document order (each frame's own frames
// right after it). The frame showing a card steps from it; when it runs out, the next frame that
// way opens its first (or last) stop, and past the last frame the walk wraps round to the first.

import { isStepAnswer, type StepAnswer, type StepFrom } from '../shared/messages';

export interface FramePorts {
  /** The tab's frame ids in reading order, the top frame (0) first. */
  frames(tabId: number): Promise<number[]>;
  /** Sends 'page/step' to one frame; its raw answer, checked here (the frame runs on a page). */
  step(tabId: number, frameId: number, request: { direction: 1 | -1; from: StepFrom }): Promise<unknown>;
}

/** Per tab, the frame the last step opened a card in: asked first, as it most likely shows it. */
const lastFrame = new Map<number, number>();

/** Moves the tab's keyboard card one stop; true if a card opened. */
export async function stepAcrossFrames(tabId: number, direction: 1 | -1, ports: FramePorts): Promise<boolean> {
  const frames = await ports.frames(tabId).catch(() => [0]);
  const ask = async (frameId: number, from: StepFrom): Promise<StepAnswer> => {
    // A frame without our content script (turned away, or not a site we run on) has no part.
    const answer = await ports.step(tabId, frameId, { direction, from }).catch(() => 'idle');
    return isStepAnswer(answer) ? answer : 'idle';
  };
  const opened = (frameId: number) => {
    lastFrame.set(tabId, frameId);
    return true;
  };

  // First the frame showing a card (most likely the one the last step opened), from that card.
  const remembered = lastFrame.get(tabId);
  const order = remembered !== undefined && frames.includes(remembered) ? [remembered, ...frames.filter((f) => f !== remembered)] : frames;
  let holder = -1;
  for (const frameId of order) {
    const answer = await ask(frameId, 'shown');
    if (answer === 'moved') return opened(frameId);
    if (answer === 'failed') return false;
    if (answer === 'end') {
      holder = frames.indexOf(frameId);
      break;
    }
  }

  // Then the next frame that way with a stop, wrapping round (to the holder's own edge, last).
  const n = frames.length;
  const first = holder >= 0 ? holder + direction : direction === 1 ? 0 : n - 1;
  for (let k = 0; k < n; k++) {
    const frameId = frames[(((first + k * direction) % n) + n) % n]!;
    const answer = await ask(frameId, 'edge');
    if (answer === 'moved') return opened(frameId);
    if (answer === 'failed') return false;
  }
  return false;
}

/** Forgets a closed tab. */
export function forgetTab(tabId: number): void {
  lastFrame.delete(tabId);
}
