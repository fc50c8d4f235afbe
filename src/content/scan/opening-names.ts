// Whether the opening of a page's text already holds a name that stands on its own. Then the
// whole-page prefilter (shared/matcher/prefilter.ts) can only answer "walk", and reading all of a big page's text
// for it (scanned-text.ts: 10-15 ms on a 2 MB page, before the first mention can be painted) is
// skipped. The opening is read as scanned-text.ts reads the whole: every text node in document
// order, excluded subtrees left out and the text around them joined, so it is a prefix of that text
// and a match the prefilter finds in it, it finds in the whole. A page that names nothing pays for
// reading and testing the opening only.

import type { Searcher } from '../../shared/matcher/search';
import { prefilter } from '../../shared/matcher/prefilter';
import { isExcludedElement } from './text-blocks';

/**
 * About a screen of an article's text, and a bound on the nodes stepped through to find it (menus
 * hold many nodes and little text). On a page that names nothing, whose whole text is read anyway,
 * this is what the opening adds: 0.2-0.5 ms on the corpus pages, and about 1 ms more because it is
 * the first script there to touch the page's nodes one by one.
 */
const OPENING_CHARS = 2048;
const OPENING_NODES = 500;

/** True when the first `chars` (or a little more: whole text nodes) of `root`'s scanned text name something on their own. */
export function opensWithName(searcher: Searcher, root: Element, uiTag: string, chars = OPENING_CHARS, nodes = OPENING_NODES): boolean {
  const opening = openingText(root, uiTag, chars, nodes);
  return opening.length > 0 && prefilter(searcher, opening) === 'maybe';
}

/** The start of scannedText(root, uiTag): whole text nodes until at least `chars` are read or `nodes` visited, or all of it. */
export function openingText(root: Element, uiTag: string, chars: number, nodes = Infinity): string {
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  // Plain child and sibling steps: no TreeWalker, which a page that is never walked does not make.
  let node: Node | null = root.firstChild;
  while (node && length < chars && visited++ < nodes) {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      parts.push(data);
      length += data.length;
    } else if (node.nodeType === 1 && node.firstChild && !isExcludedElement(node as Element, uiTag)) {
      node = node.firstChild;
      continue;
    }
    // Next: the next sibling, or that of the nearest ancestor below `root` that has one.
    while (node !== root && !node.nextSibling) node = node.parentNode!;
    node = node === root ? null : node.nextSibling;
  }
  return parts.join('');
}
