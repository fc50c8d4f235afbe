// The dictionary as a tab holds it: unpacked once from the background's packed form into a
// searcher plus the tables that turn a match's variants into an entity.

import type { PackedDictionary } from '../../shared/dictionary';
import { unpackAutomaton } from '../../shared/matcher/pack';
import { unpackEntities } from '../../shared/packed-entities';
import { createSearcher, type Searcher } from '../../shared/matcher/search';
import type { TitleEntry } from '../../shared/knowledge/titles';
import type { Period } from '../../shared/precision';
import type { EntitySummary } from '../../shared/types';

export interface LoadedDictionary {
  version: string;
  entities: EntitySummary[];
  periods: Record<string, Period>;
  /** Role-title entries: a variant entity number `entities.length + k` is `titles[k]`. */
  titles: TitleEntry[];
  searcher: Searcher;
}

/** Throws if any part is malformed or a variant or title names an entity the list lacks. */
export function loadDictionary(packed: PackedDictionary): LoadedDictionary {
  const automaton = unpackAutomaton(packed.automaton);
  const entities = unpackEntities(packed.entities);
  // A dictionary cached from before titles travelled has none.
  const titles: TitleEntry[] = (packed as { titles?: TitleEntry[] }).titles ?? [];
  const entries = entities.length + titles.length;
  // An indexed loop: it runs once per tab, cold, where for-of over a typed array is several times slower.
  const variantEntity = automaton.variantEntity;
  for (let v = 0; v < variantEntity.length; v++) {
    const e = variantEntity[v]!;
    if (e < 0 || e >= entries) throw new Error('dictionary: variant names an unknown entity');
  }
  for (const t of titles) {
    if (!Number.isInteger(t.entity) || t.entity < 0 || t.entity >= entities.length) throw new Error('dictionary: a title names an unknown holder');
  }
  return { version: packed.version, entities, periods: packed.periods, titles, searcher: createSearcher(automaton) };
}
