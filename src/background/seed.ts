// Loads the built-in knowledge base into the database on install and update. A built-in entity
// the user edited, or an entity the user added, is never overwritten or deleted; built-in
// entities that a newer release dropped are removed only if the user never touched them.

import type { SoundFamiliarDb } from './db';
import type { BuiltinEntity } from './builtin-kb';
import { withNextRevision } from '../shared/sync/revision';
import type { Entity } from '../shared/types';

export interface SeedReport {
  added: number;
  updated: number;
  keptUserEdits: number;
  removed: number;
}

export async function seedBuiltins(db: SoundFamiliarDb, builtins: readonly BuiltinEntity[], now = Date.now): Promise<SeedReport> {
  const report: SeedReport = { added: 0, updated: 0, keptUserEdits: 0, removed: 0 };
  await db.transaction('rw', db.entities, async () => {
    const existing = new Map((await db.entities.toArray()).map((e) => [e.id, e]));
    const incomingIds = new Set(builtins.map((b) => b.id));
    const writes: Entity[] = [];
    for (const b of builtins) {
      const current = existing.get(b.id);
      if (current && (current.origin === 'user' || current.userEdited)) {
        report.keptUserEdits++;
        continue;
      }
      if (current && sameFacts(current, b)) continue;
      const t = now();
      // The built-in version's revision depends on its facts only, so every install agrees on it.
      const { rev, revs } = withNextRevision(b);
      writes.push({ ...b, origin: 'builtin', created: current?.created ?? t, modified: t, rev, revs: current ? [rev, ...(current.revs ?? [])].slice(0, 50) : revs });
      if (current) report.updated++;
      else report.added++;
    }
    const stale = [...existing.values()].filter((e) => e.origin === 'builtin' && !e.userEdited && !incomingIds.has(e.id));
    await db.entities.bulkPut(writes);
    await db.entities.bulkDelete(stale.map((e) => e.id));
    report.removed = stale.length;
  });
  return report;
}

function sameFacts(stored: Entity, builtin: BuiltinEntity): boolean {
  const { created: _c, modified: _m, origin: _o, userEdited: _u, rev: _r, revs: _rs, deleted: _d, ...facts } = stored;
  return JSON.stringify(facts) === JSON.stringify(builtin);
}
