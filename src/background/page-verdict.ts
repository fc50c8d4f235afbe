// Whether a page's text could name anything the dictionary knows, decided in the background so
// that a page naming nothing (most of the web) is never sent the dictionary, and its tab never
// unpacks one (issue 12). It is the prefilter a tab would run on the same text
// (shared/matcher/prefilter.ts, content/scan/scanned-text.ts), unpacked the way a tab unpacks it,
// so it errs the same way: only towards "maybe".

import type { PackedDictionary } from '../shared/dictionary';
import { prefilter, type Prefilter } from '../shared/matcher/prefilter';
import type { Searcher } from '../shared/matcher/search';
import { unpackSearcher } from '../shared/matcher/unpack-searcher';

/** One unpacked copy per compiled dictionary, made on the first page that asks. */
const searchers = new WeakMap<PackedDictionary, Searcher>();

/**
 * Whether pages are asked for their text before they get this dictionary: not one too big for a
 * prefilter to pay (it comes without key lists), where every page is walked anyway.
 */
export function checksText(packed: PackedDictionary): boolean {
  return packed.starts !== null;
}

export function pageVerdict(packed: PackedDictionary, text: string): Prefilter {
  if (!checksText(packed)) return 'maybe';
  let searcher = searchers.get(packed);
  if (!searcher) searchers.set(packed, (searcher = unpackSearcher(packed.automaton, packed.starts)));
  return prefilter(searcher, text);
}
