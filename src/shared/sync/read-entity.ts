// Reads one entity from an import file. The file says what the entity is called and what
// happened to it; it never says whether the entity is built-in or user-edited: a record from a
// file is the user's, and only the importer, which knows the built-in ids, decides more.

import { LIMITS } from '../claims/claim';
import { safeHttpsUrl } from '../safe-url';
import { ROLE_TITLES } from '../knowledge/role-titles';
import { ENTITY_KINDS, EVENT_TYPES, type DatedName, type Entity, type EntityEvent, type Role, type Source } from '../types';
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
  const publisher = optionalString(src.publisher, `${path}.publisher`, LIMITS.title);
  return {
    title: string(src.title, `${path}.title`, LIMITS.title, { allowEmpty: false }),
    ...(publisher ? { publisher } : {}), ...(url ? { url } : {}), ...(date ? { date } : {}), ...(dateLabel ? { dateLabel } : {}),
  };
}

function readEvent(value: unknown, path: string, sourceCount: number): EntityEvent {
  const ev = object(value, path);
  const outcome = optionalString(ev.outcome, `${path}.outcome`, LIMITS.note);
  const confidence = optionalString(ev.confidence, `${path}.confidence`, LIMITS.note);
  const dateLabel = optionalString(ev.dateLabel, `${path}.dateLabel`, 60);
  const src = array(ev.src ?? [], `${path}.src`, 50, (i, q) => integer(i, q, 0, sourceCount - 1));
  const notes = ev.notes === undefined ? undefined : array(ev.notes, `${path}.notes`, src.length, (n, q) => string(n, q, LIMITS.note));
  return {
    // '' is an undated fact; its label says so.
    date: ev.date === '' ? '' : partialDate(ev.date, `${path}.date`),
    ...(dateLabel !== null ? { dateLabel } : {}),
    ...(ev.type !== undefined ? { type: oneOf(ev.type, `${path}.type`, EVENT_TYPES) } : {}),
    text: string(ev.text, `${path}.text`, LIMITS.note, { allowEmpty: false }),
    ...(outcome !== null ? { outcome } : {}),
    src,
    ...(notes ? { notes } : {}),
    ...(confidence !== null ? { confidence } : {}),
  };
}

function readRole(value: unknown, path: string, sourceCount: number): Role {
  const r = object(value, path);
  const bodyId = r.bodyId === undefined ? undefined : entityId(r.bodyId, `${path}.bodyId`);
  const titles = r.titles === undefined ? undefined : array(r.titles, `${path}.titles`, 10, (t, q) => oneOf(t, q, ROLE_TITLES));
  return {
    title: string(r.title, `${path}.title`, LIMITS.title, { allowEmpty: false }),
    body: string(r.body ?? '', `${path}.body`, LIMITS.title),
    ...(bodyId ? { bodyId } : {}),
    from: partialDate(r.from, `${path}.from`),
    ...(r.to !== undefined ? { to: partialDate(r.to, `${path}.to`) } : {}),
    ...(titles ? { titles } : {}),
    src: array(r.src ?? [], `${path}.src`, 50, (i, q) => integer(i, q, 0, sourceCount - 1)),
  };
}

function readDatedName(value: unknown, path: string): DatedName {
  const n = object(value, path);
  return {
    name: string(n.name, `${path}.name`, LIMITS.name, { allowEmpty: false }),
    ...(n.from !== undefined ? { from: partialDate(n.from, `${path}.from`) } : {}),
    ...(n.to !== undefined ? { to: partialDate(n.to, `${path}.to`) } : {}),
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
  const aliases = array(v.aliases ?? [], `${path}.aliases`, KNOWLEDGE_LIMITS.aliasesPerEntity, (a, p) => matchableName(a, p, LIMITS.alias));
  const contextAliases = v.contextAliases === undefined ? undefined : array(v.contextAliases, `${path}.contextAliases`, KNOWLEDGE_LIMITS.aliasesPerEntity, (a, p) => {
    const alias = string(a, p, LIMITS.alias);
    if (!aliases.includes(alias)) throw new ValidationError(p, 'must also be one of aliases');
    return alias;
  });
  const name = matchableName(v.name, `${path}.name`, LIMITS.name);
  // The pack's precision lists (shared/knowledge/core-entity.ts), held to the same rules.
  const anyCaseAliases = v.anyCaseAliases === undefined ? undefined : array(v.anyCaseAliases, `${path}.anyCaseAliases`, KNOWLEDGE_LIMITS.aliasesPerEntity, (a, p) => {
    const alias = string(a, p, LIMITS.alias);
    if (alias !== name && !aliases.includes(alias)) throw new ValidationError(p, 'must also be the name or one of aliases');
    return alias;
  });
  const notAliases = v.notAliases === undefined ? undefined : array(v.notAliases, `${path}.notAliases`, KNOWLEDGE_LIMITS.aliasesPerEntity, (a, p) => {
    const longer = matchableName(a, p, LIMITS.alias);
    const folded = [name, ...aliases].map((n) => n.toLowerCase());
    const lower = longer.toLowerCase();
    if (folded.includes(lower) || !folded.some((alias) => lower.includes(alias))) throw new ValidationError(p, 'must be a longer name that contains one of the aliases');
    return longer;
  });
  const roles = v.roles === undefined ? undefined : array(v.roles, `${path}.roles`, 100, (r, p) => readRole(r, p, sources.length));
  const names = v.names === undefined ? undefined : array(v.names, `${path}.names`, 20, readDatedName);
  return {
    id, kind,
    name,
    aliases,
    ...(contextAliases ? { contextAliases } : {}),
    ...(anyCaseAliases ? { anyCaseAliases } : {}),
    ...(notAliases ? { notAliases } : {}),
    summary: string(v.summary ?? '', `${path}.summary`, LIMITS.note),
    ...(roles ? { roles } : {}),
    ...(names ? { names } : {}),
    events, sources,
    confidence: string(v.confidence ?? 'sourced', `${path}.confidence`, LIMITS.note),
    origin: 'user',
    created, modified, rev, revs,
  };
}
