// excludedCandidates: the elements the one excludedSelector query would select, in document order,
// gathered from each tag's own list (fast) or, on a page with many, from that query.
import { beforeEach, describe, expect, it } from 'vitest';
import { scannedText } from '../../../../src/content/scan/scanned-text';
import { excludedCandidates, excludedSelector, textBlocks } from '../../../../src/content/scan/text-blocks';

const UI = 'SOUND-FAMILIAR-UI';
const byQuery = (root: Element) => [...root.querySelectorAll(excludedSelector(UI))];

/** mulberry32: the same pages every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '<p>text</p>', '<script>x</script>', '<style>p{}</style>', '<code>c</code>', '<pre contenteditable>e</pre>',
  '<div contenteditable="false">f</div>', '<button>b</button>', '<svg><text>s</text></svg>', '<math><mi>x</mi></math>',
  '<textarea>t</textarea>', '<sound-familiar-ui></sound-familiar-ui>', '<span>s</span>', '<noscript>n</noscript>',
];

/** Nested markup of `n` pieces, some inside others. */
function markup(rand: () => number, n: number): string {
  let html = '';
  for (let i = 0; i < n; i++) {
    const piece = PIECES[Math.floor(rand() * PIECES.length)]!;
    html = rand() < 0.3 ? `<div>${html}${piece}</div>` : `${html}${piece}`;
  }
  return html;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('excludedCandidates', () => {
  it('selects what the selector selects, in document order, each once, on generated pages', () => {
    const rand = prng(7);
    let selected = 0;
    for (let k = 0; k < 200; k++) {
      document.body.innerHTML = markup(rand, 1 + Math.floor(rand() * 30));
      const expected = byQuery(document.body);
      expect(excludedCandidates(document.body, UI)).toEqual(expected);
      selected += expected.length;
    }
    expect(selected).toBeGreaterThan(1000);
  });

  it('gives the same on a page with more than it sorts (the one query then)', () => {
    document.body.innerHTML = `<p>a</p>${'<button>b</button><p contenteditable>c</p>'.repeat(400)}<code>d</code>`;
    const expected = byQuery(document.body);
    expect(expected.length).toBe(801);
    expect(excludedCandidates(document.body, UI)).toEqual(expected);
  });

  it('finds an SVG or MathML element a script named in upper case, which the walk excludes by its tagName', () => {
    // Review 19: a tag's own list holds its exact name; on 27986b1 these were missed, and the
    // page's text read "Local xDigital" where the walk reads "Local Digital".
    for (const [ns, name] of [['http://www.w3.org/2000/svg', 'SVG'], [null, 'CODE'], ['http://www.w3.org/1998/Math/MathML', 'MATH']] as const) {
      document.body.innerHTML = '';
      const p = document.body.appendChild(document.createElement('p'));
      p.append('Local ');
      const odd = p.appendChild(document.createElementNS(ns, name));
      odd.textContent = 'x';
      p.append('Digital');
      expect(excludedCandidates(document.body, UI)).toEqual([odd]);
      expect([...textBlocks(document.body, UI)].map((b) => b.text)).toEqual(['Local Digital']);
      expect(scannedText(document.body, UI)).toBe('Local Digital');
    }
  });

  it('reads only under the root it is given', () => {
    document.body.innerHTML = '<code>out</code><div id="root"><script>in</script><p>x<code>in</code></p></div>';
    const root = document.getElementById('root')!;
    expect(excludedCandidates(root, UI).map((el) => el.textContent)).toEqual(['in', 'in']);
  });
});
