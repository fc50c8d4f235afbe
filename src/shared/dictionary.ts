// Turns entities into the packed dictionary that content scripts search with: every matchable
// alias with its precision flags, compiled once (in the background) into an automaton.

import { buildAutomaton } from './matcher/automaton';
import { PRIVATE, type AliasSpec } from './matcher/alias-rules';
import { packAutomaton, type PackedAutomaton } from './matcher/pack';
import { aliasFlags, matchableAliases, type Period, type PrecisionData } from './precision';
import type { Entity, EntitySummary } from './types';

export interface PackedDictionary {
  /** Changes whenever the entities do, so tabs can tell a stale dictionary. */
  version: string;
  /** Indexed by the automaton's variant entity numbers. */
  entities: EntitySummary[];
  periods: Record<string, Period>;
  automaton: PackedAutomaton;
}

/**
 * `shipped` holds, per built-in entity id, the names it ships with: any other name of a built-in
 * entity was added by the user, and every name of a user's entity is the user's. Those are
 * flagged PRIVATE, so a page never sees them painted.
 */
export function compileDictionary(
  entities: readonly (Pick<Entity, 'id' | 'kind' | 'name' | 'aliases' | 'modified'> & { origin?: Entity['origin'] })[],
  precision: PrecisionData,
  periods: Readonly<Record<string, Period>>,
  shipped: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): PackedDictionary {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const specs: AliasSpec[] = [];
  sorted.forEach((entity, index) => {
    const isPrivate = (text: string) => entity.origin === 'user' || (shipped.has(entity.id) && !shipped.get(entity.id)!.has(text));
    for (const text of matchableAliases([entity.name, ...entity.aliases])) {
      const flags = aliasFlags(text, entity.kind, precision) | (isPrivate(text) ? PRIVATE : 0);
      specs.push({ text, entity: index, flags });
      // A lower-case phrase ("the housing ministry") also opens sentences, capitalised.
      if (/^\p{Ll}/u.test(text) && /\s/.test(text)) specs.push({ text: text.charAt(0).toUpperCase() + text.slice(1), entity: index, flags });
    }
  });
  const usedPeriods: Record<string, Period> = {};
  for (const e of sorted) if (periods[e.id]) usedPeriods[e.id] = periods[e.id]!;
  return {
    version: dictionaryVersion(sorted),
    entities: sorted.map(({ id, kind, name }) => ({ id, kind, name })),
    periods: usedPeriods,
    automaton: packAutomaton(buildAutomaton(specs)),
  };
}

/** A cheap fingerprint of ids and modification times: FNV-1a over the text. */
function dictionaryVersion(entities: readonly Pick<Entity, 'id' | 'modified'>[]): string {
  let h = 0x811c9dc5;
  for (const e of entities) {
    const s = `${e.id}@${e.modified};`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return `${entities.length}-${h.toString(16)}`;
}
