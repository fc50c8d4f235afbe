// Shared fixtures for unit tests: the real knowledge base as stored entities, the precision data
// the background compiles with, and small builders for searchers over hand-written aliases.

import { builtinEntities, builtinPrecision } from '../../../src/background/builtin-kb';
import { mergePrecision } from '../../../src/shared/packs/pack-precision';
import { compileDictionary, type PackedDictionary } from '../../../src/shared/dictionary';
import type { AliasSpec } from '../../../src/shared/matcher/alias-rules';
import { buildAutomaton } from '../../../src/shared/matcher/automaton';
import { createSearcher, findMatches, type Searcher } from '../../../src/shared/matcher/search';
import { packStartKeys, startKeys } from '../../../src/shared/matcher/start-keys';
import { startsFromPacked, useStarts } from '../../../src/shared/matcher/starts';
import { normalise } from '../../../src/shared/normalise';
import type { PrecisionData } from '../../../src/shared/precision';
import type { Entity } from '../../../src/shared/types';

// The core pack's precision rules (src/data/core-precision.json), merged as dictionary-cache.ts does.
const CORE = mergePrecision([builtinPrecision().precision]);
export const PRECISION: PrecisionData = CORE.data;
export const ENTITY_PERIODS = CORE.periods;

/** An entity's fields without the sync bookkeeping (revisions), which tests do not care about. */
export type EntityFields = Omit<Entity, 'rev' | 'revs'>;

/** A stored entity from plain fields, with placeholder revision fields where the schema has them. */
export function asStored(fields: EntityFields): Entity {
  return { rev: '1-test', revs: ['1-test'], ...fields } as Entity;
}

/** The shipped knowledge base as the database holds it after a first seed. */
export function kbEntities(modified = 1): Entity[] {
  return builtinEntities().map((b) => asStored({ ...b, origin: 'builtin' as const, created: 1, modified }));
}

export function kbDictionary(): PackedDictionary {
  return compileDictionary(kbEntities(), PRECISION, ENTITY_PERIODS);
}

/** A searcher over `aliases`, with the prefilter's alias starts as a loaded dictionary has them. */
export function searcherFor(aliases: readonly AliasSpec[]): Searcher {
  const automaton = buildAutomaton(aliases);
  const keys = startKeys(automaton);
  useStarts(automaton, keys && startsFromPacked(packStartKeys(keys)));
  return createSearcher(automaton);
}

/** The matched substrings of `text` (in normalised exact form), in order. */
export function matchedTexts(searcher: Searcher, text: string): string[] {
  return findMatches(searcher, text).map((m) => normalise(text.slice(m.start, m.end)).exact);
}

/** Matched substrings as they appear in the original (un-normalised) text. */
export function matchedSource(searcher: Searcher, text: string): string[] {
  return findMatches(searcher, text).map((m) => text.slice(m.start, m.end));
}
