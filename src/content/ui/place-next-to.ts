// Where the card goes: beside the name, below it if it fits, else above, else over the page.
// Part of the card code loaded on first need (content-ui.js).

const GAP = 8;
const MARGIN = 8;
/** Below this much room on either side, the card may cover the name rather than be cut off. */
const MIN_ROOM = 160;

/**
 * Places `box` next to `anchor`: below if it fits, else above if it fits, else on the roomier
 * side with its height capped to that room (it scrolls inside), so it never covers the name or
 * leaves the viewport. Measured after the cap is set, since the cap changes the height.
 */
export function placeNextTo(box: HTMLElement, anchor: DOMRect, viewportWidth: number, viewportHeight: number): void {
  box.style.visibility = 'hidden';
  box.style.left = '0px';
  box.style.top = '0px';
  box.style.maxHeight = '';
  const below = viewportHeight - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const natural = box.getBoundingClientRect().height;
  let side: 'below' | 'above' | 'over';
  if (natural <= below) side = 'below';
  else if (natural <= above) side = 'above';
  else if (Math.max(below, above) >= MIN_ROOM) side = below >= above ? 'below' : 'above';
  else side = 'over';
  const room = side === 'below' ? below : side === 'above' ? above : viewportHeight - 2 * MARGIN;
  box.style.maxHeight = `${Math.floor(room)}px`;
  const { width, height } = box.getBoundingClientRect();
  const top = side === 'below' ? anchor.bottom + GAP : side === 'above' ? anchor.top - GAP - height : MARGIN;
  const left = Math.max(MARGIN, Math.min(anchor.left, viewportWidth - width - MARGIN));
  box.style.left = `${Math.round(left)}px`;
  box.style.top = `${Math.round(top)}px`;
  box.style.visibility = '';
}
