// Reads a knowledge pack's text into a validated Pack, or lists every problem, each naming the
// entity and field ("entities[3] (scotgov-digital).aliases[1]: …"). A pack comes from a URL anyone
// may publish at, so it is hostile until read: size, nesting and counts are capped before its
// entities are read; `__proto__` and `constructor` keys are never read or copied; its entities
// must meet the core pack's research rules and the import's alias rules; its links must be https.

import { Problems, isRaw, own, text } from '../knowledge/entity-fields';
import { parseEntity, type CoreEntity } from '../knowledge/entity-parser';
import { safeHttpsUrl } from '../safe-url';
import { hasControlCharacters } from '../sync/alias-policy';
import { readPrecision } from './pack-precision';
import { PACK_FORMAT, PACK_LIMITS, RESERVED_PACK_IDS, type Pack, type PackMeta } from './pack-types';

export type PackParse = { ok: true; pack: Pack } | { ok: false; errors: string[] };

const PACK_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
const SEMVER = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})(-[0-9A-Za-z.-]{1,40})?$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Most problems a reader can act on: past this, the first ones are what to fix. */
const MAX_ERRORS = 50;

const fail = (...errors: string[]): PackParse => ({ ok: false, errors });

/** How deep the JSON nests, stopping as soon as it passes `limit` (an iterative walk: no stack to blow). */
export function nestingExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

function readMeta(raw: unknown, p: Problems): PackMeta | null {
  if (!isRaw(raw)) return (p.error('meta', 'must be an object'), null);
  const field = (key: string, required = true) => {
    const value = text(own(raw, key), `meta.${key}`, PACK_LIMITS.metaText, p, required);
    // Shown in settings beside the reader's choices: no controls or direction overrides to disguise them.
    if (value !== undefined && hasControlCharacters(value)) return (p.error(`meta.${key}`, 'contains control or text-direction characters'), undefined);
    return value;
  };
  const id = field('id');
  if (id !== undefined && !PACK_ID.test(id)) p.error('meta.id', 'must be a lower-case slug of 2 to 40 letters, digits and hyphens');
  if (id !== undefined && RESERVED_PACK_IDS.includes(id)) p.error('meta.id', `"${id}" is reserved for ${id === 'core' ? 'the built-in knowledge' : 'the user\'s own names'}`);
  const title = field('title');
  const maintainer = field('maintainer');
  const licence = field('licence');
  const version = field('version');
  if (version !== undefined && !SEMVER.test(version)) p.error('meta.version', 'must be a semantic version like 1.4.0');
  const updated = field('updated');
  if (updated !== undefined && (!DAY.test(updated) || Number.isNaN(Date.parse(updated)))) p.error('meta.updated', 'must be a day like 2026-11-30');
  const minAppVersion = field('minAppVersion', false);
  if (minAppVersion !== undefined && !SEMVER.test(minAppVersion)) p.error('meta.minAppVersion', 'must be a semantic version like 0.2.0');
  const rawHomepage = own(raw, 'homepage');
  const homepage = rawHomepage === undefined ? undefined : safeHttpsUrl(rawHomepage);
  if (rawHomepage !== undefined && !homepage) p.error('meta.homepage', 'must be an https address');
  if (!id || !title || !maintainer || !licence || !version || !updated || p.list.length > 0) return null;
  return { id, title, maintainer, ...(homepage ? { homepage } : {}), licence, version, updated, ...(minAppVersion ? { minAppVersion } : {}) };
}

/** An alias two entities share: refused unless the pack's periods say which a page means by its date. */
interface Shared {
  at: string;
  alias: string;
  ids: [string, string];
}

