// A tab's frames in the order a reader meets them, for the keyboard's walk (frame-steps.ts). The
// extension holds no webNavigation permission; scripting (which it has, for the card code) runs a
// small probe in each frame it may reach, and each frame says where it sits: its index among its
// parent's frames, and its parent's, up to the top. Sorting those paths gives document order.
//
// The probe itself, and which child frames it counts as hidden, is frame-probe.ts.

import browser from '../platform/browser';
import { probeFrame, type FrameProbe } from './frame-probe';

/** Deeper than any page nests frames for reading; a path this long is not trusted. */
const MAX_DEPTH = 16;
/** More frames than a page shows at one level. */
const MAX_INDEX = 10_000;

/**
 * Frame ids, the top frame (0) first, then each frame before the frames inside it, in document
 * order, less the frames their parents hide. Frames we may not script (a third-party embed) are
 * left out; both browsers run the probe in the rest (frame-steps e2e). Older Chromium refused the
 * whole call for one such frame: then the walk keeps to the top frame, as it did before frames
 * were walked. A frame we may not script cannot say which of its own frames it hides: those count
 * as seen.
 */
export async function framesInReadingOrder(tabId: number): Promise<number[]> {
  // At once, not at each frame's document_idle: a frame still loading would hold up the walk.
  const target = { tabId, allFrames: true };
  const results = await browser.scripting.executeScript({ target, func: probeFrame, injectImmediately: true }).catch(() => []);
  const probes = results.flatMap((r) => (isProbe(r.result, r.frameId === 0) ? [{ frameId: r.frameId, ...r.result }] : []));
  // What each frame hides, by its path; two frames claiming one path are both disbelieved.
  const hiddenBy = new Map<string, Set<number> | null>();
  for (const { path, hidden } of probes) {
    const key = path.join('/');
    hiddenBy.set(key, hiddenBy.has(key) ? null : new Set(hidden));
  }
  const seen = (path: readonly number[]) => path.every((i, depth) => !hiddenBy.get(path.slice(0, depth).join('/'))?.has(i));
  const placed = probes.filter((p) => p.frameId !== 0 && seen(p.path));
  placed.sort((a, b) => comparePaths(a.path, b.path) || a.frameId - b.frameId);
  return [0, ...placed.map((p) => p.frameId)];
}

/** A frame's answer comes from a page's process: checked before it orders or hides anything. */
function isProbe(value: unknown, top: boolean): value is FrameProbe {
  if (typeof value !== 'object' || value === null) return false;
  const { path, hidden } = value as Partial<FrameProbe>;
  return isIndexList(path, MAX_DEPTH) && path.length === (top ? 0 : Math.max(1, path.length)) && isIndexList(hidden, MAX_INDEX);
}

function isIndexList(value: unknown, max: number): value is number[] {
  return Array.isArray(value) && value.length <= max
    && value.every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) <= MAX_INDEX);
}

export function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
