// mergeRecord, heads, compareVersions and resolveConflict on hand-made histories.
import { describe, expect, it } from 'vitest';
import { compareVersions, heads, mergeRecord, resolveConflict, visibleConflicts } from '../../../../src/shared/sync/merge';
import { planRecords } from '../../../../src/shared/sync/plan-import';
import { generation, withNextRevision } from '../../../../src/shared/sync/revision';
import { deleteClaimVersion, editClaim, makeClaim, T0 } from '../../../fixtures/sync/records';

const v1 = makeClaim(1);
const laptop = editClaim(v1, { status: 'in-progress' }, T0 + 10_000);
const laptop2 = editClaim(laptop, { status: 'delivered' }, T0 + 20_000);
const desktop = editClaim(v1, { note: 'Desktop note' }, T0 + 15_000);
const deletedOnDesktop = deleteClaimVersion(desktop, T0 + 30_000);

describe('compareVersions and heads', () => {
  it('orders newest first, then by the larger rev, so every device picks the same', () => {
    expect(compareVersions(laptop2, laptop)).toBeLessThan(0);
    expect(compareVersions(laptop, laptop2)).toBeGreaterThan(0);
    const a = { ...laptop, rev: '2-aaaa' };
    const b = { ...laptop, rev: '2-bbbb' };
    expect([a, b].sort(compareVersions).map((v) => v.rev)).toEqual(['2-bbbb', '2-aaaa']);
    expect([b, a].sort(compareVersions).map((v) => v.rev)).toEqual(['2-bbbb', '2-aaaa']);
    expect(compareVersions(a, { ...a })).toBe(0);
  });

  it('keeps distinct versions nobody descends from, newest first', () => {
    expect(heads([v1, laptop, laptop2, desktop, laptop]).map((v) => v.rev)).toEqual([laptop2.rev, desktop.rev]);
    expect(heads([v1]).map((v) => v.rev)).toEqual([v1.rev]);
    expect(heads([])).toEqual([]);
  });
});

describe('mergeRecord', () => {
  it('new: a live record this side never had', () => {
    expect(mergeRecord(undefined, [], v1)).toEqual({ winner: v1, conflicts: [], outcome: 'new', changed: true });
  });

  it('unchanged: the same version, or one this side already descends from', () => {
    expect(mergeRecord(laptop, [], laptop)).toMatchObject({ outcome: 'unchanged', changed: false });
    expect(mergeRecord(laptop2, [], v1)).toEqual({ winner: laptop2, conflicts: [], outcome: 'unchanged', changed: false });
  });

  it('updated: a later version of what this side has', () => {
    expect(mergeRecord(v1, [], laptop2)).toEqual({ winner: laptop2, conflicts: [], outcome: 'updated', changed: true });
  });

  it('deleted: a deletion of what this side has', () => {
    expect(mergeRecord(desktop, [], deletedOnDesktop)).toEqual({ winner: deletedOnDesktop, conflicts: [], outcome: 'deleted', changed: true });
  });

  it('conflict: concurrent edits, newest shown, the other kept, whichever side has which', () => {
    expect(mergeRecord(laptop2, [], desktop)).toEqual({ winner: laptop2, conflicts: [desktop], outcome: 'conflict', changed: true });
    expect(mergeRecord(desktop, [], laptop2)).toEqual({ winner: laptop2, conflicts: [desktop], outcome: 'conflict', changed: true });
  });

  it('a deletion newer than a concurrent edit is shown; the edit is kept, not lost', () => {
    expect(mergeRecord(laptop2, [], deletedOnDesktop)).toEqual({ winner: deletedOnDesktop, conflicts: [laptop2], outcome: 'conflict', changed: true });
  });

  it('an edit newer than a concurrent deletion is shown, with the deletion kept as the conflict', () => {
    const late = editClaim(laptop2, { note: 'late' }, T0 + 40_000);
    expect(mergeRecord(deletedOnDesktop, [], late)).toEqual({ winner: late, conflicts: [deletedOnDesktop], outcome: 'conflict', changed: true });
  });

  it('a version superseding one of the kept conflicts reduces the conflicts', () => {
    const onDesktop = mergeRecord(laptop, [], desktop); // desktop newer than laptop
    expect(onDesktop).toMatchObject({ winner: desktop, conflicts: [laptop] });
    const merged = mergeRecord(onDesktop.winner, onDesktop.conflicts, laptop2);
    expect(merged.winner).toBe(laptop2);
    expect(merged.conflicts).toEqual([desktop]);
  });

  it('two deletions of one record are no conflict: the newest stands, the other is kept (unshown) for its ancestry', () => {
    const deletedOnLaptop = deleteClaimVersion(laptop2, T0 + 35_000);
    const merged = mergeRecord(deletedOnDesktop, [], deletedOnLaptop);
    expect(merged).toEqual({ winner: deletedOnLaptop, conflicts: [deletedOnDesktop], outcome: 'updated', changed: true });
    expect(visibleConflicts(merged.winner, merged.conflicts)).toEqual([]);
    // Which is what keeps the desktop's edit, superseded by its deletion, from coming back.
    expect(mergeRecord(merged.winner, merged.conflicts, desktop)).toMatchObject({ outcome: 'unchanged', changed: false });
  });

  it('shows a live conflict next to a deleted winner, and every conflict next to a live one', () => {
    expect(visibleConflicts(deletedOnDesktop, [laptop2, deleteClaimVersion(laptop, T0)])).toEqual([laptop2]);
    expect(visibleConflicts(laptop2, [deletedOnDesktop, desktop])).toEqual([deletedOnDesktop, desktop]);
  });

  it('a tombstone for a record this side never had changes nothing visible', () => {
    expect(mergeRecord(undefined, [], deletedOnDesktop)).toEqual({ winner: deletedOnDesktop, conflicts: [], outcome: 'unchanged', changed: true });
  });
});

