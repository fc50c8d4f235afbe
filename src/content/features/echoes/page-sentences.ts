// The page's sentences, with where each lies in the DOM: what the echoes feature sends to the
// background (text only), which picks those that announce or promise something, and what it paints
// (a range, made only for the few sentences marked). Reads the page in text blocks, as the scanner
// does, and stops after a generous article's worth of text.
//
// Which sentences are candidates is decided in the background (background/echo-cache.ts): its
// expressions cost each page 5-8 ms to compile, and the background compiles them once.

import { splitSentences } from '../../../shared/echo/candidate';
import { ECHO_MIN_CHARS, ECHO_SENTENCE_CHARS, ECHO_SENTENCES, ECHO_TEXT_CHARS } from '../../../shared/echo-view';
import { placeInBlock } from '../../scan/block-matches';
import { textBlocks, type TextBlock } from '../../scan/text-blocks';
import { yieldToPage } from '../../yield-to-page';

export interface PageSentence {
  text: string;
  block: TextBlock;
  /** Where the sentence lies in its block's text. */
  start: number;
  end: number;
}

/** Longest the reading runs before the page gets a turn. */
const SLICE_MS = 8;

export async function pageSentences(root: Node, uiTag: string, signal?: AbortSignal): Promise<PageSentence[]> {
  const out: PageSentence[] = [];
  let read = 0;
  let sliceStart = performance.now();
  for (const block of textBlocks(root, uiTag)) {
    // Past this much text a page is not an article; its first part is where announcements are. The
    // walk stops there however little of it is sent, and what is sent (a part of it) is bounded too.
    read += block.text.length;
    if (read > ECHO_TEXT_CHARS) break;
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
      if (sentence.length < ECHO_MIN_CHARS || sentence.length > ECHO_SENTENCE_CHARS) continue;
      out.push({ text: sentence, block, start, end: cursor });
      if (out.length >= ECHO_SENTENCES) return out;
    }
  }
  return out;
}

/**
 * A sentence's text nodes and range, made only for a sentence that is marked. The same as made
 * when it was read: a StaticRange does not follow the page's changes either way.
 */
export function placeSentence(s: PageSentence): { nodes: Text[]; range: StaticRange } {
  return placeInBlock(s.block, s.start, s.end);
}
