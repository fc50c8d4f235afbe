// The dictionary's entity list (id, kind, name) as it travels to every tab: columns instead of
// an object per entity, because parsing tens of thousands of small JSON objects was the largest
// part of a big dictionary's message. Ids and names are each one joined string, split natively
// in the tab; kinds are one digit per entity.

import { ENTITY_KINDS, type EntitySummary } from './types';
import { joinPieces, splitPieces } from './wire-tables';

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
  const { separator } = joinPieces([...entities.map((e) => e.id), ...entities.map((e) => e.name)]);
  return { kinds: kinds.join(''), ids: entities.map((e) => e.id).join(separator), names: entities.map((e) => e.name).join(separator), separator };
}

/** Throws unless there are as many ids and names as kinds, and every kind is known. */
export function unpackEntities(p: PackedEntities): EntitySummary[] {
  if (typeof p !== 'object' || p === null || typeof p.kinds !== 'string') throw new Error('packed entities: wrong shape');
  const count = p.kinds.length;
  const ids = splitPieces(p.ids, p.separator, count);
  const names = splitPieces(p.names, p.separator, count);
  const entities = new Array<EntitySummary>(count);
  for (let i = 0; i < count; i++) {
    const kind = ENTITY_KINDS[p.kinds.charCodeAt(i) - 0x30];
    if (kind === undefined) throw new Error(`packed entities: entity ${i} has an unknown kind`);
    entities[i] = { id: ids[i]!, kind, name: names[i]! };
  }
  return entities;
}
