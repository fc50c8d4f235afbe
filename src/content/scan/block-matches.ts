// Turns a text block into candidate mentions: search, and map each match back to
// DOM positions. Pure with respect to the page: it builds StaticRanges and changes nothing.

import { NEEDS_CONTEXT, NOT_A_NAME } from '../../shared/matcher/alias-rules';
import { findMatches, type Searcher } from '../../shared/matcher/search';
import { sentenceEnds, sentencePlace, type SentencePlace } from './sentences';
import type { TextBlock } from './text-blocks';

export interface BlockMatch {
  /** Text nodes the match touches, first to last. */
  nodes: Text[];
  range: StaticRange;
  /** Automaton variant indexes that accept the match. */
  variants: number[];
  /**
   * Where it sits in its sentence: read only where some match of the block counts only in
   * context (mention-index.ts asks), so most blocks never pay for it.
   */
  place?: SentencePlace;
}

/** The shortest alias is 2 characters (e.g. a two-letter acronym); shorter blocks cannot match. */
const MIN_TEXT = 2;

/** What most blocks hold: one shared empty list, not one allocated per block. */
const NONE: readonly BlockMatch[] = Object.freeze([]);

/** Sentence numbers handed out so far: each block's sentences get numbers of their own. */
let nextSentence = 0;

export function matchBlock(searcher: Searcher, block: TextBlock): readonly BlockMatch[] {
  if (block.text.length < MIN_TEXT) return NONE;
  const matches = findMatches(searcher, block.text);
  if (matches.length === 0) return NONE;
  const out: BlockMatch[] = [];
  const flags = searcher.automaton.variantFlags;
  const ends = matches.some((m) => m.variants.some((v) => flags[v]! & NEEDS_CONTEXT)) ? sentenceEnds(block.text) : null;
  const firstSentence = nextSentence;
  if (ends) nextSentence += ends.length + 1;
  for (const m of matches) {
    const { start, end } = m;
    // A longer name that is someone else ("Local Government Association of Queensland") was
    // matched so that the alias inside it is not: it shows nothing itself.
    const variants = m.variants.some((v) => flags[v]! & NOT_A_NAME) ? m.variants.filter((v) => !(flags[v]! & NOT_A_NAME)) : m.variants;
    if (variants.length === 0) continue;
    out.push({
      ...placeInBlock(block, start, end),
      variants,
      ...(ends ? { place: sentencePlace(block.text, start, end, ends, firstSentence) } : {}),
    });
  }
  return out;
}

/** The text nodes and DOM range of characters [start, end) of a block's text. */
export function placeInBlock(block: TextBlock, start: number, end: number): { nodes: Text[]; range: StaticRange } {
  const first = nodeIndexAt(block.starts, start);
  const last = nodeIndexAt(block.starts, end - 1);
  return {
    nodes: block.nodes.slice(first, last + 1),
    range: new StaticRange({
      startContainer: block.nodes[first]!,
      startOffset: start - block.starts[first]!,
      endContainer: block.nodes[last]!,
      endOffset: end - block.starts[last]!,
    }),
  };
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
