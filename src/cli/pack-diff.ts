// What changed between two versions of a knowledge pack, for maintainers reviewing an update and
// for subscribers wondering what it brings: entities added, removed and changed, and for each
// changed entity the names and aliases added and removed and which other fields changed.

import type { CoreEntity } from '../shared/knowledge/entity-parser';
import type { Pack } from '../shared/packs/pack-types';

export interface EntityChange {
  id: string;
  name: string;
  aliasesAdded: string[];
  aliasesRemoved: string[];
  /** Other fields whose content differs ("summary", "events", "sources"…). */
  fields: string[];
}

export interface PackDiff {
  from: { id: string; version: string };
  to: { id: string; version: string };
  added: { id: string; name: string; aliases: string[] }[];
  removed: { id: string; name: string }[];
  changed: EntityChange[];
}

const names = (e: CoreEntity) => [e.name, ...e.aliases];
const FIELDS = ['kind', 'summary', 'confidence', 'events', 'sources', 'roles', 'names', 'contextAliases', 'anyCaseAliases', 'notAliases'] as const;

export function diffPacks(before: Pack, after: Pack): PackDiff {
  const old = new Map(before.entities.map((e) => [e.id, e]));
  const now = new Map(after.entities.map((e) => [e.id, e]));
  const changed: EntityChange[] = [];
  for (const [id, e] of now) {
    const was = old.get(id);
    if (!was) continue;
    const aliasesAdded = names(e).filter((a) => !names(was).includes(a));
    const aliasesRemoved = names(was).filter((a) => !names(e).includes(a));
    const fields = FIELDS.filter((f) => JSON.stringify(e[f] ?? null) !== JSON.stringify(was[f] ?? null));
    if (aliasesAdded.length + aliasesRemoved.length + fields.length > 0) changed.push({ id, name: e.name, aliasesAdded, aliasesRemoved, fields });
  }
  return {
    from: { id: before.meta.id, version: before.meta.version },
    to: { id: after.meta.id, version: after.meta.version },
    added: after.entities.filter((e) => !old.has(e.id)).map((e) => ({ id: e.id, name: e.name, aliases: e.aliases })),
    removed: before.entities.filter((e) => !now.has(e.id)).map((e) => ({ id: e.id, name: e.name })),
    changed,
  };
}

const quoted = (list: readonly string[]) => list.map((a) => JSON.stringify(a)).join(', ');

export function formatDiff(diff: PackDiff): string {
  const lines = [`${diff.from.id} ${diff.from.version} → ${diff.to.id} ${diff.to.version}`];
  if (diff.from.id !== diff.to.id) lines.push('note: the pack ids differ; subscribers would see these as two packs');
  lines.push(`added entities: ${diff.added.length}`);
  for (const e of diff.added) lines.push(`  + ${e.id} (${e.name})${e.aliases.length > 0 ? ` aliases ${quoted(e.aliases)}` : ''}`);
  lines.push(`removed entities: ${diff.removed.length}`);
  for (const e of diff.removed) lines.push(`  - ${e.id} (${e.name})`);
  lines.push(`changed entities: ${diff.changed.length}`);
  for (const c of diff.changed) {
    const parts = [
      ...(c.aliasesAdded.length > 0 ? [`aliases added ${quoted(c.aliasesAdded)}`] : []),
      ...(c.aliasesRemoved.length > 0 ? [`aliases removed ${quoted(c.aliasesRemoved)}`] : []),
      ...(c.fields.length > 0 ? [`changed ${c.fields.join(', ')}`] : []),
    ];
    lines.push(`  ~ ${c.id} (${c.name}): ${parts.join('; ')}`);
  }
  return lines.join('\n');
}
