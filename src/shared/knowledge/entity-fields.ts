// The parts of an entity (sources, events, roles, dated names) as the one entity parser reads
// them from any source: the core pack's files, a subscribed pack, an import file. Each reader
// reports every problem it finds with its exact field path and keeps what is sound, so the
// loader can be lenient and an import or a pack strict from the same reading.

import { LIMITS } from '../claims/claim';
import { parseLooseDate, type LooseDate } from '../loose-date';
import { safeHttpsUrl } from '../safe-url';
import { EVENT_TYPES, type DatedName, type EntityEvent, type EventType, type Role, type Source } from '../types';
import { ROLE_TITLES } from './role-titles';

/** One shortfall: `research` ones break the research rules (kb:check, packs), the rest are malformed input. */
export interface EntityProblem {
  path: string;
  problem: string;
  research?: true;
}

export type Raw = Record<string, unknown>;

export class Problems {
  readonly list: EntityProblem[] = [];
  error(path: string, problem: string): void {
    this.list.push({ path, problem });
  }
  research(path: string, problem: string): void {
    this.list.push({ path, problem, research: true });
  }
}

export const ENTITY_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** An id as stored: a pack's entities are namespaced by the pack ("scottish-digital:scotgov-digital"). */
export const STORED_ENTITY_ID = /^[a-z0-9][a-z0-9-]{0,79}(:[a-z0-9][a-z0-9-]{0,79})?$/;
export const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field the value itself holds: never one inherited from a prototype. */
export const own = (raw: Raw, key: string): unknown => (Object.hasOwn(raw, key) ? raw[key] : undefined);

/** Optional text of at most `max` characters; `required` also refuses blank text. */
export function text(value: unknown, path: string, max: number, p: Problems, required = false): string | undefined {
  if (value === undefined || value === null) {
    if (required) p.error(path, 'must be text');
    return undefined;
  }
  if (typeof value !== 'string') return (p.error(path, 'must be text'), undefined);
  if (value.length > max) return (p.error(path, `is longer than ${max} characters`), undefined);
  if (value.trim() === '') {
    if (required) p.error(path, 'must not be empty');
    return undefined;
  }
  return value;
}

/** A list of at most `max` items; a longer one is not read at all (a hostile file could hold millions). */
export function list(value: unknown, path: string, max: number, p: Problems): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return (p.error(path, 'must be a list'), []);
  if (value.length > max) return (p.error(path, `has more than ${max} items`), []);
  return value;
}

const DATE_FORMS = 'must be a date like 2017, 2017-11 or 2017-11-21';

/** A date as researchers write it (`2017`, `2021/22`, `2016-summer`, `undated`), or an explicit `dateLabel` beside a plain one. */
function looseDate(raw: Raw, path: string, p: Problems, allowUndated: boolean): LooseDate | undefined {
  const value = own(raw, 'date');
  const label = text(own(raw, 'dateLabel'), `${path}.dateLabel`, 60, p);
  if (value === '' && allowUndated) return { date: '', ...(label ? { dateLabel: label } : {}) };
  const parsed = typeof value === 'string' && value.length <= 60 ? parseLooseDate(value) : null;
  if (!parsed || (parsed.date === '' && !allowUndated)) return (p.error(`${path}.date`, DATE_FORMS), undefined);
  return label ? { date: parsed.date, dateLabel: label } : parsed;
}

/** A plain date (`from`, `to`) that may be written loosely; only its sortable part is kept. */
function plainDate(value: unknown, path: string, p: Problems): string | undefined {
  const parsed = typeof value === 'string' && value.length <= 60 ? parseLooseDate(value) : null;
  if (!parsed?.date) return (p.error(path, DATE_FORMS), undefined);
  return parsed.date;
}

export function readSource(value: unknown, path: string, p: Problems): Source {
  // A bad source is kept as a placeholder so the citations after it still point at the right one.
  if (!isRaw(value)) return (p.error(path, 'must be an object'), { title: 'Untitled source' });
  const title = text(own(value, 'title'), `${path}.title`, LIMITS.title, p, true) ?? 'Untitled source';
  const rawUrl = own(value, 'url');
  const url = rawUrl === undefined ? undefined : safeHttpsUrl(rawUrl);
  if (rawUrl !== undefined && !url) p.error(`${path}.url`, 'must be an https address');
  const publisher = text(own(value, 'publisher'), `${path}.publisher`, LIMITS.title, p);
  if (!publisher) p.research(`${path}.publisher`, 'missing: say who published it');
  const date = own(value, 'date') === undefined ? undefined : looseDate(value, path, p, false);
  return {
    title,
    ...(publisher ? { publisher } : {}),
    ...(url ? { url } : {}),
    ...(date?.date ? { date: date.date } : {}),
    ...(date?.dateLabel ? { dateLabel: date.dateLabel } : {}),
  };
}

