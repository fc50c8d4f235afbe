// Counts what an export file holds, for `sound-familiar stats`.

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

const bump = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);

export function fileStats(data: ImportedData): FileStats {
  const live = data.claims.filter((c) => c.deleted === undefined);
  const stats: FileStats = {
    kind: data.kind,
    claims: live.length,
    deletedClaims: data.claims.length - live.length,
    entities: data.entities.filter((e) => e.deleted === undefined).length,
    conflicts: 0,
    byStatus: {},
    byType: {},
    bySite: {},
  };
  const byId = new Map<string, Revisioned[]>();
  for (const r of [...data.claims, ...data.entities]) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  stats.conflicts = [...byId.values()].filter((versions) => {
    const [winner, ...others] = heads(versions);
    return winner !== undefined && visibleConflicts(winner, others).length > 0;
  }).length;
  for (const c of live) {
    bump(stats.byStatus, c.status);
    bump(stats.byType, c.claimType);
    bump(stats.bySite, new URL(c.target.source).hostname);
  }
  return stats;
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
