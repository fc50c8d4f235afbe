// The one parser for an entity's content, whichever source it comes from: the built-in core pack
// (lenient: keeps what is sound), a subscribed pack and an import file (strict: any problem
// refuses the whole file). It reads only the fields it knows, and only the value's own ones, so
// `__proto__` or `constructor` keys in hostile JSON are never read or copied. Every problem names
// the entity and the field.
//
// Besides `aliases`, three lists of names say how strictly they match (see shared/dictionary.ts):
// `contextAliases` (ordinary words: they count in their case, and only where the entity is
// named unambiguously or beside another entity), `anyCaseAliases` (names of ordinary words that
// still mean the entity in lower case; otherwise such a name keeps its capitals) and `notAliases`
// (longer names that contain an alias but are someone else: "Local Government Association of
// Queensland" for the LGA; where one is written, nothing lights up).

import { LIMITS } from '../claims/claim';
import { aliasProblem } from '../sync/alias-policy';
import { KNOWLEDGE_LIMITS } from '../sync/knowledge-limits';
import { ENTITY_KINDS, type DatedName, type Entity, type EntityEvent, type EntityKind, type Role } from '../types';
import {
  ENTITY_ID, isRaw, STORED_ENTITY_ID, list, own, Problems, readDatedName, readEvent, readRole, readSource, text, type EntityProblem,
} from './entity-fields';

export type { EntityProblem } from './entity-fields';

/** An entity's content: what a pack holds, without the bookkeeping the database adds. */
export type CoreEntity = Pick<Entity, 'id' | 'kind' | 'name' | 'aliases' | 'summary' | 'events' | 'sources' | 'confidence'>
  & Pick<Entity, 'contextAliases' | 'anyCaseAliases' | 'notAliases' | 'roles' | 'names'>;

export interface EntityReading {
  /** What is sound, or null when it has no usable id, kind or name. */
  entity: CoreEntity | null;
  problems: EntityProblem[];
}

export const ENTITY_LIST_LIMITS = { sources: 200, events: 1000, roles: 100, names: 20 } as const;

/** `where` names the entity before its id is known ("entity 3"); `named(id)` once it is. */
export interface EntityPlace {
  where: string;
  named?: (id: string) => string;
  /** Accept a stored id namespaced by its pack (an import carries the user's edits of pack entities). */
  namespaced?: boolean;
}

const some = <T>(value: T | null): T[] => (value ? [value] : []);

/** A name or alias the matcher can use without lighting up every page. */
function matchable(value: unknown, path: string, max: number, p: Problems): string | undefined {
  const name = text(value, path, max, p, true);
  const problem = name === undefined ? null : aliasProblem(name);
  if (problem) p.error(path, problem);
  return problem ? undefined : name;
}

