// Reads one entity of a knowledge pack (the built-in core pack's src/data/core/*.json) into the
// domain shape, and lists every way it falls short of the research rules: each event dated and
// sourced (or labelled), each source https with a publisher, each citation saying in our own words
// what it supports, events in order. The loader keeps what is sound and drops the rest; the
// knowledge checks (npm run kb:check) require the list to be empty.
//
// Besides `aliases`, three lists of names say how strictly they match (see shared/dictionary.ts):
// `contextAliases` (ordinary words: they count in their case, and only where the entity is
// named unambiguously or beside another entity), `anyCaseAliases` (names of ordinary words that
// still mean the entity in lower case; otherwise such a name keeps its capitals) and `notAliases`
// (longer names that contain an alias but are someone else: "Local Government Association of
// Queensland" for the LGA; where one is written, nothing lights up).

import { parseLooseDate } from '../loose-date';
import { safeHttpsUrl } from '../safe-url';
import {
  ENTITY_KINDS, EVENT_TYPES, type DatedName, type Entity, type EntityEvent, type EntityKind, type EventType, type Role, type Source,
} from '../types';
import { ROLE_TITLES } from './role-titles';

export type CoreEntity = Pick<Entity, 'id' | 'kind' | 'name' | 'aliases' | 'summary' | 'events' | 'sources' | 'confidence'>
  & Pick<Entity, 'contextAliases' | 'anyCaseAliases' | 'notAliases' | 'roles' | 'names'>;

export interface ParsedEntity {
  entity: CoreEntity | null;
  problems: string[];
}

type Raw = Record<string, unknown>;

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function parseCoreEntity(raw: unknown, where: string): ParsedEntity {
  const problems: string[] = [];
  const problem = (path: string, what: string) => problems.push(`${where}${path}: ${what}`);
  if (!isObject(raw)) return { entity: null, problems: [`${where}: not an object`] };
  const id = typeof raw.id === 'string' && ID.test(raw.id) ? raw.id : undefined;
  const kind = ENTITY_KINDS.includes(raw.kind as EntityKind) ? (raw.kind as EntityKind) : undefined;
  const name = text(raw.name);
  if (!id) problem('.id', 'must be a lower-case slug');
  if (!kind) problem('.kind', `must be one of ${ENTITY_KINDS.join(', ')}`);
  if (!name) problem('.name', 'missing');
  if (!id || !kind || !name) return { entity: null, problems };
  const at = (path: string) => `[${id}]${path}`;

  const aliases = list(raw.aliases).filter((a, i): a is string => (typeof a === 'string' && a.trim().length >= 3) || (problem(at(`.aliases[${i}]`), 'must be text of 3 characters or more'), false));
  const contextAliases = list(raw.contextAliases).filter((a, i): a is string => (typeof a === 'string' && aliases.includes(a)) || (problem(at(`.contextAliases[${i}]`), 'must also be one of aliases'), false));
  // A name of ordinary words counts only with its capitals unless listed here as meaning the entity in any case.
  const anyCaseAliases = list(raw.anyCaseAliases).filter((a, i): a is string => (typeof a === 'string' && (aliases.includes(a) || a === name)) || (problem(at(`.anyCaseAliases[${i}]`), 'must also be the name or one of aliases'), false));
  // A longer name that is someone else, blocking the alias it contains ("Local Government Association of Queensland").
  const folded = [name, ...aliases].map((a) => a.toLowerCase());
  const notAliases = list(raw.notAliases).filter((a, i): a is string => {
    const ok = typeof a === 'string' && !folded.includes(a.toLowerCase()) && folded.some((alias) => a.toLowerCase().includes(alias));
    return ok || (problem(at(`.notAliases[${i}]`), 'must be a longer name that contains one of the aliases'), false);
  });

  const sources = list(raw.sources).map((s, i): Source => readSource(s, (what) => problem(at(`.sources[${i}]`), what)));
  const cite = (value: unknown, path: string) => readCitations(value, sources.length, (what) => problem(at(path), what));

  const events: EntityEvent[] = [];
  list(raw.events).forEach((e, i) => {
    const event = readEvent(e, cite, (path, what) => problem(at(`.events[${i}]${path}`), what));
    if (event) events.push(event);
  });
  events.forEach((e, i) => {
    if (i > 0 && e.date && events[i - 1]!.date && e.date < events[i - 1]!.date.slice(0, e.date.length)) {
      problem(at(`.events[${i}]`), `dated ${e.date}, before the event above it (${events[i - 1]!.date})`);
    }
  });

  const roles = list(raw.roles).flatMap((r, i): Role[] => {
    const role = readRole(r, cite, (path, what) => problem(at(`.roles[${i}]${path}`), what));
    return role ? [role] : [];
  });
  const names = list(raw.names).flatMap((n, i): DatedName[] => {
    const dated = isObject(n) ? readDatedName(n) : null;
    if (!dated) problem(at(`.names[${i}]`), 'needs a name and a valid from or to date');
    return dated ? [dated] : [];
  });

  const summary = text(raw.summary) ?? (problem(at('.summary'), 'missing'), '');
  return {
    entity: {
      id, kind, name, aliases, summary, events, sources,
      confidence: text(raw.confidence) ?? 'sourced',
      ...(contextAliases.length > 0 ? { contextAliases } : {}),
      ...(anyCaseAliases.length > 0 ? { anyCaseAliases } : {}),
      ...(notAliases.length > 0 ? { notAliases } : {}),
      ...(roles.length > 0 ? { roles } : {}),
      ...(names.length > 0 ? { names } : {}),
    },
    problems,
  };
}

