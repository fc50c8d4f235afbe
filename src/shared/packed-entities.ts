// The dictionary's entity list (id, kind, name) as it travels to every tab: columns instead of
// an object per entity, because parsing tens of thousands of small JSON objects was the largest
// part of a big dictionary's message. Ids and names are each one joined string, split natively
// in the tab; kinds are one digit per entity. A tab checks the columns when it loads them and
// makes the entity objects only when it first needs one (a page that names nobody never does).

import { ENTITY_KINDS, type EntitySummary } from './types';
import { freeSeparator, splitPieces } from './wire-tables';

export interface PackedEntities {
  /** One digit per entity: its kind's index in ENTITY_KINDS. */
  kinds: string;
  ids: string;
  names: string;
  /** What joins the ids, and the names: a character none of them holds. */
  separator: string;
}

export function packEntities(entities: readonly EntitySummary[]): PackedEntities {
  const kinds = entities.map((e) => ENTITY_KINDS.indexOf(e.kind));
  if (kinds.includes(-1)) throw new Error('packed entities: unknown kind');
  const ids = entities.map((e) => e.id);
  const names = entities.map((e) => e.name);
  const separator = freeSeparator([ids, names]);
  return { kinds: kinds.join(''), ids: ids.join(separator), names: names.join(separator), separator };
}

/** Columns that agree: as many ids and names as kinds, every kind known. */
export interface CheckedEntities {
  readonly count: number;
  /** The entity objects, made on the first call and the same array after. */
  list(): EntitySummary[];
}

// Every digit a kind can be, and nothing else (there are fewer than ten kinds).
const KIND_DIGITS = new RegExp(`^[0-${ENTITY_KINDS.length - 1}]*$`);

/** Throws unless there are as many ids and names as kinds, and every kind is known. */
export function checkEntities(p: PackedEntities): CheckedEntities {
  if (typeof p !== 'object' || p === null || typeof p.kinds !== 'string') throw new Error('packed entities: wrong shape');
  const count = p.kinds.length;
  const ids = splitPieces(p.ids, p.separator, count);
  const names = splitPieces(p.names, p.separator, count);
  // One native test, not a loop of ours over every entity.
  if (!KIND_DIGITS.test(p.kinds)) throw new Error('packed entities: an entity has an unknown kind');
  const kinds = p.kinds;
  let made: EntitySummary[] | null = null;
  return {
    count,
    list: () => {
      if (made) return made;
      made = new Array<EntitySummary>(count);
      for (let i = 0; i < count; i++) made[i] = { id: ids[i]!, kind: ENTITY_KINDS[kinds.charCodeAt(i) - 0x30]!, name: names[i]! };
      return made;
    },
  };
}

/** The entities, or throws as checkEntities does. */
export function unpackEntities(p: PackedEntities): EntitySummary[] {
  return checkEntities(p).list();
}
