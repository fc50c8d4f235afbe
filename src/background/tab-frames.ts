// A tab's frames in the order a reader meets them, for the keyboard's walk (frame-steps.ts). The
// extension holds no webNavigation permission; scripting (which it has, for the card code) runs a
// one-line probe in each frame it may reach, and each frame says where it sits: its index among
// its parent's frames, and its parent's, up to the top. Sorting those paths gives document order.

import browser from '../platform/browser';

/** Deeper than any page nests frames for reading; a path this long is not trusted. */
const MAX_DEPTH = 16;
/** More frames than a page shows at one level. */
const MAX_INDEX = 10_000;

/** Runs in each frame (serialised by executeScript: self-contained). Window proxies allow this across origins. */
function framePath(): number[] {
  const path: number[] = [];
  for (let w: Window = window; w !== w.parent && path.length < 16; w = w.parent) {
    const siblings = w.parent.frames;
    let i = 0;
    while (i < siblings.length && siblings[i] !== w) i++;
    path.unshift(i);
  }
  return path;
}

/**
 * Frame ids, the top frame (0) first, then each frame before the frames inside it, in document order.
 * Frames we may not script (a third-party embed) are left out; both browsers run the probe in the
 * rest (frame-steps e2e). Older Chromium refused the whole call for one such frame: then the walk
 * keeps to the top frame, as it did before frames were walked.
 */
export async function framesInReadingOrder(tabId: number): Promise<number[]> {
  // At once, not at each frame's document_idle: a frame still loading would hold up the walk.
  const target = { tabId, allFrames: true };
  const results = await browser.scripting.executeScript({ target, func: framePath, injectImmediately: true }).catch(() => []);
  const placed = results.flatMap((r) => (r.frameId !== 0 && isPath(r.result) ? [{ frameId: r.frameId, path: r.result }] : []));
  placed.sort((a, b) => comparePaths(a.path, b.path) || a.frameId - b.frameId);
  return [0, ...placed.map((p) => p.frameId)];
}

/** A frame's answer comes from a page's process: checked before it orders anything. */
function isPath(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.length <= MAX_DEPTH
    && value.every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) <= MAX_INDEX);
}

export function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
