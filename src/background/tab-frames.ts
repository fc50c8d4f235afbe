// A tab's frames in the order a reader meets them, for the keyboard's walk (frame-steps.ts). The
// extension holds no webNavigation permission; scripting (which it has, for the card code) runs a
// small probe in each frame it may reach, and each frame says where it sits: its index among its
// parent's frames, and its parent's, up to the top. Sorting those paths gives document order.
//
// The same probe says which of the frame's own child frames the reader cannot see: a frame cannot
// tell from inside whether its parent hides it, but the parent sees the frame's element. A frame
// with no box (display: none, on it or an ancestor), not visible, of no size, or placed wholly
// above or left of the document's origin (where no scroll reaches: the "left: -9999px" trick) is
// left out, with the frames inside it, as is one inside a scroller that clips to nothing; the walk
// would open a card there that nobody sees. A frame merely scrolled out of view (by the page or a
// scroller in it) is kept: a step scrolls its name into view, as it does in the top frame. (A page hides its own frames at will; saying one is hidden gives it nothing more.)

import browser from '../platform/browser';

/** Deeper than any page nests frames for reading; a path this long is not trusted. */
const MAX_DEPTH = 16;
/** More frames than a page shows at one level. */
const MAX_INDEX = 10_000;

interface FrameProbe {
  /** Indexes from the top frame down to this one; [] for the top frame. */
  path: number[];
  /** Indexes (in this frame's `frames`) of its child frames the reader cannot see. */
  hidden: number[];
}

/**
 * Runs in each frame (serialised by executeScript: self-contained). Window proxies allow the path
 * across origins; the hidden check reads only this frame's own elements.
 */
function probeFrame(): FrameProbe {
  const path: number[] = [];
  for (let w: Window = window; w !== w.parent && path.length < 16; w = w.parent) {
    const siblings = w.parent.frames;
    let i = 0;
    while (i < siblings.length && siblings[i] !== w) i++;
    path.unshift(i);
  }
  const hidden: number[] = [];
  for (const el of document.querySelectorAll('iframe, frame')) {
    const child = (el as HTMLIFrameElement).contentWindow;
    let i = 0;
    while (i < window.frames.length && window.frames[i] !== child) i++;
    if (!child || i === window.frames.length || hidden.length >= 10_000) continue;
    const box = el.getBoundingClientRect();
    let unseen = el.getClientRects().length === 0 || getComputedStyle(el).visibility !== 'visible' || box.width < 1 || box.height < 1;
    // Inside a scroller, a frame out of view may be scrolled to; one that clips to nothing hides it.
    let scroller: Element | null = null;
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement && !scroller; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') scroller = a;
    }
    if (scroller) {
      const clip = scroller.getBoundingClientRect();
      unseen ||= clip.width < 1 || clip.height < 1;
    } else unseen ||= box.right + window.scrollX <= 0 || box.bottom + window.scrollY <= 0;
    if (unseen) hidden.push(i);
  }
  return { path, hidden };
}

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
