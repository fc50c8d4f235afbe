// A failure forced midway through applyImport (after the claims are written, or partway through)
// must leave the database exactly as it was, and a successful import must be undoable to the
// exact state before it.
//
// Decision on the backup: it must not survive a failed import. Only the latest backup is
// kept, so a backup written for an import that then failed would replace the backup of the
// previous, successful import, which could then no longer be undone; and there is nothing to
// undo. So the whole dump, backups table included, must be unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import { lastBackup, restoreLastBackup } from '../../../../src/background/sync/backups';
import { applyImport } from '../../../../src/background/sync/import-data';
import type { Claim } from '../../../../src/shared/claims/claim';
import { buildEnvelope } from '../../../../src/shared/sync/export-format';
import { readImport, type ImportedData } from '../../../../src/shared/sync/read-import';
import { dropDbs, dump, freshDb } from '../../../fixtures/sync/db';
import { DEVICE } from '../../../fixtures/sync/hostile';
import { deleteClaimVersion, editClaim, makeClaim, makeEntity, T0 } from '../../../fixtures/sync/records';

afterEach(dropDbs);

const NEW_CLAIMS = 2_400; // enough to fill every bucket

async function populated() {
  const db = freshDb('apply-failure');
  const originals = Array.from({ length: 100 }, (_, i) => makeClaim(i + 1));
  // Claims 2 and 8 were edited here since they were shared, so other devices' edits of the
  // shared version are concurrent with ours.
  const existing = originals.map((c, i) => (i === 1 || i === 7 ? editClaim(c, { note: 'ours' }, T0 + 500_000) : c));
  await db.claims.bulkPut(existing);
  await db.entities.bulkPut([makeEntity('jeremy-quin'), makeEntity('cddo', { kind: 'body', name: 'CDDO' })]);
  await db.meta.put({ key: 'deviceId', value: 'this-device' });
  // A previous, successful import, whose backup must stay undoable.
  const earlier = editClaim(existing[0]!, { note: 'from an earlier import' }, T0 + 1_000_000);
  await applyImport(db, readImport(JSON.stringify(buildEnvelope([earlier, editClaim(originals[1]!, { note: 'theirs' }, T0 + 400_000)], [], DEVICE, T0))));
  expect(await db.conflicts.count()).toBe(1);
  expect(await lastBackup(db)).not.toBeNull();
  return { db, existing, originals };
}

function bigImport(existing: Claim[], originals: Claim[]): ImportedData {
  const claims = [
    ...Array.from({ length: NEW_CLAIMS }, (_, i) => makeClaim(10_000 + i)),
    editClaim(existing[5]!, { status: 'delivered' }, T0 + 2_000_000),
    deleteClaimVersion(existing[6]!, T0 + 2_000_000),
    editClaim(originals[7]!, { note: 'concurrent' }, T0 + 400_000), // older and concurrent: a conflict
  ];
  return readImport(JSON.stringify(buildEnvelope(claims, [makeEntity('jeremy-quin', { summary: 'Updated', modified: T0 + 9 }), makeEntity('new-person')], DEVICE, T0)));
}

describe('a failure midway through applyImport', () => {
  it('after every claim is written, leaves every table exactly as it was', async () => {
    const { db, existing, originals } = await populated();
    const data = bigImport(existing, originals);
    const before = await dump(db);
    const original = db.claimBuckets.bulkPut.bind(db.claimBuckets);
    let writtenBeforeFailure = -1;
    db.claimBuckets.bulkPut = (async (...args: Parameters<typeof original>) => {
      await original(...args);
      // Inside the import's transaction: the new claims are really there.
      writtenBeforeFailure = await db.claims.count();
      throw new Error('disk full (simulated)');
    }) as unknown as typeof db.claimBuckets.bulkPut;

    await expect(applyImport(db, data)).rejects.toThrow('disk full (simulated)');
    expect(writtenBeforeFailure).toBe(existing.length + NEW_CLAIMS);
    expect(await dump(db)).toEqual(before);
  });

  it('in the last step (writing conflicts), leaves every table exactly as it was', async () => {
    const { db, existing, originals } = await populated();
    const data = bigImport(existing, originals);
    const before = await dump(db);
    db.conflicts.bulkPut = (async () => {
      throw new Error('quota exceeded (simulated)');
    }) as unknown as typeof db.conflicts.bulkPut;
    await expect(applyImport(db, data)).rejects.toThrow('quota exceeded (simulated)');
    expect(await dump(db)).toEqual(before);
  });

  it('through a Dexie hook that throws on the 200th bucket rewritten, leaves every table exactly as it was', async () => {
    const { db, existing, originals } = await populated();
    const data = bigImport(existing, originals);
    const before = await dump(db);
    let rewritten = 0;
    const refuse = () => {
      if (++rewritten === 200) throw new Error('hook refused (simulated)');
    };
    db.claimBuckets.hook('creating', refuse);
    db.claimBuckets.hook('updating', refuse);
    await expect(applyImport(db, data)).rejects.toThrow('hook refused (simulated)');
    expect(rewritten).toBe(200);
    expect(await dump(db)).toEqual(before);
  });
});

describe('undo after a large import', () => {
  it('puts back the exact state from before the import', async () => {
    const { db, existing, originals } = await populated();
    const before = await dump(db, { without: ['backups'] });
    const result = await applyImport(db, bigImport(existing, originals));
    expect(result.claims).toMatchObject({ new: NEW_CLAIMS, updated: 1, deleted: 1, conflict: 1 });
    expect(await db.claims.count()).toBe(existing.length + NEW_CLAIMS);
    expect(await restoreLastBackup(db)).toBe(true);
    expect(await dump(db, { without: ['backups'] })).toEqual(before);
    expect(await restoreLastBackup(db)).toBe(false);
  });
});
