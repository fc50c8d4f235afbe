// @vitest-environment happy-dom
// Real pages (see /work/shared/corpus/README.md) through the DOM side of scanning: the walk must
// hold its invariants on messy markup, read only visible-text elements, and, since none of these
// pages mentions a knowledge-base entity, find nothing.
import '../../helpers/static-range';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEEDS_CONTEXT } from '../../../../src/shared/matcher/alias-rules';
import { describe, expect, it } from 'vitest';
import { matchBlock } from '../../../../src/content/scan/block-matches';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { isInsideExcluded, textBlocks } from '../../../../src/content/scan/text-blocks';
import { CORPUS_DIR } from '../../helpers/corpus';
import { kbDictionary } from '../../helpers/kb';

const UI = 'SOUND-FAMILIAR-UI';
const KB = loadDictionary(kbDictionary());
const PAGES = ['bbc-1.html', 'wikipedia.html', 'hidden-nodes.html', 'svg-parsing.html', 'rtl-1.html', 'mathjax.html', 'lwn-1.html'];

describe.each(PAGES)('%s', (page) => {
  it('walks into consistent blocks, skips excluded subtrees, changes nothing and finds nothing', () => {
    const html = readFileSync(join(CORPUS_DIR, page), 'utf8');
    // DOMParser documents run no scripts; happy-dom would still fetch stylesheets, frames and
    // images, so those tags (which hold no text) are cut out first: unit tests touch no network.
    const offline = html.replace(/<(link|img|source|embed)\b[^>]*>/gi, '').replace(/<(iframe|frame|object|video|audio)\b[\s\S]*?<\/\1\s*>/gi, '');
    const doc = new DOMParser().parseFromString(offline, 'text/html');
    const before = doc.body.innerHTML;
    let blocks = 0;
    let chars = 0;
    const matches = [];
    for (const block of textBlocks(doc.body, UI)) {
      blocks++;
      chars += block.text.length;
      expect(block.nodes.length).toBe(block.starts.length);
      block.nodes.forEach((node, i) => {
        expect(block.text.slice(block.starts[i], block.starts[i]! + node.data.length)).toBe(node.data);
        expect(isInsideExcluded(node, UI)).toBe(false);
        expect(block.element.contains(node)).toBe(true);
      });
      // A bare surname ("Clark") may match; it is shown only where the page names the person in full.
      matches.push(...matchBlock(KB.searcher, block).filter((m) => m.variants.some((v) => (KB.searcher.automaton.variantFlags[v]! & NEEDS_CONTEXT) === 0)));
    }
    expect(blocks).toBeGreaterThan(0);
    expect(chars).toBeGreaterThan(200);
    expect(matches).toEqual([]);
    expect(doc.body.innerHTML).toBe(before);
  });
});
