// The keyboard's next/previous-mention across a tab's frames. The content script runs in every
// frame (all_frames), and each knows only its own stops; the background walks them in the order a
// reader meets them: the top frame, then its frames in document order (each frame's own frames
// right after it). The frame showing a card steps from it; when it runs out, the next frame that
// way opens its first (or last) stop, and past the last frame the walk wraps round to the first.
// The card's own Previous/Next buttons take the same walk at their frame's end (commands.ts).

import { withDeadline } from '../shared/deadline';
import { isStepAnswer, type StepAnswer, type StepFrom } from '../shared/messages';

/**
 * How long a frame may take to say where it sits, and to answer a step (which may load the card
 * code into it first). A frame still loading or busy past that counts as having nothing to show:
 * one hung frame must not stop the walk in the whole tab.
 */
export const FRAMES_MS = 1_000;
export const STEP_MS = 3_000;
/**
 * Presses per tab at once: the walk in progress and one waiting. Walks that ran together would
 * interleave (one closing a card at its frame's end while another, seeing no card, starts over),
 * and a held key repeats faster than frames answer; presses beyond these two are dropped.
 */
const MAX_PRESSES = 2;

export interface FramePorts {
  /** The tab's frame ids in reading order, the top frame (0) first. */
  frames(tabId: number): Promise<number[]>;
  /** Sends 'page/step' to one frame; its raw answer, checked here (the frame runs on a page). */
  step(tabId: number, frameId: number, request: { direction: 1 | -1; from: StepFrom }): Promise<unknown>;
}

/** Per tab, the frame the last step opened a card in: asked first, as it most likely shows it. */
const lastFrame = new Map<number, number>();

/** Per tab, the end of the queue of presses and how many are in it. */
const presses = new Map<number, { tail: Promise<unknown>; count: number }>();

/**
 * Moves the tab's keyboard card one stop, after any press before it; true if a card opened.
 * `showing` is the frame known to show the card (the one whose Previous/Next was clicked).
 */
export function stepAcrossFrames(tabId: number, direction: 1 | -1, ports: FramePorts, showing?: number): Promise<boolean> {
  const queue = presses.get(tabId) ?? { tail: Promise.resolve(), count: 0 };
  if (queue.count >= MAX_PRESSES) return Promise.resolve(false);
  queue.count++;
  presses.set(tabId, queue);
  // Counted out before the caller hears the answer, so a press right after it is never dropped.
  const walk = queue.tail.then(() => stepOnce(tabId, direction, ports, showing)).finally(() => {
    if (--queue.count === 0) presses.delete(tabId);
  });
  queue.tail = walk.catch(() => undefined);
  return walk;
}

async function stepOnce(tabId: number, direction: 1 | -1, ports: FramePorts, showing?: number): Promise<boolean> {
  const frames = await withDeadline(ports.frames(tabId), FRAMES_MS, [0]);
  const ask = async (frameId: number, from: StepFrom): Promise<StepAnswer> => {
    // A frame without our content script (turned away, or not a site we run on) has no part.
    const answer = await withDeadline(ports.step(tabId, frameId, { direction, from }), STEP_MS, 'idle');
    return isStepAnswer(answer) ? answer : 'idle';
  };
  const opened = (frameId: number) => {
    lastFrame.set(tabId, frameId);
    return true;
  };

  // First the frame showing a card (most likely the one the last step opened), from that card.
  const remembered = showing ?? lastFrame.get(tabId);
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
