// Counts what an export file holds, for `sound-familiar stats`. Counts are kept in Maps and
// returned as prototype-less objects: a site called `constructor` or `__proto__` is a key like
// any other, not a property of every object.

import { heads, visibleConflicts } from '../shared/sync/merge';
import type { ImportedData } from '../shared/sync/read-import';
import type { Revisioned } from '../shared/sync/revision';

export interface FileStats {
  kind: string;
  claims: number;
  deletedClaims: number;
  entities: number;
  conflicts: number;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
  bySite: Record<string, number>;
}

function tally(keys: Iterable<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const out = Object.create(null) as Record<string, number>;
  // Most first, so the table and the JSON read the same way.
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1])) out[key] = n;
  return out;
}

export function fileStats(data: ImportedData): FileStats {
  const live = data.claims.filter((c) => c.deleted === undefined);
  const byId = new Map<string, Revisioned[]>();
  for (const r of [...data.claims, ...data.entities]) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const conflicts = [...byId.values()].filter((versions) => {
    const [winner, ...others] = heads(versions);
    return winner !== undefined && visibleConflicts(winner, others).length > 0;
  }).length;
  return {
    kind: data.kind,
    claims: live.length,
    deletedClaims: data.claims.length - live.length,
    entities: data.entities.filter((e) => e.deleted === undefined).length,
    conflicts,
    byStatus: tally(live.map((c) => c.status)),
    byType: tally(live.map((c) => c.claimType)),
    bySite: tally(live.map((c) => new URL(c.target.source).hostname)),
  };
}

export function formatStats(s: FileStats): string {
  const table = (title: string, map: Record<string, number>) =>
    Object.keys(map).length === 0 ? [] : [title, ...Object.entries(map).sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k.padEnd(32)} ${n}`)];
  return [
    `format      ${s.kind}`,
    `claims      ${s.claims} (+${s.deletedClaims} deletions)`,
    `entities    ${s.entities}`,
    `conflicts   ${s.conflicts} record${s.conflicts === 1 ? '' : 's'} with more than one version`,
    ...table('by status', s.byStatus),
    ...table('by type', s.byType),
    ...table('by site', s.bySite),
  ].join('\n');
}
