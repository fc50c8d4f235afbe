// The page text just before and after a match, for the title rules in shared/knowledge/titles.ts
// ("former Housing Secretary", "Housing Secretary Michael Gove"). Reads across inline markup
// (`former <a>Housing Secretary</a>`) but not out of the block, so the next paragraph's first
// word is never taken for a name. And the names inside a title that was not read as its holder.

import { findMatches, type Searcher } from '../../shared/matcher/search';
import type { BlockMatch } from './block-matches';
import { hasSurrogate, isLetterOrNumber } from './letter-kinds';

const INLINE = new Set(['A', 'ABBR', 'B', 'CITE', 'EM', 'I', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U']);
const REACH = 40;

export function textAround(range: AbstractRange): { before: string; after: string } {
  const start = range.startContainer;
  const end = range.endContainer;
  const before = (start.nodeType === 3 ? (start as Text).data.slice(0, range.startOffset) : '');
  const after = (end.nodeType === 3 ? (end as Text).data.slice(range.endOffset) : '');
  return {
    before: before.length >= REACH ? before.slice(-REACH) : (siblingText(start, -1) + before).slice(-REACH),
    after: after.length >= REACH ? after.slice(0, REACH) : (after + siblingText(end, 1)).slice(0, REACH),
  };
}

/** Text of the nodes beside `node` in one direction, climbing out of inline elements only. */
function siblingText(node: Node, direction: 1 | -1): string {
  let text = '';
  let at: Node | null = node;
  while (at && text.length < REACH) {
    let sibling: Node | null = direction < 0 ? at.previousSibling : at.nextSibling;
    while (sibling && text.length < REACH) {
      if (sibling.nodeType === 1 && !INLINE.has((sibling as Element).tagName)) return text;
      const t = sibling.textContent ?? '';
      text = direction < 0 ? t + text : text + t;
      sibling = direction < 0 ? sibling.previousSibling : sibling.nextSibling;
    }
    const parent: HTMLElement | null = at.parentElement;
    at = parent && INLINE.has(parent.tagName) ? parent : null;
  }
  return text;
}

/**
 * The names inside a post's title that was not read as its holder ("Cabinet Office" in "former
 * Cabinet Office minister Ben Gummer"): the matcher took the longer title, so the body inside it
 * would otherwise be lost. Longest first from each word, titles excluded (`isName` says which
 * variants are names); matches of its own, with ranges inside the title's.
 */
export function namesInside(match: BlockMatch, searcher: Searcher, isName: (variant: number) => boolean): BlockMatch[] {
  const r = match.range;
  const pieces = match.nodes.map((n) => n.data.slice(n === r.startContainer ? r.startOffset : 0, n === r.endContainer ? r.endOffset : n.data.length));
  const text = pieces.join('');
  const { starts, ends } = hasSurrogate(text) ? wordEdgesSlow(text) : wordEdges(text);
  ends.reverse();
  const out: BlockMatch[] = [];
  let from = 0;
  for (const s of starts) {
    if (s < from) continue;
    for (const e of ends) {
      if (e <= s || (s === 0 && e === text.length)) continue;
      const sub = text.slice(s, e);
      const found = findMatches(searcher, sub)[0];
      const variants = found && found.start === 0 && found.end === sub.length ? found.variants.filter(isName) : [];
      if (variants.length === 0) continue;
      out.push({ ...slice(match, pieces, s, e), variants });
      from = e;
      break;
    }
  }
  return out;
}

/**
 * Where each run of letters and digits starts and ends, by table lookups (letter-kinds.ts): the
 * Unicode-property expressions below cost milliseconds to compile in every frame that uses them.
 */
export function wordEdges(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const word = isLetterOrNumber(text.charCodeAt(i));
    if (word && !inWord) starts.push(i);
    if (!word && inWord) ends.push(i);
    inWord = word;
  }
  if (inWord) ends.push(text.length);
  return { starts, ends };
}

/** wordEdges by the expressions themselves, for text with astral characters. */
function wordEdgesSlow(text: string): { starts: number[]; ends: number[] } {
  return {
    starts: [...text.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu)].map((m) => m.index),
    ends: [...text.matchAll(/[\p{L}\p{N}](?![\p{L}\p{N}])/gu)].map((m) => m.index + 1),
  };
}

/** The nodes and range of text[s, e) of a match whose text is `pieces` joined. */
function slice(match: BlockMatch, pieces: readonly string[], s: number, e: number): Pick<BlockMatch, 'nodes' | 'range'> {
  const at = (offset: number, end: boolean) => {
    let before = 0;
    for (let i = 0; i < pieces.length; i++) {
      const length = pieces[i]!.length;
      if (offset < before + length || (end && offset === before + length)) {
        return { i, node: match.nodes[i]!, offset: (i === 0 ? match.range.startOffset : 0) + offset - before };
      }
      before += length;
    }
    const last = pieces.length - 1;
    return { i: last, node: match.nodes[last]!, offset: match.range.endOffset };
  };
  const start = at(s, false);
  const end = at(e, true);
  return {
    nodes: match.nodes.slice(start.i, end.i + 1),
    range: new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset }),
  };
}
