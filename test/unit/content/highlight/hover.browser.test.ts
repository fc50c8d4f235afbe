// Hover in a real layout: targetAtPoint maps a viewport point to the mention whose text is under
// it (the browser's caret position from the point, then the mention's own line boxes), and finds
// nothing from the blank space beside a line, where the caret position snaps to the nearest text.
import { beforeEach, describe, expect, it } from 'vitest';
import { rectsOf, targetAtPoint } from '../../../../src/content/highlight/hover';

const NAME = 'Government Digital Service';

beforeEach(() => {
  document.body.innerHTML = `<p style="font: 14px monospace; margin: 20px">Said the ${NAME}</p><p style="font: 14px monospace; margin: 20px">Nothing here</p>`;
});

/** The mention of NAME in the first paragraph, and a lookup that finds it by node and offset. */
function mention() {
  const text = document.body.querySelector('p')!.firstChild as Text;
  const start = text.data.indexOf(NAME);
  const range = new StaticRange({ startContainer: text, startOffset: start, endContainer: text, endOffset: start + NAME.length });
  const lookup = (node: Node, offset: number) => (node === text && offset >= range.startOffset && offset < range.endOffset ? { range } : undefined);
  return { text, range, lookup };
}

describe('targetAtPoint', () => {
  it('finds the mention under a point on its first, middle and last character', () => {
    const { range, lookup } = mention();
    const [box] = rectsOf(range);
    expect(box!.width).toBeGreaterThan(0);
    const y = box!.top + box!.height / 2;
    for (const x of [box!.left + 2, box!.left + box!.width / 2, box!.right - 2]) expect(targetAtPoint(lookup, x, y)?.range).toBe(range);
  });

  it('finds nothing over the words before it or over another paragraph', () => {
    const { range, lookup } = mention();
    const [box] = rectsOf(range);
    expect(targetAtPoint(lookup, box!.left - 20, box!.top + box!.height / 2)).toBeUndefined();
    const other = document.body.querySelectorAll('p')[1]!.getBoundingClientRect();
    expect(targetAtPoint(lookup, other.left + 5, other.top + other.height / 2)).toBeUndefined();
  });

  it('finds nothing from blank space past the end of the line, though the caret snaps to the mention', () => {
    const { text, range, lookup } = mention();
    const [box] = rectsOf(range);
    const x = box!.right + 60;
    const y = box!.top + box!.height / 2;
    // The premise: from there the browser's caret lands at the end of the mention's text.
    const caret = document.caretPositionFromPoint(x, y);
    expect([caret?.offsetNode, caret?.offset]).toEqual([text, range.endOffset]);
    expect(targetAtPoint(lookup, x, y)).toBeUndefined();
  });
});
