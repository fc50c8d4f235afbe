// Merge properties over simulated histories (history.ts): one record edited, deleted and
// resolved on two or three devices that import each other's exports. Each "file" is one
// version of the record, as an export carries it. The import path under test is planRecords
// (what applyImport writes), applied to an in-memory store.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heads, mergeRecord, resolveConflict } from '../../../../src/shared/sync/merge';
import { planRecords } from '../../../../src/shared/sync/plan-import';
import { withNextRevision } from '../../../../src/shared/sync/revision';
import {
  concurrent, emptyStore, historyArb, importAll, importFile, permutations, simulate, view, type History, type Op, type Version,
} from './history';

const RUNS = 300;
const ID = 'rec';

/** A history and some files picked from its versions. */
const withFiles = (count: { min: number; max: number }, ties = false) =>
  fc.tuple(historyArb(ID, { ties }), fc.array(fc.nat(), { minLength: count.min, maxLength: count.max }))
    .map(([history, picks]) => ({ history, files: picks.map((p) => [history.versions[p % history.versions.length]!]) }));

const liveConflicts = (store: ReturnType<typeof emptyStore>) => (store.conflicts.get(ID) ?? []).filter((v) => v.deleted === undefined).map((v) => v.rev).sort();

describe.each([false, true])('merge properties (equal timestamps across devices: %s)', (ties) => {
  it('importing a file a second time changes nothing: unchanged, store identical', () => {
    fc.assert(fc.property(withFiles({ min: 1, max: 5 }, ties), ({ files }) => {
      let store = emptyStore();
      for (const file of files) {
        store = importFile(store, file).store;
        const again = importFile(store, file);
        expect(again.counts).toEqual({ new: 0, updated: 0, deleted: 0, unchanged: 1, conflict: 0 });
        expect(again.store).toEqual(store);
      }
    }), { numRuns: RUNS });
  });

  it('the shown version does not depend on the order files are imported in, and is the newest head', () => {
    fc.assert(fc.property(withFiles({ min: 2, max: 3 }, ties), ({ files }) => {
      const newest = heads(files.flat())[0]!;
      for (const order of permutations(files)) expect(view(importAll(order), ID).shown).toBe(newest.rev);
    }), { numRuns: RUNS });
  });

  it('no version is lost and none comes back: the stored versions are exactly the heads of everything imported', () => {
    fc.assert(fc.property(withFiles({ min: 1, max: 5 }, ties), ({ files }) => {
      const { shown, conflicts } = view(importAll(files), ID);
      expect([shown, ...conflicts].sort()).toEqual(heads(files.flat()).map((v) => v.rev).sort());
    }), { numRuns: RUNS });
  });

  it('a resolved conflict supersedes every version it was resolved from: re-importing any of them changes nothing', () => {
    fc.assert(fc.property(withFiles({ min: 1, max: 4 }, ties), fc.nat(), ({ files }, pick) => {
      const store = importAll(files);
      const all = [store.shown.get(ID)!, ...(store.conflicts.get(ID) ?? [])];
      const resolved = resolveConflict(all[pick % all.length]!, all, 0);
      for (const head of all) {
        expect(resolved.modified).toBeGreaterThan(head.modified);
        expect(resolved.revs).toContain(head.rev);
      }
      expect(resolved.revs[0]).toBe(resolved.rev);
      const after = { shown: new Map([[ID, resolved]]), conflicts: new Map<string, Version[]>() };
      for (const head of all) {
        expect(importFile(after, [head]).counts.unchanged).toBe(1);
        expect(mergeRecord(resolved, [], head)).toMatchObject({ winner: resolved, conflicts: [], outcome: 'unchanged' });
      }
    }), { numRuns: RUNS });
  });
});