describe('resolveConflict', () => {
  it('keeps the chosen content as a new revision descending from every head, newer than all', () => {
    const all = [laptop2, desktop];
    const resolved = resolveConflict(desktop, all, T0);
    expect(resolved.note).toBe('Desktop note');
    expect(resolved.status).toBe(desktop.status);
    expect(resolved.modified).toBe(laptop2.modified + 1);
    expect(generation(resolved.rev)).toBe(Math.max(generation(laptop2.rev), generation(desktop.rev)) + 1);
    expect(resolved.revs[0]).toBe(resolved.rev);
    expect(resolved.revs).toEqual(expect.arrayContaining([laptop2.rev, laptop.rev, desktop.rev, v1.rev]));
    expect(new Set(resolved.revs).size).toBe(resolved.revs.length);
    for (const old of [v1, laptop, laptop2, desktop]) expect(mergeRecord(resolved, [], old).outcome).toBe('unchanged');
    // And the resolution replaces the conflict wherever it travels.
    expect(mergeRecord(laptop2, [desktop], resolved)).toEqual({ winner: resolved, conflicts: [], outcome: 'updated', changed: true });
  });

  it('uses the present time when it is later than every head', () => {
    expect(resolveConflict(laptop2, [laptop2, desktop], T0 + 99_000).modified).toBe(T0 + 99_000);
  });

  it('can keep a deletion', () => {
    const resolved = resolveConflict(deletedOnDesktop, [laptop2, deletedOnDesktop], T0);
    expect(resolved.deleted).toBe(deletedOnDesktop.deleted);
    expect(mergeRecord(laptop2, [deletedOnDesktop], resolved)).toMatchObject({ winner: resolved, conflicts: [], outcome: 'deleted' });
  });
});

describe('planRecords', () => {
  const other = makeClaim(2);
  const third = makeClaim(3);

  it('counts outcomes per record and puts only records whose shown version changes', () => {
    const local = new Map([[v1.id, v1], [other.id, other]]);
    const plan = planRecords([laptop, other, third, deleteClaimVersion(makeClaim(4), T0)], local, new Map());
    expect(plan.counts).toEqual({ new: 1, updated: 1, deleted: 0, unchanged: 2, conflict: 0 });
    expect(plan.puts.map((c) => c.id).sort()).toEqual([v1.id, third.id, makeClaim(4).id].sort());
    expect(plan.puts.find((c) => c.id === v1.id)).toBe(laptop);
    expect(plan.conflicts.size).toBe(0);
  });

  it('records conflicts only for ids whose conflicts change, and clears them when resolved', () => {
    const conflicted = planRecords([desktop], new Map([[v1.id, laptop2]]), new Map());
    expect(conflicted.counts.conflict).toBe(1);
    expect(conflicted.conflicts.get(v1.id)).toEqual([desktop]);
    const resolved = resolveConflict(laptop2, [laptop2, desktop], T0 + 50_000);
    const cleared = planRecords([resolved], new Map([[v1.id, laptop2]]), new Map([[v1.id, [desktop]]]));
    expect(cleared.counts.updated).toBe(1);
    expect(cleared.conflicts.get(v1.id)).toEqual([]);
    expect(cleared.puts).toEqual([resolved]);
    const same = planRecords([desktop], new Map([[v1.id, laptop2]]), new Map([[v1.id, [desktop]]]));
    expect(same.counts.unchanged).toBe(1);
    expect(same.puts).toEqual([]);
    expect(same.conflicts.size).toBe(0);
  });

  it('merges an id named twice in one file in file order, as two imports would', () => {
    const plan = planRecords([laptop, desktop], new Map([[v1.id, v1]]), new Map());
    expect(plan.counts).toMatchObject({ updated: 1, conflict: 1 });
    expect(plan.puts).toEqual([desktop]);
    expect(plan.conflicts.get(v1.id)).toEqual([laptop]);
  });

  it('does not depend on the record type: entities merge the same way', () => {
    const e1 = withNextRevision({ id: 'jeremy-quin', modified: 1, name: 'Jeremy Quin' });
    const e2 = withNextRevision({ id: 'jeremy-quin', modified: 2, name: 'Jeremy Quin MP' }, e1);
    expect(planRecords([e2], new Map([[e1.id, e1]]), new Map()).counts.updated).toBe(1);
  });
});

describe('bounded ancestry (MAX_ANCESTRY)', () => {
  function longHistory(edits: number) {
    const first = makeClaim(50);
    let v = first;
    for (let i = 1; i <= edits; i++) v = editClaim(v, { note: `edit ${i}` }, T0 + i * 1_000);
    return { first, last: v, deleted: deleteClaimVersion(v, T0 + (edits + 1) * 1_000) };
  }

  it('an old copy within the remembered ancestry changes nothing', () => {
    const { first, deleted } = longHistory(45);
    expect(mergeRecord(deleted, [], first)).toMatchObject({ winner: deleted, outcome: 'unchanged', changed: false });
  });

  it('an old copy from before the remembered ancestry never becomes the shown version', () => {
    // Known limitation (documented in revision.ts): after more than 50 edits the first version
    // is no longer recognised as an ancestor. It comes back as a conflict, shown next to the
    // deletion, but the deletion stays the shown version.
    const { first, deleted } = longHistory(60);
    expect(deleted.revs).not.toContain(first.rev);
    const merged = mergeRecord(deleted, [], first);
    expect(merged.winner).toBe(deleted);
    expect(merged.outcome).toBe('conflict');
  });
});
