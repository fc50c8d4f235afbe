// The whole-page prefilter must never say "none" where the walk and matcher find a name, nor
// "context-only" where they find one that stands on its own. Checked over generated pages: every
// alias of the shipped dictionary, in case, accent, punctuation, whitespace and soft-hyphen
// variants, split across inline elements, `<br>`, excluded elements (whose text the walk leaves
// out and joins around) and blocks, in the real browser's DOM.
import { afterEach, describe, expect, it } from 'vitest';
import { matchBlock } from '../../../../src/content/scan/block-matches';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { keptUnit, prefilter, type Prefilter } from '../../../../src/shared/matcher/prefilter';
import { SKIPPED, withoutSkippedRuns } from '../../../../src/shared/matcher/skipped';
import { unit } from '../../../../src/shared/matcher/start-keys';
import { scannedText } from '../../../../src/content/scan/scanned-text';
import { textBlocks } from '../../../../src/content/scan/text-blocks';
import { CASE_SENSITIVE, NEEDS_CONTEXT } from '../../../../src/shared/matcher/alias-rules';
import { charInfo, CharClass, foldedChar } from '../../../../src/shared/normalise';
import { kbDictionary, kbEntities, searcherFor } from '../../helpers/kb';

const UI = 'SOUND-FAMILIAR-UI';
const KB = loadDictionary(kbDictionary());
const automaton = KB.searcher.automaton;

afterEach(() => {
  document.body.innerHTML = '';
});

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

/** What the walk and matcher find under `root`: the strongest verdict the prefilter may give. */
function walked(root: Element): Prefilter {
  let found: Prefilter = 'none';
  for (const block of textBlocks(root, UI)) {
    for (const m of matchBlock(KB.searcher, block)) {
      if (m.variants.some((v) => !(automaton.variantFlags[v]! & NEEDS_CONTEXT))) return 'maybe';
      found = 'context-only';
    }
  }
  return found;
}

const RANK: Record<Prefilter, number> = { none: 0, 'context-only': 1, maybe: 2 };

const FILLER = ['the', 'report', 'said', 'on', 'Tuesday', 'a', 'plan', 'for', 'digital', 'local', 'and', ',', '.', '—', '(', ')', 'of', 'services', 'GOV', 'x'];
const ACCENTS: Record<string, string> = { a: 'á', e: 'é', i: 'ï', o: 'ô', u: 'ü', c: 'ç', n: 'ñ', A: 'Å', E: 'É', O: 'Ö' };

/** One way a page may write `alias`. */
function variant(alias: string, rand: () => number): string {
  const pick = Math.floor(rand() * 9);
  switch (pick) {
    case 0: return alias;
    case 1: return alias.toUpperCase();
    case 2: return alias.toLowerCase();
    case 3: return alias.replace(/[aeioucnAEO]/, (ch) => ACCENTS[ch]!);
    case 4: return alias.replace(/'/g, '\u2019').replace(/-/g, '\u2013').replace(/&/g, '\uff06');
    case 5: return alias.replace(/ /g, () => ['  ', '\u00a0', '\n', ' \t '][Math.floor(rand() * 4)]!);
    case 6: {
      const at = 1 + Math.floor(rand() * Math.max(1, alias.length - 1));
      return alias.slice(0, at) + '\u00ad' + alias.slice(at);
    }
    case 7: return `${alias}\u2019s`;
    default: return `“${alias}”`;
  }
}

type Joiner = (parent: Element, rand: () => number) => Element;

/** What may sit between two pieces of an alias's text; returns where the next piece goes. */
const JOINERS: Joiner[] = [
  (parent) => parent, // two text nodes side by side
  (parent, rand) => parent.appendChild(document.createElement(['b', 'a', 'span', 'em'][Math.floor(rand() * 4)]!)),
  (parent) => (parent.appendChild(document.createElement('br')), parent),
  (parent, rand) => {
    const tag = ['script', 'code', 'button', 'textarea', 'style', 'noscript'][Math.floor(rand() * 6)]!;
    const el = document.createElement(tag);
    el.setAttribute('type', 'text/plain'); // a script that never runs
    parent.appendChild(el).textContent = 'hidden text';
    return parent;
  },
  (parent) => {
    const ed = parent.appendChild(document.createElement('span'));
    ed.setAttribute('contenteditable', 'true');
    ed.textContent = 'typed';
    return parent;
  },
  (parent) => {
    const svg = parent.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    svg.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'text')).textContent = 'icon';
    return parent;
  },
  (parent) => {
    // Not excluded: the walk reads it, so the alias is broken by its text.
    const notEd = parent.appendChild(document.createElement('span'));
    notEd.setAttribute('contenteditable', 'false');
    notEd.textContent = 'fixed';
    return parent;
  },
  (parent) => parent.parentElement!.appendChild(document.createElement('p')), // a new block
  (parent) => parent.appendChild(document.createElement('div')), // a block inside the block
];

