// The private painter draws boxes only for the ranges around the viewport: on a long page with
// hundreds of private mentions, a scrolled frame measures and boxes a screenful and a margin,
// not every range; scrolling brings the others in. Printing draws every range, in document
// coordinates, until the print ends. Real layout; the UI root is a plain div.
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

  it('draws every range while printing, placed in the document, and only the window after', () => {
    const { painter, slot, texts } = setUp(400);
    window.scrollTo(0, 40 * 100);
    painter.flush();
    const windowed = slot.childElementCount;
    expect(windowed).toBeLessThan(400);
    dispatchEvent(new Event('beforeprint'));
    // At once, not in a frame: the print is laid out before the next one.
    expect(slot.childElementCount).toBe(400);
    const boxes = [...slot.children] as HTMLElement[];
    expect(boxes.every((b) => b.style.position === 'absolute')).toBe(true);
    // Document coordinates: the page's own offset, wherever it is scrolled.
    const last = texts[399]!.parentElement!;
    expect(boxes.map((b) => parseFloat(b.style.top))).toContain(last.getBoundingClientRect().top + scrollY);
    expect(parseFloat(boxes[0]!.style.top)).toBe(texts[0]!.parentElement!.getBoundingClientRect().top + scrollY);
    dispatchEvent(new Event('afterprint'));
    expect(slot.childElementCount).toBe(windowed);
    expect([...slot.children].every((b) => (b as HTMLElement).style.position === '')).toBe(true);
    painter.clear();
  });

  it('print media alone is printing (a print whose events came before the painter, an emulated print)', () => {
    const { painter, slot } = setUp(400);
    painter.flush();
    expect(slot.childElementCount).toBeLessThan(400);
    painter.setPrinting('media', true);
    expect(slot.childElementCount).toBe(400);
    // 'afterprint' may come while print media still applies (Firefox): still printing.
    painter.setPrinting('event', true);
    painter.setPrinting('event', false);
    expect(slot.childElementCount).toBe(400);
    painter.setPrinting('media', false);
    expect(slot.childElementCount).toBeLessThan(400);
    painter.clear();
  });

  it('ends printing when the last range goes mid-print: a later range is drawn for the screen', () => {
    const { painter, slot, texts } = setUp(3);
    painter.flush();
    dispatchEvent(new Event('beforeprint'));
    expect(painter.printMode).toBe(true);
    painter.clear();
    expect(painter.printMode).toBe(false);
    painter.add('claim', new StaticRange({ startContainer: texts[0]!, startOffset: 0, endContainer: texts[0]!, endOffset: 4 }));
    painter.flush();
    expect((slot.firstElementChild as HTMLElement).style.position).toBe('');
    painter.clear();
  });
});