describe('tombstones', () => {
  const pairs = (h: History) => {
    const deletions = h.versions.filter((v) => v.deleted !== undefined);
    const edits = h.versions.filter((v) => v.deleted === undefined);
    return deletions.flatMap((d) => edits.map((e) => [e, d] as const));
  };

  it('a deletion beats an older edit it is concurrent with, in either order, and the edit is kept as a conflict', () => {
    let seen = 0;
    fc.assert(fc.property(historyArb(ID), (h) => {
      for (const [edit, deletion] of pairs(h)) {
        if (!concurrent(edit, deletion) || edit.modified >= deletion.modified) continue;
        seen++;
        for (const order of [[edit, deletion], [deletion, edit]]) {
          const store = importAll(order.map((v) => [v]));
          expect(view(store, ID)).toEqual({ shown: deletion.rev, conflicts: [edit.rev] });
        }
        const merged = mergeRecord(edit, [], deletion);
        expect(merged.winner).toBe(deletion);
        expect(merged.outcome).toBe('conflict');
      }
    }), { numRuns: RUNS });
    expect(seen).toBeGreaterThan(20);
  });

  it('an edit the deletion descends from cannot bring the record back, whichever arrives first', () => {
    let seen = 0;
    fc.assert(fc.property(historyArb(ID), (h) => {
      for (const [edit, deletion] of pairs(h)) {
        if (!deletion.revs.includes(edit.rev)) continue;
        seen++;
        const deleted = importAll([[deletion]]);
        const again = importFile(deleted, [edit]);
        expect(again.counts.unchanged).toBe(1);
        expect(view(again.store, ID)).toEqual({ shown: deletion.rev, conflicts: [] });
        const first = importFile(importAll([[edit]]), [deletion]);
        expect(first.counts.deleted).toBe(1);
        expect(view(first.store, ID)).toEqual({ shown: deletion.rev, conflicts: [] });
      }
    }), { numRuns: RUNS });
    expect(seen).toBeGreaterThan(20);
  });

  it('an older file cannot bring a deleted record back: on every device that deleted it, re-importing any earlier export leaves it deleted and unchanged', () => {
    let seen = 0;
    fc.assert(fc.property(historyArb(ID), (h) => {
      for (const device of h.devices) {
        if (device.winner.deleted === undefined) continue;
        const store = { shown: new Map([[ID, device.winner]]), conflicts: new Map([[ID, device.conflicts]]) };
        for (const old of h.versions.filter((v) => device.winner.revs.includes(v.rev))) {
          seen++;
          const result = importFile(store, [old]);
          expect(result.counts.unchanged).toBe(1);
          expect(result.store.shown.get(ID)).toBe(device.winner);
        }
      }
    }), { numRuns: RUNS });
    expect(seen).toBeGreaterThan(20);
  });

  it('a tombstone for a record this side never had is stored (unchanged, nothing to show), so a later older copy cannot create it', () => {
    const original = withNextRevision({ id: ID, created: 1, modified: 1, note: 'secret' });
    const gone = withNextRevision({ id: ID, created: 1, modified: 2, deleted: 2, note: '' }, original);
    const plan = planRecords([gone], new Map(), new Map());
    expect(plan.counts).toEqual({ new: 0, updated: 0, deleted: 0, unchanged: 1, conflict: 0 });
    expect(plan.puts).toEqual([gone]);
    const later = planRecords([original], new Map([[ID, gone]]), new Map());
    expect(later.counts.unchanged).toBe(1);
    expect(later.puts).toEqual([]);
  });
});

// Regression tests: merge.ts used to drop every deleted head but the newest from a record's
// state ("two deletions are no conflict"), forgetting the dropped tombstone's ancestry. Old
// exports then brought deleted edits back as conflicts, the kept conflicts depended on import
// order, and a resolution did not supersede the forgotten versions. These failed before
// 0f03b4e (all heads are now stored; "two deletions are no conflict" applies to what is shown).
describe('forgetting a superseded tombstone', () => {
  // Two devices; the record is edited and deleted on B, deleted later on A; an old export
  // from B (taken after its edit, before its deletion) is imported on A.
  const original = withNextRevision({ id: ID, created: 1, modified: 1, note: 'We will publish the roadmap' });
  const editB = withNextRevision({ id: ID, created: 1, modified: 10, note: 'We will publish the roadmap (source: Hansard)' }, original);
  const deleteB = withNextRevision({ id: ID, created: 1, modified: 11, deleted: 11, note: '' }, editB);
  const deleteA = withNextRevision({ id: ID, created: 1, modified: 20, deleted: 20, note: '' }, original);

  it('keeps the newer deletion shown whatever the order (this part holds)', () => {
    expect(view(importAll([[deleteA], [deleteB]]), ID).shown).toBe(deleteA.rev);
    expect(view(importAll([[deleteB], [deleteA]]), ID).shown).toBe(deleteA.rev);
  });

  it('an old export cannot bring back, even as a conflict, an edit that was deleted on its own device', () => {
    const onA = importAll([[deleteA], [deleteB]]);
    const result = importFile(onA, [editB]);
    expect(result.counts).toMatchObject({ unchanged: 1, conflict: 0 });
    expect(view(result.store, ID).shown).toBe(deleteA.rev);
    expect(liveConflicts(result.store)).toEqual([]);
  });

  it('gives the same conflicts in every import order', () => {
    const files = [[deleteA], [deleteB], [editB]];
    const views = permutations(files).map((order) => view(importAll(order), ID));
    for (const v of views) expect(v).toEqual(views[0]);
  });

  it('property: after importing several files, importing any of them again changes nothing', () => {
    fc.assert(fc.property(withFiles({ min: 2, max: 5 }), ({ files }) => {
      const store = importAll(files);
      for (const file of files) {
        expect(importFile(store, file).counts.unchanged).toBe(1);
        expect(view(importFile(store, file).store, ID)).toEqual(view(store, ID));
      }
    }), { numRuns: 2000, seed: 1 });
  });

  it('re-importing the first of three files brings nothing back', () => {
    // The shrunk counterexample: A edits then deletes; B deletes later; A's edit, B's
    // deletion and A's deletion are imported in that order, then A's edit again.
    const store = importAll([[editB], [deleteA], [deleteB]]);
    expect(view(store, ID).shown).toBe(deleteA.rev);
    expect(liveConflicts(store)).toEqual([]);
    const again = importFile(store, [editB]);
    expect(again.counts).toMatchObject({ unchanged: 1, conflict: 0 });
    expect(liveConflicts(again.store)).toEqual([]);
  });

  it('property: the full conflict set does not depend on import order', () => {
    fc.assert(fc.property(withFiles({ min: 3, max: 3 }), ({ files }) => {
      const views = permutations(files).map((order) => view(importAll(order), ID));
      for (const v of views) expect(v).toEqual(views[0]);
    }), { numRuns: 2000, seed: 1 });
  });

  it('property: once resolved, importing any version the files held (or their ancestors) changes nothing', () => {
    fc.assert(fc.property(withFiles({ min: 1, max: 4 }), ({ history, files }) => {
      const store = importAll(files);
      const all = [store.shown.get(ID)!, ...(store.conflicts.get(ID) ?? [])];
      const resolved = resolveConflict(all[0]!, all, 0);
      const known = history.versions.filter((v) => files.some(([f]) => f!.revs.includes(v.rev)));
      for (const v of known) expect(mergeRecord(resolved, [], v).outcome).toBe('unchanged');
    }), { numRuns: 2000, seed: 1 });
  });
});