/**
 * Citations: `[{source, supports}]` as the packs write them, or source indexes with a parallel
 * `notes` list as the export file stores them. Each must point at a source and say what it supports.
 */
function readCitations(raw: Raw, path: string, sourceCount: number, p: Problems): { src: number[]; notes: string[] } {
  const items = list(own(raw, 'src'), `${path}.src`, 50, p);
  const parallel = list(own(raw, 'notes'), `${path}.notes`, 50, p);
  const src: number[] = [];
  const notes: string[] = [];
  items.forEach((c, i) => {
    const index = isRaw(c) ? own(c, 'source') : c;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= sourceCount) {
      p.error(`${path}.src[${i}]`, sourceCount > 0 ? `must be a whole number from 0 to ${sourceCount - 1}` : 'cites a source, but the entity has none');
      return;
    }
    const note = text(isRaw(c) ? own(c, 'supports') : parallel[i], `${path}.src[${i}].supports`, LIMITS.note, p);
    if (!note) p.research(`${path}.src[${i}]`, 'does not say what the source supports');
    src.push(index);
    notes.push(note ?? '');
  });
  return { src, notes };
}

export function readEvent(value: unknown, path: string, sourceCount: number, p: Problems): EntityEvent | null {
  if (!isRaw(value)) return (p.error(path, 'must be an object'), null);
  const date = looseDate(value, path, p, true);
  const body = text(own(value, 'text'), `${path}.text`, LIMITS.note, p, true);
  const rawType = own(value, 'type');
  const type = EVENT_TYPES.includes(rawType as EventType) ? (rawType as EventType) : undefined;
  if (rawType !== undefined && !type) p.error(`${path}.type`, `must be one of ${EVENT_TYPES.join(', ')}`);
  if (rawType === undefined) p.research(`${path}.type`, `missing: one of ${EVENT_TYPES.join(', ')}`);
  const outcome = text(own(value, 'outcome'), `${path}.outcome`, LIMITS.note, p);
  const confidence = text(own(value, 'confidence'), `${path}.confidence`, LIMITS.note, p);
  const { src, notes } = readCitations(value, path, sourceCount, p);
  if (src.length === 0 && !confidence) p.research(`${path}.src`, 'no source, and no confidence label saying why');
  if (!date || !body) return null;
  return {
    date: date.date,
    ...(date.dateLabel ? { dateLabel: date.dateLabel } : {}),
    ...(type ? { type } : {}),
    text: body,
    ...(outcome ? { outcome } : {}),
    src,
    ...(notes.some((n) => n) ? { notes } : {}),
    ...(confidence ? { confidence } : {}),
  };
}

export function readRole(value: unknown, path: string, sourceCount: number, p: Problems): Role | null {
  if (!isRaw(value)) return (p.error(path, 'must be an object'), null);
  const title = text(own(value, 'title'), `${path}.title`, LIMITS.title, p, true);
  const body = text(own(value, 'body'), `${path}.body`, LIMITS.title, p) ?? '';
  const rawBodyId = own(value, 'bodyId');
  const bodyId = typeof rawBodyId === 'string' && ENTITY_ID.test(rawBodyId) ? rawBodyId : undefined;
  if (rawBodyId !== undefined && !bodyId) p.error(`${path}.bodyId`, 'must be an entity id (lower-case letters, digits, hyphens)');
  const from = plainDate(own(value, 'from'), `${path}.from`, p);
  const rawTo = own(value, 'to');
  const to = rawTo === undefined || rawTo === null ? undefined : plainDate(rawTo, `${path}.to`, p);
  const titles = list(own(value, 'titles'), `${path}.titles`, 10, p).filter((t, i): t is string =>
    (typeof t === 'string' && ROLE_TITLES.includes(t)) || (p.error(`${path}.titles[${i}]`, `not a known title: ${JSON.stringify(t)}`), false));
  const { src } = readCitations(value, path, sourceCount, p);
  if (src.length === 0) p.research(`${path}.src`, 'no source');
  if (!title || !from) return null;
  return { title, body, ...(bodyId ? { bodyId } : {}), from, ...(to ? { to } : {}), ...(titles.length > 0 ? { titles } : {}), src };
}

export function readDatedName(value: unknown, path: string, p: Problems): DatedName | null {
  if (!isRaw(value)) return (p.error(path, 'must be an object'), null);
  const name = text(own(value, 'name'), `${path}.name`, LIMITS.name, p, true);
  const from = own(value, 'from') === undefined ? undefined : plainDate(own(value, 'from'), `${path}.from`, p);
  const to = own(value, 'to') === undefined ? undefined : plainDate(own(value, 'to'), `${path}.to`, p);
  if (own(value, 'from') === undefined && own(value, 'to') === undefined) p.error(path, 'needs a from or a to date');
  if (!name || (!from && !to)) return null;
  return { name, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