/** A page of filler around `text`, which is split into pieces joined by random elements. */
function page(text: string, rand: () => number): Element {
  const root = document.body.appendChild(document.createElement('article'));
  let block: Element = root.appendChild(document.createElement(['p', 'div', 'li', 'h2'][Math.floor(rand() * 4)]!));
  const filler = () => Array.from({ length: Math.floor(rand() * 4) }, () => FILLER[Math.floor(rand() * FILLER.length)]).join(' ');
  block.append(filler() + (rand() < 0.5 ? ' ' : ''));
  const cuts = new Set<number>();
  for (let k = Math.floor(rand() * 3); k > 0; k--) cuts.add(1 + Math.floor(rand() * Math.max(1, text.length - 1)));
  let from = 0;
  for (const cut of [...cuts].sort((x, y) => x - y)) {
    block.append(text.slice(from, cut));
    block = JOINERS[Math.floor(rand() * JOINERS.length)]!(block, rand);
    from = cut;
  }
  block.append(text.slice(from));
  block.append((rand() < 0.5 ? ' ' : '') + filler());
  return root;
}

describe('prefilter', () => {
  it('finds aliases of one and two characters, at either end, and one that opens with a space', () => {
    const searcher = searcherFor([
      { text: 'X', entity: 0, flags: 0 },
      { text: 'Ab', entity: 0, flags: CASE_SENSITIVE },
      { text: '\u200b Qz', entity: 0, flags: 0 },
      { text: 'P Q', entity: 0, flags: NEEDS_CONTEXT },
    ]);
    for (const [text, verdict] of [
      ['x', 'maybe'], ['aax', 'maybe'], ['xaa', 'maybe'], ['a b', 'none'], ['A b', 'maybe'], ['aaA\u00adb', 'maybe'], ['A', 'none'],
      ['qz', 'maybe'], ['a qz', 'maybe'], ['aaq', 'none'], ['p', 'none'], ['pq', 'context-only'], ['aap\nq', 'context-only'],
    ] as const) {
      expect(prefilter(searcher, text), JSON.stringify(text)).toBe(verdict);
    }
  });

  it('counts every code unit in its keys as the matcher folds it, including the ASCII it fills in advance', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) if (keptUnit(code) !== unit(foldedChar(code))) wrong.push(code.toString(16));
    expect(wrong).toEqual([]);
  });

  it('leaves out of the text exactly what the matcher reads past, for every code unit', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const cls = charInfo(code) >>> 16;
      const skipped = String.fromCharCode(code).replace(SKIPPED, '') === '';
      if (skipped !== (cls === CharClass.Space || cls === CharClass.Dropped)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('finds aliases of three, four and five kept characters at every place, where no longer alias begins the same way', () => {
    // The table of beginnings holds five characters of longer aliases, so a start whose first
    // five are not there is tried only through the gate of short aliases' first two.
    const searcher = searcherFor([
      { text: 'Qz x', entity: 0, flags: 0 },
      { text: 'Wv-k', entity: 0, flags: CASE_SENSITIVE },
      { text: 'J y  k\u2019m', entity: 0, flags: NEEDS_CONTEXT },
      { text: 'zo\u00eb p', entity: 0, flags: 0 },
      { text: 'plan\u2715 b', entity: 0, flags: 0 },
    ]);
    for (const [alias, verdict] of [
      ['qZX', 'maybe'], ['Wv\u2013k', 'maybe'], ['wv-k', 'none'], ['jykm', 'none'], ['JY K\u2019M', 'context-only'], ['ZOEP', 'maybe'], ['PLAN\u2715B', 'maybe'],
    ] as const) {
      for (const [before, after] of [['', ''], ['aa', ''], ['', 'aa'], ['a\n b', 'c d\u00ad'], ['xxxxxx', 'x']]) {
        expect(prefilter(searcher, `${before}${alias}${after}`), JSON.stringify([before, alias, after])).toBe(verdict);
      }
      // Cut short by one character, it names nothing.
      expect(prefilter(searcher, `aa${alias.slice(0, -1)}`), alias).toBe('none');
    }
  });

  it('says "maybe" wherever the walk finds a standalone name, and never "none" where it finds any, on generated pages', () => {
    const rand = prng(12);
    // Every alias of the shipped knowledge as written (a tab's automaton keeps exact text only where case counts).
    const aliases = [...new Set(kbEntities().flatMap((e) => e.aliases))];
    let checked = 0;
    let found = 0;
    let trapped = 0;
    let shortened = 0;
    for (const alias of aliases) {
      for (let k = 0; k < 3; k++) {
        const root = page(variant(alias, rand), rand);
        const expected = walked(root);
        const text = scannedText(root, UI);
        const verdict = prefilter(KB.searcher, text);
        if (RANK[verdict] < RANK[expected]) expect.fail(`${verdict} where the walk finds ${expected}: ${root.innerHTML}`);
        // The text as a quiet frame sends it, less its runs of whitespace: the same verdict.
        if (prefilter(KB.searcher, withoutSkippedRuns(text)) !== verdict) expect.fail(`runs left out change ${verdict}: ${JSON.stringify(text)}`);
        if (text !== withoutSkippedRuns(text)) shortened++;
        checked++;
        if (expected !== 'none') found++;
        // Where textContent would have hidden the name (excluded text inside it): the trap is set.
        if (RANK[prefilter(KB.searcher, root.textContent!)] < RANK[expected]) trapped++;
        root.remove();
      }
    }
    expect(checked).toBe(aliases.length * 3);
    // The pages must exercise the property: most put a findable name on the page.
    expect(found).toBeGreaterThan(checked / 3);
    expect(trapped).toBeGreaterThan(20);
    expect(shortened).toBeGreaterThan(100);
  });

  it('says "none" on a page that names nothing, whatever its markup', () => {
    const root = page('a page about weather', prng(1));
    root.append(Object.assign(document.createElement('script'), { type: 'text/plain', textContent: 'var GDS = "Local Digital Coalition";' }));
    root.append(Object.assign(document.createElement('code'), { textContent: 'LGA' }));
    expect(walked(root)).toBe('none');
    expect(prefilter(KB.searcher, scannedText(root, UI))).toBe('none');
  });

  it('leaves out what the walk leaves out, and joins the text around it', () => {
    document.body.innerHTML = '<p>Local <code>x</code>Digi<button>y</button>tal <span contenteditable="">z</span>Coalition<span contenteditable="false">!</span></p>';
    expect(scannedText(document.body, UI)).toBe('Local Digital Coalition!');
    expect(prefilter(KB.searcher, scannedText(document.body, UI))).toBe('maybe');
  });

  it('leaves out excluded elements of whichever kinds a page has, nested or empty, and keeps what is around them', () => {
    const cases: [string, string][] = [
      ['<p>Local <svg><text>x</text></svg>Digital</p>', 'Local Digital'],
      ['<p>Lo<script>x</script>cal</p><div>Digi<input>tal<iframe>y</iframe></div>', 'LocalDigital'],
      ['<p>a<script></script>b<noscript><code>c</code>d</noscript>e<code><kbd>f</kbd></code>g</p>', 'abeg'],
      ['<p>a<select><option>b</option></select>c<math><mi>d</mi></math>e<object>f</object>g</p>', 'aceg'],
      ['<p>a<span contenteditable="">b<code>c</code></span>d<sound-familiar-ui>e</sound-familiar-ui>f</p>', 'adf'],
      ['<p>nothing excluded <b>here</b></p>', 'nothing excluded here'],
    ];
    for (const [html, text] of cases) {
      document.body.innerHTML = html;
      expect(scannedText(document.body, UI), html).toBe(text);
      expect(scannedText(document.body, UI), html).toBe([...textBlocks(document.body, UI)].map((b) => b.text).join(''));
    }
  });

  it('finds names across blocks and line breaks joined with nothing, and tells context-only names apart', () => {
    const p = (text: string) => prefilter(KB.searcher, text);
    expect(p('Home NewsLocalDigitalCoalitionabout')).toBe('maybe');
    expect(p('no names here at all')).toBe('none');
    // A bare surname counts only where the page names the person in full.
    expect(p('Mr Javid said')).toBe('context-only');
    expect(p('Sajid Javid said')).toBe('maybe');
    // Case is the alias's own where it counts: "LGA" but not "lga".
    expect(p('the LGA met')).toBe('maybe');
    expect(p('algae')).toBe('none');
  });

  it('finds a name wherever it falls in a long text', () => {
    for (const filler of ['q', 'q ', 'q\u00ad']) {
      for (let at = 8150; at < 8250; at += 7) {
        const before = filler.repeat(Math.ceil(at / filler.length)).slice(0, at);
        expect(prefilter(KB.searcher, `${before}Local Digital Coalition${'z'.repeat(9000)}`), `${filler} ${at}`).toBe('maybe');
        expect(prefilter(KB.searcher, `${before}Local Digital Coalition`), `${filler} ${at}`).toBe('maybe');
        expect(prefilter(KB.searcher, `${before}Javid${'z'.repeat(9000)}`), `${filler} ${at}`).toBe('context-only');
      }
    }
  });
});
