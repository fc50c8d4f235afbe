// The opening of a page's text: read exactly as the whole-page prefilter's text is (a prefix of
// it), so a name that stands on its own found there means the whole-page prefilter would say walk.
import { afterEach, describe, expect, it } from 'vitest';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { openingText, opensWithName } from '../../../../src/content/scan/opening-names';
import { scannedText } from '../../../../src/content/scan/scanned-text';
import { kbDictionary } from '../../helpers/kb';

const UI = 'SOUND-FAMILIAR-UI';
const KB = loadDictionary(kbDictionary());

afterEach(() => {
  document.body.innerHTML = '';
});

const PAGES = [
  '<h1>Weather</h1><p>Rain <b>later</b>, then sun.<br>Wind from the west.</p>',
  '<p>Sajid <script>x</script>Javid <code>y</code>said<textarea>z</textarea></p>',
  '<div><button>Go <svg><text>Sajid Javid</text></svg></button><p contenteditable>typed</p><p contenteditable="false">kept</p></div><p>end</p>',
  '<section><div><div><p>deep</p></div></div>tail</section><sound-familiar-ui><p>ours</p></sound-familiar-ui><p>after <i>ours</i></p>',
  '<pre>code <b>inside</b></pre><p>one</p>\n  <p>two</p><script src="x.js"></script><noscript><p>no</p></noscript><template><p>t</p></template><p>last</p>',
];

describe('openingText', () => {
  it('is the text the whole-page prefilter reads, when it reads to the end', () => {
    for (const html of PAGES) {
      document.body.innerHTML = html;
      expect(openingText(document.body, UI, Infinity)).toBe(scannedText(document.body, UI));
    }
  });

  it('stops after the text node that reaches the length asked for, and is then a prefix of that text', () => {
    document.body.innerHTML = `${'<p>Rain later.</p>'.repeat(20)}<p>Sajid Javid</p>`;
    const opening = openingText(document.body, UI, 30);
    expect(opening).toBe('Rain later.'.repeat(3));
    expect(scannedText(document.body, UI).startsWith(opening)).toBe(true);
  });
});

describe('opensWithName', () => {
  const opens = (html: string, chars?: number) => {
    document.body.innerHTML = html;
    return opensWithName(KB.searcher, document.body, UI, chars);
  };

  it('finds a name that stands on its own, joined around excluded text as the walk joins it', () => {
    expect(opens('<p>The minister, Sajid <script>x</script>Javid, said</p>')).toBe(true);
    expect(opens('<p>Weather: rain, then <b>GDS</b>.</p>')).toBe(true);
  });

  it('does not count a name that needs context, one broken by text, or one in excluded text', () => {
    expect(opens('<p>Javid said it would rain.</p>')).toBe(false);
    expect(opens('<p>Sajid <b>x</b>Javid</p>')).toBe(false);
    expect(opens('<script>Sajid Javid</script><textarea>Sajid Javid</textarea><div contenteditable>Sajid Javid</div><p>rain</p>')).toBe(false);
  });

  it('reads only the opening: a name further on is left to the whole-page prefilter', () => {
    const page = `${'<p>Rain later.</p>'.repeat(20)}<p>Sajid Javid</p>`;
    expect(opens(page, 100)).toBe(false);
    expect(opens(page)).toBe(true);
  });
});
