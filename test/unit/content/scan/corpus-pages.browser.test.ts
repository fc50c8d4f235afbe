// Real pages (see /work/shared/corpus/README.md) through the DOM side of scanning: the walk must
// hold its invariants on messy markup, read only visible-text elements, and, since none of these
// pages mentions a knowledge-base entity, find nothing. Parsed and walked by the real browser; the
// files are read through vitest's file command (the corpus folder is allowed in its config).
import { NEEDS_CONTEXT } from '../../../../src/shared/matcher/alias-rules';
import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { matchBlock } from '../../../../src/content/scan/block-matches';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { isInsideExcluded, textBlocks } from '../../../../src/content/scan/text-blocks';
import { kbDictionary } from '../../helpers/kb';

const CORPUS_DIR = '/work/shared/corpus/pages';
const UI = 'SOUND-FAMILIAR-UI';
const KB = loadDictionary(kbDictionary());
const PAGES = ['bbc-1.html', 'wikipedia.html', 'hidden-nodes.html', 'svg-parsing.html', 'rtl-1.html', 'mathjax.html', 'lwn-1.html'];

describe.each(PAGES)('%s', (page) => {
  it('walks into consistent blocks, skips excluded subtrees, changes nothing and finds nothing', async () => {
    const html = await commands.readFile(`${CORPUS_DIR}/${page}`);
    // DOMParser documents run no scripts and load nothing; these tags are still cut, as they were
    // under happy-dom (which fetched them), so the walk reads the same markup as before.
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
