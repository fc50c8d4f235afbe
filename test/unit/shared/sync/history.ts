// Simulated edit histories for merge property tests: one record edited, deleted and resolved on
// two or three devices that now and then import each other's export (which carries each
// device's shown version). Every version is made as the extension makes it: withNextRevision
// from that device's current version, `modified` never going backwards on a device.

import fc from 'fast-check';
import { mergeRecord, resolveConflict } from '../../../../src/shared/sync/merge';
import { planRecords, type OutcomeCounts } from '../../../../src/shared/sync/plan-import';
import { withNextRevision, type Revisioned } from '../../../../src/shared/sync/revision';

export interface Version extends Revisioned {
  id: string;
  created: number;
  note: string;
}

export type Op =
  | { kind: 'edit'; device: number; dt: number }
  | { kind: 'delete'; device: number; dt: number }
  | { kind: 'sync'; from: number; to: number; dt: number }
  | { kind: 'resolve'; device: number; pick: number; dt: number };

interface Device {
  winner: Version;
  conflicts: Version[];
}

export interface History {
  /** Every version any device ever made, in the order made; [0] is the shared original. */
  versions: Version[];
  /** Each device's state at the end. */
  devices: Device[];
}

export interface HistoryOptions {
  maxOps?: number;
  /**
   * Let devices stamp the same `modified` (exercising the rev tie-break). Deletions are then
   * left out: two tombstones of one record stamped in the same millisecond have the same
   * content, hence the same rev, from different parents (see the rev-collision test).
   */
  ties?: boolean;
}

export function opArb(devices: number, ties = false): fc.Arbitrary<Op> {
  const device = fc.nat({ max: devices - 1 });
  const dt = fc.integer({ min: 0, max: 4 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), device, dt }) },
    { weight: ties ? 0 : 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, dt }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: device, to: device, dt }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), device, pick: fc.nat(), dt }) },
  );
}

export function historyArb(id = 'rec', { maxOps = 14, ties = false }: HistoryOptions = {}): fc.Arbitrary<History> {
  return fc.integer({ min: 2, max: 3 }).chain((n) => fc.array(opArb(n, ties), { minLength: 1, maxLength: maxOps }).map((ops) => simulate(id, n, ops, ties)));
}

/**
 * Plays `ops`. Without `ties`, device d only ever stamps times ≡ d (mod 3), as real devices
 * practically never write in the same millisecond.
 */
export function simulate(id: string, deviceCount: number, ops: readonly Op[], ties = false): History {
  const stamp = (device: number, atLeast: number) => {
    if (ties) return atLeast;
    let t = atLeast;
    while (t % 3 !== device) t++;
    return t;
  };
  const created = 1_000;
  const original: Version = withNextRevision({ id, created, modified: created, note: 'original' });
  const versions: Version[] = [original];
  const devices: Device[] = Array.from({ length: deviceCount }, () => ({ winner: original, conflicts: [] }));
  let clock = created * 3;
  let serial = 0;
  for (const op of ops) {
    clock += op.dt * 3;
    if (op.kind === 'edit' || op.kind === 'delete') {
      const d = devices[op.device]!;
      if (d.winner.deleted !== undefined) continue; // nothing to edit or delete on that device
      const modified = stamp(op.device, Math.max(clock, d.winner.modified + 1));
      const content = op.kind === 'edit'
        ? { id, created, modified, note: `device ${op.device} edit ${++serial}` }
        : { id, created, modified, deleted: modified, note: '' };
      const next: Version = withNextRevision(content, d.winner);
      versions.push(next);
      d.winner = next; // local conflicts stay until resolved, as in the extension
    } else if (op.kind === 'sync') {
      if (op.from === op.to) continue;
      const to = devices[op.to]!;
      const merged = mergeRecord(to.winner, to.conflicts, devices[op.from]!.winner);
      devices[op.to] = { winner: merged.winner, conflicts: merged.conflicts };
    } else {
      const d = devices[op.device]!;
      if (d.conflicts.length === 0) continue;
      const all = [d.winner, ...d.conflicts];
      const resolved = resolveConflict(all[op.pick % all.length]!, all, stamp(op.device, clock));
      versions.push(resolved);
      devices[op.device] = { winner: resolved, conflicts: [] };
    }
  }
  return { versions, devices };
}

/** A record store as the database holds it: shown versions and kept conflicts by id. */
export interface Store {
  shown: Map<string, Version>;
  conflicts: Map<string, Version[]>;
}

export const emptyStore = (): Store => ({ shown: new Map(), conflicts: new Map() });

/** Imports one file (a list of versions) as applyImport does: plan, then write the plan. */
export function importFile(store: Store, file: readonly Version[]): { store: Store; counts: OutcomeCounts } {
  const plan = planRecords(file, store.shown, store.conflicts);
  const shown = new Map(store.shown);
  for (const v of plan.puts) shown.set(v.id, v);
  const conflicts = new Map(store.conflicts);
  for (const [rid, list] of plan.conflicts) conflicts.set(rid, list);
  return { store: { shown, conflicts }, counts: plan.counts };
}

export function importAll(files: readonly (readonly Version[])[], store = emptyStore()): Store {
  return files.reduce((s, f) => importFile(s, f).store, store);
}

/** What the user sees of a record: the shown rev and the set of conflicting revs. */
export function view(store: Store, id: string): { shown: string | undefined; conflicts: string[] } {
  return { shown: store.shown.get(id)?.rev, conflicts: (store.conflicts.get(id) ?? []).map((v) => v.rev).sort() };
}

export function concurrent(a: Revisioned, b: Revisioned): boolean {
  return a.rev !== b.rev && !a.revs.includes(b.rev) && !b.revs.includes(a.rev);
}

export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