export function parseEntity(raw: unknown, place: EntityPlace): EntityReading {
  const p = new Problems();
  const { where } = place;
  if (!isRaw(raw)) return { entity: null, problems: [{ path: where, problem: 'must be an object' }] };
  const rawId = own(raw, 'id');
  const id = typeof rawId === 'string' && (place.namespaced ? STORED_ENTITY_ID : ENTITY_ID).test(rawId) ? rawId : undefined;
  if (!id) p.error(`${where}.id`, 'must be an entity id (lower-case letters, digits, hyphens)');
  const rawKind = own(raw, 'kind');
  const kind = ENTITY_KINDS.includes(rawKind as EntityKind) ? (rawKind as EntityKind) : undefined;
  if (!kind) p.error(`${where}.kind`, `must be one of ${ENTITY_KINDS.join(', ')}`);
  const at = id && place.named ? place.named(id) : where;
  const name = matchable(own(raw, 'name'), `${at}.name`, LIMITS.name, p);

  // A plain loop: an import may hold half a million aliases, and this is their hot path.
  const aliases: string[] = [];
  const rawAliases = list(own(raw, 'aliases'), `${at}.aliases`, KNOWLEDGE_LIMITS.aliasesPerEntity, p);
  for (let i = 0; i < rawAliases.length; i++) {
    const alias = matchable(rawAliases[i], `${at}.aliases[${i}]`, LIMITS.alias, p);
    if (alias !== undefined) aliases.push(alias);
  }
  const aliasList = (field: string, ok: (alias: string) => boolean, rule: string) =>
    list(own(raw, field), `${at}.${field}`, KNOWLEDGE_LIMITS.aliasesPerEntity, p).filter((a, i): a is string => {
      const good = typeof a === 'string' && a.length <= LIMITS.alias && ok(a);
      if (!good) p.error(`${at}.${field}[${i}]`, rule);
      return good;
    });
  const contextAliases = aliasList('contextAliases', (a) => aliases.includes(a), 'must also be one of aliases');
  // A name of ordinary words counts only with its capitals unless listed here as meaning the entity in any case.
  const anyCaseAliases = aliasList('anyCaseAliases', (a) => aliases.includes(a) || a === name, 'must also be the name or one of aliases');
  // A longer name that is someone else, blocking the alias it contains ("Local Government Association of Queensland").
  let folded: string[] | undefined;
  const notAliases = aliasList('notAliases', (a) => {
    folded ??= [...(name ? [name] : []), ...aliases].map((n) => n.toLowerCase());
    const lower = a.toLowerCase();
    return !folded.includes(lower) && folded.some((alias) => lower.includes(alias)) && aliasProblem(a) === null;
  }, 'must be a longer name that contains one of the aliases');

  const sources = list(own(raw, 'sources'), `${at}.sources`, ENTITY_LIST_LIMITS.sources, p).map((s, i) => readSource(s, `${at}.sources[${i}]`, p));
  const events = list(own(raw, 'events'), `${at}.events`, ENTITY_LIST_LIMITS.events, p)
    .flatMap((e, i): EntityEvent[] => some(readEvent(e, `${at}.events[${i}]`, sources.length, p)));
  events.forEach((e, i) => {
    const before = events[i - 1];
    if (before?.date && e.date && e.date < before.date.slice(0, e.date.length)) {
      p.research(`${at}.events[${i}]`, `dated ${e.date}, before the event above it (${before.date})`);
    }
  });
  const roles = list(own(raw, 'roles'), `${at}.roles`, ENTITY_LIST_LIMITS.roles, p)
    .flatMap((r, i): Role[] => some(readRole(r, `${at}.roles[${i}]`, sources.length, p)));
  const names = list(own(raw, 'names'), `${at}.names`, ENTITY_LIST_LIMITS.names, p)
    .flatMap((n, i): DatedName[] => some(readDatedName(n, `${at}.names[${i}]`, p)));
  const summary = text(own(raw, 'summary'), `${at}.summary`, LIMITS.note, p);
  if (!summary) p.research(`${at}.summary`, 'missing');
  const confidence = text(own(raw, 'confidence'), `${at}.confidence`, LIMITS.note, p) ?? 'sourced';

  if (!id || !kind || !name) return { entity: null, problems: p.list };
  return {
    entity: {
      id, kind, name, aliases, summary: summary ?? '', events, sources, confidence,
      ...(contextAliases.length > 0 ? { contextAliases } : {}),
      ...(anyCaseAliases.length > 0 ? { anyCaseAliases } : {}),
      ...(notAliases.length > 0 ? { notAliases } : {}),
      ...(roles.length > 0 ? { roles } : {}),
      ...(names.length > 0 ? { names } : {}),
    },
    problems: p.list,
  };
}

/** A problem as one line: "entities[2] (gds).aliases[0]: …". */
export const problemText = (p: EntityProblem): string => `${p.path}: ${p.problem}`;

/** Only the malformed or hostile input, leaving the research rules aside (an import's standard). */
export const inputErrors = (problems: readonly EntityProblem[]): EntityProblem[] => problems.filter((p) => !p.research);
