// textBlocks: the page read as blocks of text joined across inline elements and split at block
// elements and <br>, with excluded and editable regions left out.
import { beforeEach, describe, expect, it } from 'vitest';
import { blockElementOf, isInsideExcluded, textBlocks, type TextBlock } from '../../../../src/content/scan/text-blocks';

const UI = 'SOUND-FAMILIAR-UI';
const texts = (root: Node = document.body) => [...textBlocks(root, UI)].map((b) => b.text);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('textBlocks', () => {
  it('joins text across inline elements into one block', () => {
    document.body.innerHTML = '<p>The <a href="#">Local Digital <strong>Coal<em>ition</em></strong></a> met.</p>';
    const [block, ...rest] = [...textBlocks(document.body, UI)];
    expect(rest).toEqual([]);
    expect(block!.text).toBe('The Local Digital Coalition met.');
    expect(block!.element.tagName).toBe('P');
    expect(block!.nodes.map((n) => n.data)).toEqual(['The ', 'Local Digital ', 'Coal', 'ition', ' met.']);
    expect(block!.starts).toEqual([0, 4, 18, 22, 27]);
    block!.nodes.forEach((n, i) => expect(block!.text.slice(block!.starts[i], block!.starts[i]! + n.data.length)).toBe(n.data));
  });

  it('splits at block elements, so no phrase spans two paragraphs or cells', () => {
    document.body.innerHTML = '<div><p>Local Digital</p><p>Coalition</p><ul><li>GDS</li><li>LGA</li></ul><table><tr><td>a</td><td>b</td></tr></table></div>';
    expect(texts()).toEqual(['Local Digital', 'Coalition', 'GDS', 'LGA', 'a', 'b']);
  });

  it('does not join a block’s text across a nested block', () => {
    document.body.innerHTML = '<div>Local Digital <p>inner</p> Coalition</div>';
    expect(texts()).toEqual(['Local Digital ', 'inner', ' Coalition']);
  });

  it('turns <br> into a line break, so words either side stay apart', () => {
    document.body.innerHTML = '<p>Greg Clark<br>e said</p>';
    const [block] = [...textBlocks(document.body, UI)];
    expect(block!.text).toBe('Greg Clark\ne said');
    expect(block!.starts).toEqual([0, 11]);
  });

  it('keeps words apart across a <br> nested in inline elements, and joins across inline elements without one', () => {
    document.body.innerHTML = '<p><b>Greg Clark<br></b><i>e said</i> and <a>Local</a> <em>Digital</em></p>';
    expect(texts()).toEqual(['Greg Clark\ne said and Local Digital']);
  });

  it('reads a whole document and a detached fragment (text must sit in an element to have a block)', () => {
    document.body.innerHTML = '<p>One</p><div>Two <span>three</span></div>';
    expect([...textBlocks(document, UI)].map((b) => b.text)).toEqual(['One', 'Two three']);
    const fragment = document.createDocumentFragment();
    fragment.append(document.createElement('p'), 'loose text');
    fragment.firstChild!.textContent = 'In a paragraph';
    expect([...textBlocks(fragment, UI)].map((b) => b.text)).toEqual(['In a paragraph']);
  });

  it('excludes text under an excluded element however deep, and an editable region found by attribute', () => {
    document.body.innerHTML = '<p>a <span><code><b><i>GDS</i></b></code></span> b</p><section contenteditable="true"><div><p><span>E</span></p></div></section><p>c</p>';
    expect(texts()).toEqual(['a  b', 'c']);
  });

  it('skips scripts, styles, form fields, code and our own UI', () => {
    document.body.innerHTML = `<p>A</p><script>var GDS = 1;</script><style>.GDS{}</style><noscript>N</noscript>
      <textarea>T</textarea><input value="I"><select><option>O</option></select><button>B</button>
      <code>C</code><pre>P</pre><kbd>K</kbd><template><p>tpl</p></template>
      <sound-familiar-ui><p>U</p></sound-familiar-ui><svg><text>S</text></svg><p>Z</p>`;
    expect(texts().map((t) => t.trim()).filter((t) => t)).toEqual(['A', 'Z']);
  });

  it('skips inline code inside a paragraph but keeps the text around it', () => {
    document.body.innerHTML = '<p>Before <code>GDS</code> after</p>';
    expect(texts()).toEqual(['Before  after']);
  });

  it('skips contenteditable regions (any value but "false")', () => {
    document.body.innerHTML = '<p>A</p><div contenteditable>E1</div><div contenteditable="true"><p>E2</p></div>' +
      '<div contenteditable="plaintext-only">E3</div><div contenteditable="false">F</div>';
    expect(texts()).toEqual(['A', 'F']);
  });

  it('finds nothing when started inside an excluded region', () => {
    document.body.innerHTML = '<div contenteditable="true"><p id="x">GDS</p></div><code><span id="y">GDS</span></code>';
    expect(texts(document.getElementById('x')!)).toEqual([]);
    expect(texts(document.getElementById('y')!)).toEqual([]);
  });

  it('drops whitespace-only blocks', () => {
    document.body.innerHTML = '<div>  \n </div><p> x </p><p>\t</p>';
    expect(texts()).toEqual([' x ']);
  });

  it('continues after an excluded element that is the last child at several depths', () => {
    document.body.innerHTML = '<div><p>one <span>two <code>x</code></span></p></div><p>three</p>';
    expect(texts()).toEqual(['one two ', 'three']);
  });

  it('resolves each text node from the ancestors it shares with the last one, in and out of inline and excluded elements', () => {
    document.body.innerHTML = '<div><p>a <em>b <code>x <i>y</i></code> c</em> d</p><section contenteditable><p>e <b>f</b></p></section>' +
      '<p>g <b>h</b></p></div><ul><li>i <a>j</a></li><li><span>k</span></li></ul><p>l</p>';
    expect(texts()).toEqual(['a b  c d', 'g h', 'i j', 'k', 'l']);
  });

  it('scans only the given subtree', () => {
    document.body.innerHTML = '<p>outside</p><section id="s"><p>inside</p></section>';
    expect(texts(document.getElementById('s')!)).toEqual(['inside']);
  });

  it('reads the DOM without changing it', () => {
    document.body.innerHTML = '<p>The <b>Local</b> Digital Fund</p><script>1</script>';
    const before = document.body.innerHTML;
    const blocks: TextBlock[] = [...textBlocks(document.body, UI)];
    expect(blocks).toHaveLength(1);
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('blockElementOf and isInsideExcluded', () => {
  it('climbs from inline elements to the nearest block', () => {
    document.body.innerHTML = '<article><p id="p"><a><strong id="s">x</strong></a></p></article>';
    expect(blockElementOf(document.getElementById('s')!).id).toBe('p');
    expect(blockElementOf(document.getElementById('p')!).id).toBe('p');
  });

  it('knows when a node is inside an excluded subtree', () => {
    document.body.innerHTML = '<p id="ok">x</p><div contenteditable><b id="ed">y</b></div><sound-familiar-ui><i id="ui">z</i></sound-familiar-ui>';
    expect(isInsideExcluded(document.getElementById('ok')!.firstChild!, UI)).toBe(false);
    expect(isInsideExcluded(document.getElementById('ed')!.firstChild!, UI)).toBe(true);
    expect(isInsideExcluded(document.getElementById('ui')!, UI)).toBe(true);
  });
});
