// The dictionary as a tab holds it: unpacked once from the background's packed form into a
// searcher plus the tables that turn a match's variants into an entity.

import type { PackedDictionary } from '../../shared/dictionary';
import { checkEntities } from '../../shared/packed-entities';
import type { Searcher } from '../../shared/matcher/search';
import { unpackSearcher } from '../../shared/matcher/unpack-searcher';
import type { TitleEntry } from '../../shared/knowledge/titles';
import type { Period } from '../../shared/precision';
import type { EntitySummary } from '../../shared/types';

export interface LoadedDictionary {
  version: string;
  /** Made on first read (a page that names nobody never reads it), the same array after. */
  readonly entities: EntitySummary[];
  periods: Record<string, Period>;
  /** Role-title entries: a variant entity number `entities.length + k` is `titles[k]`. */
  titles: TitleEntry[];
  searcher: Searcher;
}

/** Throws if any part is malformed or a variant or title names an entity the list lacks. */
export function loadDictionary(packed: PackedDictionary): LoadedDictionary {
  // With the prefilter's bit sets from the keys the background computed: no walk of the trie here.
  const searcher = unpackSearcher(packed.automaton, packed.starts);
  const { automaton } = searcher;
  const entities = checkEntities(packed.entities);
  // A dictionary cached from before titles travelled has none.
  const titles: TitleEntry[] = (packed as { titles?: TitleEntry[] }).titles ?? [];
  const count = entities.count;
  if (!namesKnown(automaton.variantEntity, count + titles.length)) throw new Error('dictionary: variant names an unknown entity');
  for (const t of titles) {
    if (!Number.isInteger(t.entity) || t.entity < 0 || t.entity >= count) throw new Error('dictionary: a title names an unknown holder');
  }
  return {
    version: packed.version,
    get entities() {
      return entities.list();
    },
    periods: packed.periods,
    titles,
    searcher,
  };
}

/**
 * Whether every variant's entity number is in [0, entries): the smallest and largest of a sorted
 * copy, as a native sort of the whole table costs a fraction of a loop of ours over it, cold.
 */
function namesKnown(variantEntity: Int32Array, entries: number): boolean {
  if (variantEntity.length === 0) return true;
  const sorted = variantEntity.slice().sort();
  return sorted[0]! >= 0 && sorted[sorted.length - 1]! < entries;
}
