// Reads one entity from an import file: its content through the one entity parser every source of
// entities shares (shared/knowledge/entity-parser.ts), held to its input rules but not the
// research rules (a user's own entity need not be sourced), plus the sync fields a file carries.
// The file never says whether the entity is built-in, from a pack or user-edited: a record from a
// file is the user's, and only the importer, which knows what is stored, decides more.

import { inputErrors, parseEntity } from '../knowledge/entity-parser';
import { ENTITY_KINDS, type Entity } from '../types';
import { entityId, object, oneOf, ValidationError } from '../validate';
import { tombstoneEntityContent } from './export-format';
import { revision, time } from './read-fields';

export function readEntity(value: unknown, path: string, now: number): Entity {
  const v = object(value, path);
  const id = entityId(v.id, `${path}.id`);
  const kind = oneOf(v.kind, `${path}.kind`, ENTITY_KINDS);
  const created = time(v.created, `${path}.created`, now);
  const modified = time(v.modified, `${path}.modified`, now);
  const { rev, revs } = revision(v, path);
  if (v.deleted !== undefined) {
    return { ...tombstoneEntityContent(id, kind), created, modified, deleted: time(v.deleted, `${path}.deleted`, now), rev, revs };
  }
  const { entity, problems } = parseEntity(v, { where: path, namespaced: true });
  const [first] = inputErrors(problems);
  if (first || !entity) throw new ValidationError(first?.path ?? path, first?.problem ?? 'must be an object');
  return { ...entity, id, origin: 'user', created, modified, rev, revs };
}
