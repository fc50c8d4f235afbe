// Turns a text block into candidate mentions: search, and map each match back to
// DOM positions. Pure with respect to the page: it builds StaticRanges and changes nothing.

import { findMatches, type Searcher } from '../../shared/matcher/search';
import type { TextBlock } from './text-blocks';

export interface BlockMatch {
  /** Text nodes the match touches, first to last. */
  nodes: Text[];
  range: StaticRange;
  /** Automaton variant indexes that accept the match. */
  variants: number[];
}

/** The shortest alias is 2 characters (e.g. a two-letter acronym); shorter blocks cannot match. */
const MIN_TEXT = 2;

/** What most blocks hold: one shared empty list, not one allocated per block. */
const NONE: readonly BlockMatch[] = Object.freeze([]);

export function matchBlock(searcher: Searcher, block: TextBlock): readonly BlockMatch[] {
  if (block.text.length < MIN_TEXT) return NONE;
  const matches = findMatches(searcher, block.text);
  if (matches.length === 0) return NONE;
  const out: BlockMatch[] = [];
  for (const m of matches) {
    const { start, end } = m;
    const first = nodeIndexAt(block.starts, start);
    const last = nodeIndexAt(block.starts, end - 1);
    const startNode = block.nodes[first]!;
    const endNode = block.nodes[last]!;
    out.push({
      nodes: block.nodes.slice(first, last + 1),
      range: new StaticRange({
        startContainer: startNode,
        startOffset: start - block.starts[first]!,
        endContainer: endNode,
        endOffset: end - block.starts[last]!,
      }),
      variants: m.variants,
    });
  }
  return out;
}

/** Index of the node containing source offset `offset` (binary search over start offsets). */
function nodeIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