function readEntities(raw: unknown, p: Problems, shared: Shared[]): CoreEntity[] {
  if (!Array.isArray(raw)) return (p.error('entities', 'must be a list'), []);
  if (raw.length > PACK_LIMITS.entities) return (p.error('entities', `has ${raw.length} entities; a pack may hold at most ${PACK_LIMITS.entities}`), []);
  const entities: CoreEntity[] = [];
  const ids = new Map<string, number>();
  const aliasOwner = new Map<string, string>();
  let aliasCount = 0;
  let eventCount = 0;
  raw.forEach((item, i) => {
    const where = `entities[${i}]`;
    const rawId = isRaw(item) ? own(item, 'id') : undefined;
    if (typeof rawId === 'string' && rawId.includes(':')) {
      p.error(`${where}.id`, `${JSON.stringify(rawId.slice(0, 80))} names another pack or the core; a pack's ids are its own (they are prefixed with the pack's id when installed)`);
      return;
    }
    const { entity, problems } = parseEntity(item, { where, named: (id) => `${where} (${id})` });
    for (const problem of problems) p.error(problem.path, problem.problem);
    if (!entity) return;
    const at = `${where} (${entity.id})`;
    if (ids.has(entity.id)) p.error(`${at}.id`, `is also the id of entities[${ids.get(entity.id)}]`);
    ids.set(entity.id, i);
    aliasCount += 1 + entity.aliases.length;
    eventCount += entity.events.length;
    for (const alias of new Set([entity.name, ...entity.aliases])) {
      const key = alias.toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner !== entity.id) shared.push({ at: `${at}.aliases`, alias, ids: [owner, entity.id] });
      aliasOwner.set(key, entity.id);
    }
    entities.push(entity);
  });
  if (aliasCount > PACK_LIMITS.aliases) p.error('entities', `hold ${aliasCount} names and aliases; a pack may hold at most ${PACK_LIMITS.aliases}`);
  if (eventCount > PACK_LIMITS.events) p.error('entities', `hold ${eventCount} events; a pack may hold at most ${PACK_LIMITS.events} in all`);
  return entities;
}

export function parsePack(textIn: string): PackParse {
  if (typeof textIn !== 'string') return fail('the pack must be text');
  if (textIn.length > PACK_LIMITS.bytes) return fail(`the pack is too large (${(textIn.length / 1e6).toFixed(1)} MB); the limit is ${PACK_LIMITS.bytes / 1e6} MB`);
  let data: unknown;
  try {
    data = JSON.parse(textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn);
  } catch (error) {
    return fail(error instanceof RangeError ? `the pack nests more than ${PACK_LIMITS.depth} levels deep` : 'the pack is not valid JSON');
  }
  if (!isRaw(data)) return fail('the pack must be a JSON object with format, meta and entities');
  if (nestingExceeds(data, PACK_LIMITS.depth)) return fail(`the pack nests more than ${PACK_LIMITS.depth} levels deep`);
  const format = own(data, 'format');
  if (format !== PACK_FORMAT) {
    return fail(typeof format === 'number' && format > PACK_FORMAT
      ? `format: the pack is format ${format}; this Sound Familiar reads format ${PACK_FORMAT}. Update the extension.`
      : `format: must be ${PACK_FORMAT}`);
  }
  const p = new Problems();
  const meta = readMeta(own(data, 'meta'), p);
  const shared: Shared[] = [];
  const entities = readEntities(own(data, 'entities'), p, shared);
  const precision = readPrecision(own(data, 'precision'), 'precision', entities, p);
  for (const { at, alias, ids } of shared) {
    if (!ids.every((id) => precision?.periods?.[id])) p.error(at, `${JSON.stringify(alias)} is also a name of ${ids[0]}; give both a period in precision.periods, or drop it from one`);
  }
  if (p.list.length > 0 || !meta) {
    const errors = p.list.map((e) => `${e.path}: ${e.problem}`);
    return fail(...errors.slice(0, MAX_ERRORS), ...(errors.length > MAX_ERRORS ? [`…and ${errors.length - MAX_ERRORS} more problems`] : []));
  }
  return { ok: true, pack: { format: PACK_FORMAT, meta, entities, ...(precision && precision.periods ? { precision } : {}) } };
}
