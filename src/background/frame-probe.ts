// The probe the background runs in each frame of a tab (tab-frames.ts): where the frame sits among
// its parent's frames, up to the top, and which of its own child frames the reader cannot see.
// Serialised by executeScript, so it is self-contained: it imports nothing and calls nothing of ours.
//
// A frame cannot tell from inside whether its parent hides it, but the parent sees the frame's
// element. A frame with no box (display: none, on it or an ancestor), not visible, of no size, or
// placed wholly above or left of where scrolling reaches (the "left: -9999px" trick; on a page whose
// overflow runs to the left, right-to-left or vertical-rl, scrolling reaches left of the origin) is
// left out, with the frames inside it, as is one inside a scroller that clips to nothing: the walk
// would open a card there that nobody sees. A frame merely scrolled out of view (by the page or a
// scroller in it) is kept: a step scrolls its name into view, as it does in the top frame. (A page
// hides its own frames at will; saying one is hidden gives it nothing more.)

export interface FrameProbe {
  /** Indexes from the top frame down to this one; [] for the top frame. */
  path: number[];
  /** Indexes (in this frame's `frames`) of its child frames the reader cannot see. */
  hidden: number[];
}

/**
 * Runs in each frame (serialised by executeScript: self-contained). Window proxies allow the path
 * across origins; the hidden check reads only this frame's own elements.
 */
export function probeFrame(): FrameProbe {
  const path: number[] = [];
  for (let w: Window = window; w !== w.parent && path.length < 16; w = w.parent) {
    const siblings = w.parent.frames;
    let i = 0;
    while (i < siblings.length && siblings[i] !== w) i++;
    path.unshift(i);
  }
  const hidden: number[] = [];
  // Where scrolling can reach leftwards: past the origin on a page whose overflow runs to the left
  // (right-to-left, or vertical-rl), so a frame there is scrolled to, not hidden.
  const root = document.documentElement;
  const rootStyle = getComputedStyle(root);
  const leftward = rootStyle.direction === 'rtl' || /-rl$/.test(rootStyle.writingMode);
  const leftmost = leftward ? -Math.max(0, root.scrollWidth - root.clientWidth) : 0;
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
    } else unseen ||= box.right + window.scrollX <= leftmost || box.bottom + window.scrollY <= 0;
    if (unseen) hidden.push(i);
  }
  return { path, hidden };
}

