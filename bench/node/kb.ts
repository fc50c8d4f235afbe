// Node entry for the benchmark: the real knowledge base and dictionary compiler, bundled by
// esbuild so bench scripts compile dictionaries exactly as the background does (dictionary-cache.ts).

import { builtinEntities, builtinPrecision } from '../../src/background/builtin-kb';
import { mergePrecision } from '../../src/shared/packs/pack-precision';
import { compileDictionary, type PackedDictionary } from '../../src/shared/dictionary';
import { matchableAliases } from '../../src/shared/precision';
import type { Entity } from '../../src/shared/types';

export type DictEntity = Pick<Entity, 'id' | 'kind' | 'name' | 'aliases' | 'modified'>;

// The core pack's precision rules (src/data/core-precision.json), merged as dictionary-cache.ts does.
const CORE = mergePrecision([builtinPrecision().precision]);
export const PRECISION = CORE.data;
const ENTITY_PERIODS = CORE.periods;

/** The shipped knowledge base, as the background seeds it. */
export function kbEntities(): DictEntity[] {
  return builtinEntities().map((e) => ({ id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, modified: 0 }));
}

/** What dictionary-cache.ts does with the database's entities. */
export function compile(entities: readonly DictEntity[]): PackedDictionary {
  return compileDictionary(entities, PRECISION, ENTITY_PERIODS);
}

/** The alias texts compileDictionary feeds the automaton, in entity order, one per (entity, alias). */
export function aliasSpecs(entities: readonly DictEntity[]): string[] {
  return entities.flatMap((e) => matchableAliases([e.name, ...e.aliases]));
}
