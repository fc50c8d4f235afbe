// Reads a pack's precision rules (pack-types.ts) and merges the rules of every installed pack and
// the core into what the dictionary compiler takes. Keys are checked against the pack's own
// entities, so one pack's rules can never change how another's names match.

import { isRaw, own, Problems } from '../knowledge/entity-fields';
import type { CoreEntity } from '../knowledge/entity-parser';
import { parseLooseDate } from '../loose-date';
import type { Period, PrecisionData } from '../precision';
import type { PackPrecision } from './pack-types';

const DATE = 'must be a date like 2017, 2017-11 or 2017-11-21';
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function periodDate(value: unknown, path: string, p: Problems): string | undefined {
  const date = typeof value === 'string' && value.length <= 20 ? parseLooseDate(value)?.date : undefined;
  if (!date) p.error(path, DATE);
  return date || undefined;
}

/** Precision rules of a pack whose entities are `entities`; problems go to `p`, at `where` ("precision"). */
export function readPrecision(raw: unknown, where: string, entities: readonly CoreEntity[], p: Problems): PackPrecision | undefined {
  if (raw === undefined) return undefined;
  if (!isRaw(raw)) return (p.error(where, 'must be an object'), undefined);
  const ids = new Set(entities.map((e) => e.id));
  const periods: Record<string, Period> = {};
  const rawPeriods = own(raw, 'periods');
  if (rawPeriods !== undefined && !isRaw(rawPeriods)) p.error(`${where}.periods`, 'must be an object');
  const keys = isRaw(rawPeriods) ? Object.keys(rawPeriods).filter((k) => !FORBIDDEN_KEYS.has(k)) : [];
  if (keys.length > entities.length) p.error(`${where}.periods`, `has more periods (${keys.length}) than the pack has entities`);
  for (const id of keys.slice(0, entities.length)) {
    const path = `${where}.periods[${JSON.stringify(id.slice(0, 80))}]`;
    if (!ids.has(id)) {
      p.error(path, 'is not an entity of this pack');
      continue;
    }
    const period = own(rawPeriods as Record<string, unknown>, id);
    if (!isRaw(period)) {
      p.error(path, 'must be an object with from and maybe to');
      continue;
    }
    const from = periodDate(own(period, 'from'), `${path}.from`, p);
    const to = own(period, 'to') === undefined ? undefined : periodDate(own(period, 'to'), `${path}.to`, p);
    if (from) periods[id] = to ? { from, to } : { from };
  }
  return keys.length > 0 ? { periods } : {};
}

/** The rules of a pack as installed: its period keys carry the pack's prefix, like its entity ids. */
export function namespacePrecision(precision: PackPrecision, rename: (id: string) => string): PackPrecision {
  return {
    ...precision,
    ...(precision.periods ? { periods: Object.fromEntries(Object.entries(precision.periods).map(([id, period]) => [rename(id), period])) } : {}),
  };
}

/** The core's and every installed pack's rules as one set, for compileDictionary. */
export function mergePrecision(all: readonly (PackPrecision | undefined)[]): { data: PrecisionData; periods: Record<string, Period> } {
  // Null prototype: entity ids are keys, and an id "constructor" must find nothing inherited.
  const periods: Record<string, Period> = Object.create(null) as Record<string, Period>;
  for (const rules of all) for (const [id, period] of Object.entries(rules?.periods ?? {})) periods[id] = period;
  // Which aliases need context or exact case is each entity's own data (contextAliases): an
  // alias-wide rule from one pack would change how the same words match in every other pack.
  return { data: { exactCase: new Set(), contextOnly: new Set() }, periods };
}
