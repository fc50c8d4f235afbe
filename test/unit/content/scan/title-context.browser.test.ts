// textAround: the words either side of a title in its own block, which decide whose title it is.
import { describe, expect, it } from 'vitest';
import { textAround } from '../../../../src/content/scan/title-context';

function around(html: string, target = 'Housing Secretary') {
  document.body.innerHTML = html;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const at = n.data.indexOf(target);
    if (at >= 0) return textAround(new StaticRange({ startContainer: n, startOffset: at, endContainer: n, endOffset: at + target.length }));
  }
  throw new Error('target not found');
}

describe('textAround', () => {
  it('reads the words either side in the same text node', () => {
    expect(around('<p>Yesterday the former Housing Secretary Michael Gove said</p>')).toEqual({ before: 'Yesterday the former ', after: ' Michael Gove said' });
  });

  it('reads across inline markup around the title', () => {
    expect(around('<p>the former <a href="#">Housing Secretary</a>, <strong>Michael</strong> Gove</p>')).toEqual({ before: 'the former ', after: ', Michael Gove' });
  });

  it('does not read into the next or previous block', () => {
    expect(around('<div><p>Former</p><p>Housing Secretary</p><p>Michael Gove</p></div>')).toEqual({ before: '', after: '' });
  });

  it('keeps to forty characters either side', () => {
    const { before, after } = around(`<p>${'x'.repeat(100)} Housing Secretary ${'y'.repeat(100)}</p>`);
    expect([before.length, after.length]).toEqual([40, 40]);
  });
});