function readSource(raw: unknown, problem: (what: string) => void): Source {
  if (!isObject(raw)) {
    problem('not an object');
    return { title: 'Untitled source' };
  }
  const title = text(raw.title) ?? (problem('has no title'), 'Untitled source');
  const url = safeHttpsUrl(raw.url);
  if (raw.url !== undefined && !url) problem(`url must be https: ${String(raw.url).slice(0, 80)}`);
  const publisher = text(raw.publisher);
  if (!publisher) problem('has no publisher');
  const date = typeof raw.date === 'string' ? parseLooseDate(raw.date) : null;
  if (raw.date !== undefined && !date) problem(`date is not a date: ${String(raw.date)}`);
  return {
    title,
    ...(publisher ? { publisher } : {}),
    ...(url ? { url } : {}),
    ...(date?.date ? { date: date.date } : {}),
    ...(date?.dateLabel ? { dateLabel: date.dateLabel } : {}),
  };
}

type Cite = (value: unknown, path: string) => { src: number[]; notes: string[] };

/** `[{source, supports}]` → parallel indexes and notes; each must point at a source and say what it supports. */
function readCitations(value: unknown, sourceCount: number, problem: (what: string) => void): { src: number[]; notes: string[] } {
  const src: number[] = [];
  const notes: string[] = [];
  list(value).forEach((c, i) => {
    const index = isObject(c) ? c.source : c;
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= sourceCount) {
      problem(`cites source ${String(index)} of ${sourceCount} (citation ${i})`);
      return;
    }
    const note = isObject(c) ? text(c.supports) : undefined;
    if (!note) problem(`citation ${i} does not say what the source supports`);
    src.push(index as number);
    notes.push(note ?? '');
  });
  return { src, notes };
}

function readEvent(raw: unknown, cite: Cite, problem: (path: string, what: string) => void): EntityEvent | null {
  if (!isObject(raw)) return (problem('', 'not an object'), null);
  const date = typeof raw.date === 'string' ? parseLooseDate(raw.date) : null;
  const body = text(raw.text);
  if (!date) problem('.date', `is not a date: ${String(raw.date)}`);
  if (!body) problem('.text', 'missing');
  if (!date || !body) return null;
  const type = EVENT_TYPES.includes(raw.type as EventType) ? (raw.type as EventType) : undefined;
  if (!type) problem('.type', `must be one of ${EVENT_TYPES.join(', ')}`);
  const { src, notes } = cite(raw.src, '.src');
  const confidence = text(raw.confidence);
  if (src.length === 0 && !confidence) problem('.src', 'no source, and no confidence label saying why');
  return {
    date: date.date,
    ...(date.dateLabel ? { dateLabel: date.dateLabel } : {}),
    ...(type ? { type } : {}),
    text: body,
    ...(text(raw.outcome) ? { outcome: text(raw.outcome)! } : {}),
    src,
    ...(notes.some((n) => n) ? { notes } : {}),
    ...(confidence ? { confidence } : {}),
  };
}

function readRole(raw: unknown, cite: Cite, problem: (path: string, what: string) => void): Role | null {
  if (!isObject(raw)) return (problem('', 'not an object'), null);
  const title = text(raw.title);
  const body = text(raw.body) ?? '';
  const from = typeof raw.from === 'string' ? parseLooseDate(raw.from)?.date : undefined;
  const to = typeof raw.to === 'string' ? parseLooseDate(raw.to)?.date : undefined;
  if (!title) problem('.title', 'missing');
  if (!from) problem('.from', `is not a date: ${String(raw.from)}`);
  if (raw.to !== undefined && raw.to !== null && !to) problem('.to', `is not a date: ${String(raw.to)}`);
  if (!title || !from) return null;
  const titles = list(raw.titles).filter((t, i): t is string => (typeof t === 'string' && ROLE_TITLES.includes(t)) || (problem(`.titles[${i}]`, `not a known title: ${String(t)}`), false));
  const { src } = cite(raw.src, '.src');
  if (src.length === 0) problem('.src', 'no source');
  return {
    title, body, from,
    ...(text(raw.bodyId) ? { bodyId: text(raw.bodyId)! } : {}),
    ...(to ? { to } : {}),
    ...(titles.length > 0 ? { titles } : {}),
    src,
  };
}

function readDatedName(raw: Raw): DatedName | null {
  const name = text(raw.name);
  const from = typeof raw.from === 'string' ? parseLooseDate(raw.from)?.date : undefined;
  const to = typeof raw.to === 'string' ? parseLooseDate(raw.to)?.date : undefined;
  if (!name || (!from && !to)) return null;
  return { name, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
