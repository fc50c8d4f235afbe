// Plans an import without writing anything: merges every incoming record with the local state
// and counts and names what would change. The preview shows both; applying writes exactly the plan.

import { mergeRecord, type MergedRecord, type MergeOutcome } from './merge';
import type { Revisioned } from './revision';

export type OutcomeCounts = Record<MergeOutcome, number>;

/** One record an import would change, named for the user: a claim by its quote, an entity by its name. */
export interface NamedChange {
  id: string;
  outcome: Exclude<MergeOutcome, 'unchanged'>;
  label: string;
  /** A built-in entity: whatever the file says, the version in use keeps the built-in facts. */
  builtin?: true;
}

/** What an import would change (preview) or changed (applied), per kind of record. */
export interface ImportSummary {
  kind: 'sound-familiar' | 'hypothesis';
  claims: OutcomeCounts;
  entities: OutcomeCounts;
  /** Every record that changes, in file order, once each; records left as they are are not named. */
  changes: { claims: NamedChange[]; entities: NamedChange[] };
}

export interface RecordPlan<T extends Revisioned> {
  /** Records whose shown version changes. */
  puts: T[];
  /** Per record id, its conflicts after the import (only ids whose conflicts change). */
  conflicts: Map<string, T[]>;
  counts: OutcomeCounts;
  changes: NamedChange[];
}

/** Names a record for the preview, from its incoming version and the one stored before. */
export type Describe<T> = (incoming: T, before: T | undefined) => Pick<NamedChange, 'label' | 'builtin'>;

export const emptyCounts = (): OutcomeCounts => ({ new: 0, updated: 0, deleted: 0, unchanged: 0, conflict: 0 });

export type MergeFn<T extends Revisioned> = (local: T | undefined, localConflicts: readonly T[], incoming: T) => MergedRecord<T>;

/**
 * `local` and `localConflicts` hold the current state of (at least) the incoming ids. A file
 * naming the same id twice is merged in file order, as two imports would be. `merge` is
 * mergeRecord, or for entities one that also guards the built-in facts (builtin-guard.ts).
 */
export function planRecords<T extends Revisioned>(
  incoming: readonly T[],
  local: ReadonlyMap<string, T>,
  localConflicts: ReadonlyMap<string, readonly T[]>,
  merge: MergeFn<T> = mergeRecord,
  describe: Describe<T> = (record) => ({ label: record.id }),
): RecordPlan<T> {
  const current = new Map(local);
  const conflicts = new Map<string, T[]>();
  const changed = new Set<string>();
  const counts = emptyCounts();
  const named = new Map<string, NamedChange>();
  for (const record of incoming) {
    const before = current.get(record.id);
    const beforeConflicts = conflicts.get(record.id) ?? localConflicts.get(record.id) ?? [];
    const merged = merge(before, beforeConflicts, record);
    counts[merged.outcome]++;
    if (merged.outcome !== 'unchanged') {
      // A record the file adds and then edits is still new to this side.
      const outcome = named.get(record.id)?.outcome === 'new' && merged.outcome === 'updated' ? 'new' : merged.outcome;
      const { label, builtin } = describe(record, before);
      named.set(record.id, { id: record.id, outcome, label, ...(builtin ? { builtin } : {}) });
    }
    if (!merged.changed) continue;
    current.set(record.id, merged.winner);
    // Only a new version shown is written: a conflict kept beside the same version is not.
    if (merged.winner.rev !== before?.rev) changed.add(record.id);
    const sameConflicts = merged.conflicts.length === beforeConflicts.length && merged.conflicts.every((c, i) => c.rev === beforeConflicts[i]!.rev);
    if (!sameConflicts) conflicts.set(record.id, merged.conflicts);
  }
  return { puts: [...changed].map((id) => current.get(id)!), conflicts, counts, changes: [...named.values()] };
}
