// A packed dictionary's searcher, with the prefilter's key sets attached: what a tab scans with
// (content/scan/loaded-dictionary.ts) and what the background reads a page's text against before
// it sends that page the dictionary at all (background/page-verdict.ts). One way to unpack, so
// both sides reach the same verdict on the same text.

import { unpackAutomaton, type PackedAutomaton } from './pack';
import { createSearcher, type Searcher } from './search';
import type { PackedStartKeys } from './start-keys';
import { startsFromPacked, useStarts } from './starts';

/** Throws if the automaton or the key lists are malformed (a key out of range among them). */
export function unpackSearcher(automaton: PackedAutomaton, starts: PackedStartKeys | null): Searcher {
  const unpacked = unpackAutomaton(automaton);
  useStarts(unpacked, startsFromPacked(starts));
  return createSearcher(unpacked);
}
