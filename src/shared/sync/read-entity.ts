// Reads one entity from an import file. The file says what the entity is called and what
// happened to it; it never says whether the entity is built-in or user-edited: a record from a
// file is the user's, and only the importer, which knows the built-in ids, decides more.

import { LIMITS } from '../claims/claim';
import { safeHttpsUrl } from '../safe-url';
import { ENTITY_KINDS, type Entity, type EntityEvent, type Source } from '../types';
import { array, entityId, integer, object, oneOf, optionalString, partialDate, string, ValidationError } from '../validate';
import { aliasProblem } from './alias-policy';
import { tombstoneEntityContent } from './export-format';
import { KNOWLEDGE_LIMITS } from './knowledge-limits';
import { revision, time } from './read-fields';

/** A name or alias: text the matcher can use without lighting up every page. */
function matchableName(value: unknown, path: string, max: number): string {
  const text = string(value, path, max, { allowEmpty: false });
  const problem = aliasProblem(text);
  if (problem) throw new ValidationError(path, problem);
  return text;
}

function readSource(value: unknown, path: string): Source {
  const src = object(value, path);
  const url = src.url === undefined ? undefined : safeHttpsUrl(string(src.url, `${path}.url`, LIMITS.url));
  if (src.url !== undefined && !url) throw new ValidationError(`${path}.url`, 'must be an https address');
  const date = src.date === undefined ? undefined : partialDate(src.date, `${path}.date`);
  const dateLabel = optionalString(src.dateLabel, `${path}.dateLabel`, 60);
  return { title: string(src.title, `${path}.title`, LIMITS.title, { allowEmpty: false }), ...(url ? { url } : {}), ...(date ? { date } : {}), ...(dateLabel ? { dateLabel } : {}) };
}

function readEvent(value: unknown, path: string, sourceCount: number): EntityEvent {
  const ev = object(value, path);
  const outcome = optionalString(ev.outcome, `${path}.outcome`, LIMITS.note);
  const confidence = optionalString(ev.confidence, `${path}.confidence`, 200);
  const dateLabel = optionalString(ev.dateLabel, `${path}.dateLabel`, 60);
  return {
    // '' is an undated fact; its label says so.
    date: ev.date === '' ? '' : partialDate(ev.date, `${path}.date`),
    ...(dateLabel !== null ? { dateLabel } : {}),
    text: string(ev.text, `${path}.text`, LIMITS.note, { allowEmpty: false }),
    ...(outcome !== null ? { outcome } : {}),
    src: array(ev.src ?? [], `${path}.src`, 50, (i, q) => integer(i, q, 0, sourceCount - 1)),
    ...(confidence !== null ? { confidence } : {}),
  };
}

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
  const sources = array(v.sources ?? [], `${path}.sources`, 200, readSource);
  const events = array(v.events ?? [], `${path}.events`, 1000, (e, p) => readEvent(e, p, sources.length));
  return {
    id, kind,
    name: matchableName(v.name, `${path}.name`, LIMITS.name),
    aliases: array(v.aliases ?? [], `${path}.aliases`, KNOWLEDGE_LIMITS.aliasesPerEntity, (a, p) => matchableName(a, p, LIMITS.alias)),
    summary: string(v.summary ?? '', `${path}.summary`, LIMITS.note),
    events, sources,
    confidence: string(v.confidence ?? 'sourced', `${path}.confidence`, 300),
    origin: 'user',
    created, modified, rev, revs,
  };
}