// Regression tests: revisions used to hash the content only, so two tombstones of one claim
// stamped in the same millisecond on two devices got the same rev from different parents, and
// heads() silently dropped one side's ancestry. Failed before 0f03b4e (the parent is hashed in).
describe('two versions with equal content but different ancestry', () => {
  const original = withNextRevision({ id: ID, created: 1, modified: 1, note: 'original' });
  const editA = withNextRevision({ id: ID, created: 1, modified: 5, note: 'A' }, original);
  const editB = withNextRevision({ id: ID, created: 1, modified: 5, note: 'B' }, original);
  const deleteA = withNextRevision({ id: ID, created: 1, modified: 9, deleted: 9, note: '' }, editA);
  const deleteB = withNextRevision({ id: ID, created: 1, modified: 9, deleted: 9, note: '' }, editB);

  it('are different versions with different revs', () => {
    expect(deleteA.revs.slice(1)).not.toEqual(deleteB.revs.slice(1));
    expect(deleteA.rev).not.toBe(deleteB.rev);
  });

  it('do not lose either side’s history: after both deletions, neither old edit comes back', () => {
    for (const order of [[deleteA, deleteB], [deleteB, deleteA]]) {
      const store = importAll(order.map((v) => [v]));
      for (const old of [editA, editB]) expect(importFile(store, [old]).counts.unchanged).toBe(1);
    }
  });
});

describe('simulated histories', () => {
  it('produce conflicts, deletions and resolutions often enough to test them', () => {
    const samples = fc.sample(historyArb(ID), { numRuns: 300, seed: 7 });
    const conflicted = samples.filter((h) => h.devices.some((d) => d.conflicts.length > 0)).length;
    const deleted = samples.filter((h) => h.versions.some((v) => v.deleted !== undefined)).length;
    const resolved = samples.filter((h) => h.versions.some((v) => v.revs.length > 1 && v.revs.length > Number.parseInt(v.rev, 10))).length;
    expect(conflicted).toBeGreaterThan(30);
    expect(deleted).toBeGreaterThan(100);
    expect(resolved + conflicted).toBeGreaterThan(30);
  });

  it('replay deterministically from their operations', () => {
    const ops: Op[] = [
      { kind: 'edit', device: 0, dt: 1 }, { kind: 'edit', device: 1, dt: 1 }, { kind: 'sync', from: 0, to: 1, dt: 1 },
      { kind: 'resolve', device: 1, pick: 0, dt: 1 }, { kind: 'delete', device: 0, dt: 1 }, { kind: 'sync', from: 1, to: 0, dt: 1 },
    ];
    const a = simulate(ID, 2, ops);
    expect(simulate(ID, 2, ops)).toEqual(a);
    expect(a.versions).toHaveLength(5);
    expect(a.devices[1]!.winner.revs).toEqual(expect.arrayContaining([a.versions[1]!.rev, a.versions[2]!.rev]));
    // Device 0 deleted after device 1 resolved, concurrently: the later deletion is shown, the
    // resolution kept as a conflict.
    expect(a.versions[4]!.deleted).toBeDefined();
    expect(a.devices[0]!.winner.rev).toBe(a.versions[4]!.rev);
    expect(a.devices[0]!.conflicts.map((v) => v.rev)).toEqual([a.versions[3]!.rev]);
  });
});
