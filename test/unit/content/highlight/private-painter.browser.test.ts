// The private painter draws boxes only for the ranges around the viewport: on a long page with
// hundreds of private mentions, a scrolled frame measures and boxes a screenful and a margin,
// not every range; scrolling brings the others in. Real layout; the UI root is a plain div.
import { afterEach, describe, expect, it } from 'vitest';
import { PrivatePainter } from '../../../../src/content/highlight/private-painter';
import type { UiRoot } from '../../../../src/content/ui/ui-root';

afterEach(() => {
  document.body.innerHTML = '';
  window.scrollTo(0, 0);
});

function setUp(count: number) {
  document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p style="margin:0;height:40px;font:16px monospace">Name ${i}</p>`).join('');
  const slot = document.createElement('div');
  const ui = { doc: document, slot: () => slot, clear: () => slot.replaceChildren() } as unknown as UiRoot;
  const painter = new PrivatePainter(ui);
  const texts = [...document.body.querySelectorAll('p')].map((p) => p.firstChild as Text);
  for (const t of texts) painter.add('person', new StaticRange({ startContainer: t, startOffset: 0, endContainer: t, endOffset: 4 }));
  painter.reveal();
  return { painter, slot, texts };
}

describe('PrivatePainter', () => {
  it('draws the ranges near the viewport, not all of a long page, and follows a scroll', () => {
    const { painter, slot, texts } = setUp(400);
    painter.flush();
    const perScreen = Math.ceil(innerHeight / 40);
    expect(slot.childElementCount).toBeGreaterThanOrEqual(perScreen);
    expect(slot.childElementCount).toBeLessThan(perScreen + 2 * 60 + 2);
    const topOf = (box: Element) => parseFloat((box as HTMLElement).style.top);
    expect(Math.min(...[...slot.children].map(topOf))).toBeLessThan(40);

    texts[399]!.parentElement!.scrollIntoView();
    painter.flush();
    const tops = [...slot.children].map(topOf);
    // The last paragraph is on screen now, and boxed where it is.
    expect(tops.some((t) => t > 0 && t < innerHeight)).toBe(true);
    expect(tops).toContain(texts[399]!.parentElement!.getBoundingClientRect().top);
    expect(slot.childElementCount).toBeLessThan(perScreen + 2 * 60 + 2);
    painter.clear();
  });

  it('draws every range of a short page', () => {
    const { painter, slot } = setUp(12);
    painter.flush();
    expect(slot.childElementCount).toBe(12);
    painter.clear();
  });
});
