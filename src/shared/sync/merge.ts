// Merging two copies of a record. The state of a record is its set of "heads": versions that no
// other known version descends from. Merging unions the heads and drops ancestors, so it is
// idempotent, commutative and associative; the newest head (modified, then rev, as a stable
// tie-break) is shown, and any other heads are conflicts the user can see and resolve.
// A deletion is a revision like any other, so an older copy can never bring a record back.

import { MAX_ANCESTRY, withNextRevision, type Revisioned } from './revision';

export type MergeOutcome = 'new' | 'updated' | 'deleted' | 'unchanged' | 'conflict';

export interface MergedRecord<T extends Revisioned> {
  /** The version to show: the newest head. */
  winner: T;
  /**
   * Every other head, kept in storage so their ancestry keeps superseding older copies. Some are
   * not worth showing: see visibleConflicts.
   */
  conflicts: T[];
  /** What the user is told changed. */
  outcome: MergeOutcome;
  /** Whether the stored state changed (it can without anything visible, e.g. a second deletion). */
  changed: boolean;
}

/** Newest first: later `modified`, then the larger rev string, so every device picks the same. */
export function compareVersions(a: Revisioned, b: Revisioned): number {
  return b.modified - a.modified || (a.rev < b.rev ? 1 : a.rev > b.rev ? -1 : 0);
}

/** The heads among `versions`: distinct revisions that are nobody else's ancestor, newest first. */
export function heads<T extends Revisioned>(versions: readonly T[]): T[] {
  const byRev = new Map<string, T>();
  for (const v of versions) if (!byRev.has(v.rev)) byRev.set(v.rev, v);
  const distinct = [...byRev.values()];
  const ancestors = new Set(distinct.flatMap((v) => v.revs.slice(1)));
  return distinct.filter((v) => !ancestors.has(v.rev)).sort(compareVersions);
}

/** The conflicts worth showing: two deletions of one record are no conflict, the newest stands. */
export function visibleConflicts<T extends Revisioned>(winner: T, conflicts: readonly T[]): T[] {
  return winner.deleted !== undefined ? conflicts.filter((c) => c.deleted === undefined) : [...conflicts];
}

/**
 * Merges an incoming version into the local state of one record (its shown version and kept
 * conflicts) and says what changed.
 */
export function mergeRecord<T extends Revisioned>(local: T | undefined, localConflicts: readonly T[], incoming: T): MergedRecord<T> {
  const before = local ? heads([local, ...localConflicts]) : [];
  const after = heads([...before, incoming]);
  const [winner, ...conflicts] = after as [T, ...T[]];
  const changed = before.length !== after.length || before.some((v, i) => v.rev !== after[i]!.rev);
  const shownBefore = before[0] ? visibleConflicts(before[0], before.slice(1)).map((v) => v.rev) : [];
  const shownAfter = visibleConflicts(winner, conflicts).map((v) => v.rev);
  let outcome: MergeOutcome;
  if (!local) outcome = incoming.deleted !== undefined ? 'unchanged' : 'new';
  else if (winner.rev === local.rev && shownAfter.join() === shownBefore.join()) outcome = 'unchanged';
  else if (shownAfter.length > 0 && shownAfter.some((rev) => !shownBefore.includes(rev))) outcome = 'conflict';
  else if (winner.deleted !== undefined && local.deleted === undefined) outcome = 'deleted';
  else outcome = 'updated';
  // A tombstone for a record this side never had shows nothing, but is kept so an older copy
  // cannot create the record later.
  return { winner, conflicts, outcome, changed };
}

/**
 * Resolves a record's conflicts by keeping `chosen` (one of the heads): a new revision that
 * descends from every head, so all of them are superseded everywhere it travels.
 */
export function resolveConflict<T extends Revisioned>(chosen: T, allHeads: readonly T[], now: number): T {
  const content = { ...chosen, modified: Math.max(now, ...allHeads.map((h) => h.modified + 1)) };
  const ancestry = [...new Set([chosen.rev, ...allHeads.map((h) => h.rev), ...chosen.revs, ...allHeads.flatMap((h) => h.revs)])];
  const next = withNextRevision(content, { rev: highestGeneration(allHeads), revs: ancestry });
  return { ...next, revs: next.revs.slice(0, MAX_ANCESTRY) } as T;
}

function highestGeneration(versions: readonly Revisioned[]): string {
  return versions.map((v) => v.rev).sort((a, b) => Number.parseInt(b, 10) - Number.parseInt(a, 10))[0] ?? '0-';
}
