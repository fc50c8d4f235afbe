// One frame's part of a keyboard step (PageSession.step, CardController.stepWithin): the background
// walks the frames (frame-steps.ts), so a frame never wraps on its own: past its last stop it
// closes its card and says 'end'. A frame showing no card has no part ('idle'), and a frame with
// nothing to stop at loads no card code to say so.
import { afterEach, describe, expect, it } from 'vitest';
import type { PageSession } from '../../../../src/content/page-session';
import { stubSession as session } from '../../helpers/stub-session';

const PAGE = '<p>The Government Digital Service said so.</p><p>Later GDS said it again.</p>';

/** Our host element (the card's closed shadow root), put in the page once a card opens. */
const ourHost = () => document.querySelector(':root > div[style*="2147483647"]');

describe('a frame\'s part of a keyboard step', () => {
  let current: PageSession | undefined;
  afterEach(() => {
    current?.destroy();
    document.body.replaceChildren();
  });

  it('steps through its own stops and stops at its end instead of wrapping', async () => {
    document.body.innerHTML = PAGE;
    const { s } = session();
    current = s;
    await s.firstScan;
    expect(await s.step(1, 'edge')).toBe('moved');
    expect(ourHost()).not.toBeNull();
    expect(await s.step(1, 'shown')).toBe('moved');
    // The last stop: the card closes and the background moves on to the next frame.
    expect(await s.step(1, 'shown')).toBe('end');
    expect(await s.step(1, 'shown')).toBe('idle');
    // Backwards: from the last stop to the first, then the end that way.
    expect(await s.step(-1, 'edge')).toBe('moved');
    expect(await s.step(-1, 'shown')).toBe('moved');
    expect(await s.step(-1, 'shown')).toBe('end');
  });

  it('has no part without a card shown, and loads no card code to say so', async () => {
    document.body.innerHTML = PAGE;
    const { s, loads } = session();
    current = s;
    await s.firstScan;
    expect(await s.step(1, 'shown')).toBe('idle');
    expect(await s.step(-1, 'shown')).toBe('idle');
    expect(loads()).toBe(0);
  });

  it('has nothing to stop at on a page naming nothing, and loads no card code to say so', async () => {
    document.body.innerHTML = '<p>Nothing here is a name we know.</p>';
    const { s, loads } = session();
    current = s;
    await s.firstScan;
    expect(await s.step(1, 'edge')).toBe('idle');
    expect(await s.step(-1, 'edge')).toBe('idle');
    expect(loads()).toBe(0);
  });
});
