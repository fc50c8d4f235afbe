// Reads the shipped knowledge base (src/data/kb.json) into domain entities, dropping anything
// malformed, such as a source URL that is not http(s), rather than trusting the file blindly.

import raw from '../data/kb.json';
import { ENTITY_KINDS, type Entity, type EntityEvent, type EntityKind, type Source } from '../shared/types';
import { parseLooseDate } from '../shared/loose-date';
import { safeHttpsUrl } from '../shared/safe-url';

export type BuiltinEntity = Omit<Entity, 'created' | 'modified' | 'origin' | 'userEdited' | 'deleted' | 'rev' | 'revs'>;

export function builtinEntities(data: unknown = raw): BuiltinEntity[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((e): BuiltinEntity[] => {
    if (typeof e?.id !== 'string' || !ENTITY_KINDS.includes(e.kind) || typeof e.name !== 'string') return [];
    const sources: Source[] = (Array.isArray(e.sources) ? e.sources : []).map((s: Record<string, unknown>) => ({
      title: String(s?.title ?? 'Untitled source'),
      ...(safeHttpsUrl(s?.url) ? { url: safeHttpsUrl(s?.url)! } : {}),
      ...(typeof s?.date === 'string' ? looseDate(s.date) : {}),
    }));
    const events: EntityEvent[] = (Array.isArray(e.events) ? e.events : [])
      .filter((ev: Record<string, unknown>) => typeof ev?.date === 'string' && parseLooseDate(ev.date) !== null && typeof ev.text === 'string')
      .map((ev: Record<string, unknown>) => ({
        ...parseLooseDate(ev.date as string)!,
        text: ev.text as string,
        ...(typeof ev.outcome === 'string' ? { outcome: ev.outcome } : {}),
        src: (Array.isArray(ev.src) ? ev.src : []).filter((i: unknown): i is number => Number.isInteger(i) && (i as number) >= 0 && (i as number) < sources.length),
        ...(typeof ev.confidence === 'string' ? { confidence: ev.confidence } : {}),
      }));
    return [{
      id: e.id,
      kind: e.kind as EntityKind,
      name: e.name,
      aliases: (Array.isArray(e.aliases) ? e.aliases : []).filter((a: unknown): a is string => typeof a === 'string'),
      summary: typeof e.summary === 'string' ? e.summary : '',
      events,
      sources,
      confidence: typeof e.confidence === 'string' ? e.confidence : 'sourced',
    }];
  });
}

/** A source's date, kept with its label where the label says more; nothing if unreadable. */
function looseDate(raw: string): { date?: string; dateLabel?: string } {
  const parsed = parseLooseDate(raw);
  if (!parsed) return {};
  return { ...(parsed.date ? { date: parsed.date } : {}), ...(parsed.dateLabel ? { dateLabel: parsed.dateLabel } : {}) };
}
