// The page's text as claims see it: whitespace collapsed, blocks kept apart, scripts, styles and
// our own UI left out; and the way back from text offsets to DOM nodes (rangeFor) and from DOM
// boundary points to text offsets (offsetOf).
import { beforeEach, describe, expect, it } from 'vitest';
import { offsetOf, rangeFor, readPageText, type PageText } from '../../../../src/content/anchoring/page-text';
import { exactChar, normalise, SPACE } from '../../../../src/shared/normalise';

const UI = 'SOUND-FAMILIAR-UI';

function read(html: string): PageText {
  document.body.innerHTML = html;
  return readPageText(document.body, UI);
}

/** The characters a static range covers, read back from the DOM. */
function rangeText(range: StaticRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

function textNode(selector: string, index = 0): Text {
  const el = document.querySelector(selector)!;
  const texts = [...el.childNodes].filter((n): n is Text => n.nodeType === 3);
  return texts[index]!;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('readPageText', () => {
  it('collapses every whitespace run (spaces, tabs, newlines, no-break spaces) to one space', () => {
    const page = read('<p>  The   roadmap\n\t commits\u00a0\u00a0departments \u2003 to  hiring. </p>');
    expect(page.text).toBe('The roadmap commits departments to hiring. ');
  });

  it('collapses exactly the whitespace the matcher folds (line and paragraph separators, Ogham and math spaces too)', () => {
    // Every character normalise.ts reads as a space must read as one here: page-text.ts once
    // left out U+1680, U+2028, U+2029 and U+205F, so a quote across one could not be re-found.
    const spaces = Array.from({ length: 0x3001 }, (_, code) => code).filter((code) => exactChar(code) === SPACE && code !== 0x20);
    expect(spaces).toEqual(expect.arrayContaining([0x1680, 0x2028, 0x2029, 0x205f]));
    document.body.innerHTML = '<p></p>';
    document.querySelector('p')!.textContent = spaces.map((code) => `a${String.fromCharCode(code)}b`).join(' ');
    expect(readPageText(document.body, UI).text).toBe(spaces.map(() => 'a b').join(' '));
    expect(normalise(`x${String.fromCharCode(0x2028, 0x205f)}y`).exact).toBe('x y');
  });

  it('keeps text in different blocks apart even with no whitespace in the HTML', () => {
    const page = read('<h1>Roadmap</h1><p>Published 9 June</p><ul><li>One</li><li>Two</li></ul><div>End</div>');
    expect(page.text).toBe('Roadmap Published 9 June One Two End');
  });

  it('joins text across inline elements without adding spaces', () => {
    const page = read('<p>The <a href="#">Local Digital <strong>Coal<em>ition</em></strong></a> met.</p>');
    expect(page.text).toBe('The Local Digital Coalition met.');
  });

  it('skips scripts, styles and our own UI, but keeps code the reader may quote', () => {
    const page = read(
      '<p>Before</p><script>var secret = "never";</script><style>p { color: red }</style>'
      + '<sound-familiar-ui>Card text</sound-familiar-ui><textarea>typed</textarea>'
      + '<p>Run <code>npm start</code> now</p><pre>  two\n  lines</pre>',
    );
    expect(page.text).toBe('Before Run npm start now two lines');
    expect(page.nodes.some((n) => n.data.includes('never') || n.data.includes('Card') || n.data.includes('typed'))).toBe(false);
  });

  it('maps every character back to the node and offset it came from', () => {
    const page = read('<p>  Alpha   <b>beta</b>\n gamma</p><p>delta</p>');
    expect(page.text).toBe('Alpha beta gamma delta');
    expect(page.charNode).toHaveLength(page.text.length);
    expect(page.charOffset).toHaveLength(page.text.length);
    const separator = page.text.indexOf(' delta');
    for (let i = 0; i < page.text.length; i++) {
      const node = page.nodes[page.charNode[i]!]!;
      const source = node.data[page.charOffset[i]!]!;
      if (i === separator) {
        // The space between blocks has no character of its own: it points one past the end of the
        // previous block's last node, which keeps the mapping ordered and out of the next block.
        expect([node.data, page.charOffset[i]]).toEqual(['\n gamma', 7]);
      } else if (page.text[i] === ' ') expect(source).toMatch(/\s/);
      else expect(source).toBe(page.text[i]);
    }
  });

  // Regression test: this failed before dcc21cb.
  it('treats <br> as a word break', () => {
    const page = read('<p>70 Whitehall<br>London SW1A 2AS</p>');
    expect(page.text).toBe('70 Whitehall London SW1A 2AS');
  });
});

describe('rangeFor', () => {
  it('maps a span inside one text node to that node and offsets', () => {
    const page = read('<p>The roadmap commits   departments to hiring.</p>');
    const start = page.text.indexOf('commits departments');
    const range = rangeFor(page, start, start + 'commits departments'.length)!;
    const node = textNode('p');
    expect(range.startContainer).toBe(node);
    expect(range.endContainer).toBe(node);
    expect(range.startOffset).toBe(12);
    expect(range.endOffset).toBe(12 + 'commits   departments'.length);
    expect(rangeText(range)).toBe('commits   departments');
  });

  it('maps a span across inline elements and paragraphs to the right start and end nodes', () => {
    const page = read('<p>We will <em>publish</em> a single   sign-on</p>\n<p>by the end of next year.</p>');
    const quote = 'publish a single sign-on by the end';
    const start = page.text.indexOf(quote);
    const range = rangeFor(page, start, start + quote.length)!;
    expect(range.startContainer).toBe(textNode('em'));
    expect(range.startOffset).toBe(0);
    expect(range.endContainer).toBe(textNode('p:nth-of-type(2)'));
    expect(range.endOffset).toBe('by the end'.length);
    expect(rangeText(range).replace(/\s+/g, ' ')).toBe(quote);
  });

  it('refuses empty, reversed and out-of-bounds spans', () => {
    const page = read('<p>Alpha beta</p>');
    expect(rangeFor(page, 3, 3)).toBeNull();
    expect(rangeFor(page, 4, 2)).toBeNull();
    expect(rangeFor(page, -1, 2)).toBeNull();
    expect(rangeFor(page, 0, page.text.length + 1)).toBeNull();
    expect(rangeFor(page, 0, page.text.length)).not.toBeNull();
  });

  it('returns null when the page changed under the text (node removed or shortened)', () => {
    const page = read('<p>Alpha beta</p><p>Gamma delta</p>');
    const start = page.text.indexOf('Gamma');
    const second = document.querySelectorAll('p')[1]!;
    const node = textNode('p:nth-of-type(2)');
    node.data = 'Gam';
    expect(rangeFor(page, start, start + 'Gamma delta'.length)).toBeNull();
    second.remove();
    expect(rangeFor(page, start, start + 3)).toBeNull();
    expect(rangeFor(page, 0, 5)).not.toBeNull();
  });

  // Regression test: this failed before dcc21cb.
  it('does not include the next block’s first letter when a span ends on the block separator', () => {
    const page = read('<p>Alpha</p><p>Beta</p>');
    expect(page.text).toBe('Alpha Beta');
    const range = rangeFor(page, 0, 6)!;
    expect(rangeText(range)).toBe('Alpha');
  });
});

describe('offsetOf', () => {
  it('maps a point inside a text node to the text offset, skipping collapsed whitespace', () => {
    const page = read('<p>The    roadmap commits</p>');
    const node = textNode('p');
    expect(offsetOf(page, node, 0)).toBe(0);
    expect(offsetOf(page, node, 7)).toBe(page.text.indexOf('roadmap'));
    // Inside the collapsed run: the first character at or after it.
    expect(offsetOf(page, node, 5)).toBe(page.text.indexOf('roadmap'));
    expect(offsetOf(page, node, node.length)).toBe(page.text.length);
  });

  it('maps a point in a later node, after inline elements and other blocks', () => {
    const page = read('<h2>Launch</h2><p>The <b>Local Digital</b> Coalition met.</p>');
    expect(offsetOf(page, textNode('b'), 6)).toBe(page.text.indexOf('Digital'));
    expect(offsetOf(page, textNode('p', 1), 1)).toBe(page.text.indexOf('Coalition'));
  });

  it('maps element boundaries (a triple-click selection) to the text that follows', () => {
    const page = read('<div><p>First paragraph.</p><p>Second <em>paragraph</em>.</p></div><p>Third.</p>');
    const div = document.querySelector('div')!;
    const second = div.children[1]!;
    // Before child 1 of the div: the start of the second paragraph (the separator space may come first).
    const at = offsetOf(page, div, 1);
    expect(page.text.slice(at).trimStart().startsWith('Second paragraph.')).toBe(true);
    expect(at).toBeGreaterThanOrEqual(page.text.indexOf('Second') - 1);
    // Before the <em> child of the second paragraph.
    expect(offsetOf(page, second, 1)).toBe(page.text.indexOf('paragraph.', page.text.indexOf('Second')));
    // Past the last child: the text after the element's subtree.
    const end = offsetOf(page, div, div.childNodes.length);
    expect(page.text.slice(end).trim()).toBe('Third.');
    expect(page.text.slice(0, end).trim()).toBe('First paragraph. Second paragraph.');
    // The end of the body: the end of the text.
    expect(offsetOf(page, document.body, document.body.childNodes.length)).toBe(page.text.length);
  });

  it('maps a point inside excluded content to the next text the page text holds', () => {
    const page = read('<p>Before</p><script>var x = 1;</script><p>After</p>');
    // The body's script: in a real browser the test page's head has scripts of its own.
    const scriptText = document.body.querySelector('script')!.firstChild!;
    const at = offsetOf(page, scriptText, 3);
    expect(page.text.slice(at).trimStart()).toBe('After');
  });

  it('round-trips with rangeFor: a selection read as offsets maps back to the same text', () => {
    const page = read('<article><h1>Plan</h1><p>The   roadmap <a href="#">commits departments</a>\n to hiring 500 specialists.</p></article>');
    const link = document.querySelector('a')!.firstChild as Text;
    const tail = textNode('p', 1);
    const start = offsetOf(page, link, 8);
    const end = offsetOf(page, tail, tail.data.indexOf(' specialists'));
    expect(page.text.slice(start, end)).toBe('departments to hiring 500');
    const range = rangeFor(page, start, end)!;
    expect(range.startContainer).toBe(link);
    expect(range.startOffset).toBe(8);
    expect(range.endContainer).toBe(tail);
    expect(rangeText(range).replace(/\s+/g, ' ')).toBe('departments to hiring 500');
  });
});
