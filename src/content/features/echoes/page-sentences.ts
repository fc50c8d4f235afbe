// The page's sentences that announce or promise something, with their places in the DOM: what
// the echoes feature sends to the background (text only) and paints (ranges). Reads the page in
// text blocks, as the scanner does, and stops after a generous article's worth of text.

import { isCandidate, splitSentences } from '../../../shared/echo/candidate';
import { ECHO_SENTENCE_CHARS, ECHO_SENTENCES } from '../../../shared/messages';
import { placeInBlock } from '../../scan/block-matches';
import { textBlocks } from '../../scan/text-blocks';

export interface PageSentence {
  text: string;
  range: StaticRange;
  nodes: Text[];
}

/** Past this much text a page is not an article; its first part is where announcements are. */
const MAX_CHARS = 200_000;

export function candidateSentences(root: Node, uiTag: string, limit = ECHO_SENTENCES): PageSentence[] {
  const out: PageSentence[] = [];
  let read = 0;
  for (const block of textBlocks(root, uiTag)) {
    read += block.text.length;
    if (read > MAX_CHARS) break;
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
