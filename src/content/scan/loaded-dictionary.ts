// The dictionary as a tab holds it: unpacked once from the background's packed form into a
// searcher plus the tables that turn a match's variants into an entity.

import type { PackedDictionary } from '../../shared/dictionary';
import { unpackAutomaton } from '../../shared/matcher/pack';
import { createSearcher, type Searcher } from '../../shared/matcher/search';
import type { Period } from '../../shared/precision';
import type { EntitySummary } from '../../shared/types';

export interface LoadedDictionary {
  version: string;
  entities: EntitySummary[];
  periods: Record<string, Period>;
  searcher: Searcher;
}

export function loadDictionary(packed: PackedDictionary): LoadedDictionary {
  const automaton = unpackAutomaton(packed.automaton);
  for (const e of automaton.variantEntity) {
    if (e < 0 || e >= packed.entities.length) throw new Error('dictionary: variant names an unknown entity');
  }
  return { version: packed.version, entities: packed.entities, periods: packed.periods, searcher: createSearcher(automaton) };
}
