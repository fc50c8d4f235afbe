// The page's sentences that announce or promise something, with their places in the DOM: what
// the echoes feature sends to the background (text only) and paints (ranges). Reads the page in
// text blocks, as the scanner does, and stops after a generous article's worth of text.

import { isCandidate, splitSentences } from '../../../shared/echo/candidate';
import { ECHO_SENTENCE_CHARS, ECHO_SENTENCES } from '../../../shared/messages';
import { placeInBlock } from '../../scan/block-matches';
import { textBlocks } from '../../scan/text-blocks';
import { yieldToPage } from '../../yield-to-page';

export interface PageSentence {
  text: string;
  range: StaticRange;
  nodes: Text[];
}

/** Past this much text a page is not an article; its first part is where announcements are. */
const MAX_CHARS = 200_000;
/** Longest the reading runs before the page gets a turn. */
const SLICE_MS = 8;

export async function candidateSentences(root: Node, uiTag: string, signal?: AbortSignal, limit = ECHO_SENTENCES): Promise<PageSentence[]> {
  const out: PageSentence[] = [];
  let read = 0;
  let sliceStart = performance.now();
  for (const block of textBlocks(root, uiTag)) {
    read += block.text.length;
    if (read > MAX_CHARS) break;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToPage();
      if (signal?.aborted) return [];
      sliceStart = performance.now();
    }
    if (block.text.length < 30) continue;
    let cursor = 0;
    for (const sentence of splitSentences(block.text)) {
      const start = block.text.indexOf(sentence, cursor);
      if (start < 0) continue;
      cursor = start + sentence.length;
      if (sentence.length > ECHO_SENTENCE_CHARS || !isCandidate(sentence)) continue;
      out.push({ text: sentence, ...placeInBlock(block, start, cursor) });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
