// The import preview names what it would change (issue item 8: it showed counts only): every
// claim by its quote and every entity by its name, for each that would be added, changed,
// deleted or kept as a conflict; a deleted claim by the quote it has here, since a tombstone
// carries none; nothing for records that stay as they are.
import { afterEach, describe, expect, it } from 'vitest';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { seedBuiltins } from '../../../../src/background/seed';
import { applyImport, planImport } from '../../../../src/background/sync/import-data';
import { buildEnvelope } from '../../../../src/shared/sync/export-format';
import { readImport } from '../../../../src/shared/sync/read-import';
import { withNextRevision } from '../../../../src/shared/sync/revision';
import { dropDbs, freshDb } from '../../../fixtures/sync/db';
import { DEVICE } from '../../../fixtures/sync/hostile';
import { deleteClaimVersion, editClaim, makeClaim, makeEntity, T0 } from '../../../fixtures/sync/records';

afterEach(dropDbs);

const quote = (n: number) => makeClaim(n).target.selector[0].exact;

describe('what the preview names', () => {
  it('names every claim and entity that would be added, changed, deleted or kept as a conflict', async () => {
    const db = freshDb('names');
    await seedBuiltins(db, builtinEntities(), () => T0);
    const mine = [makeClaim(1, { quote: 'Ours: every council will share one platform' }), makeClaim(2), makeClaim(3, { quote: 'A promise deleted elsewhere' })];
    await db.claims.bulkPut(mine);
    const ours = editClaim(makeClaim(5), { note: 'ours' }, T0 + 70_000);
    await db.claims.put(ours);
    await db.entities.put(makeEntity('jeremy-quin'));
    const gds = (await db.entities.get('gds'))!;
    const { rev: _r, revs: _rs, ...content } = gds;
    const forged = withNextRevision({ ...content, userEdited: true, summary: 'Invented.', modified: T0 + 9 }, gds);
    const file = readImport(JSON.stringify(buildEnvelope([
      editClaim(mine[0]!, { status: 'delivered' }, T0 + 50_000),
      mine[1]!,
      deleteClaimVersion(mine[2]!, T0 + 40_000),
      makeClaim(4, { quote: 'A brand new promise' }),
      editClaim(makeClaim(5), { note: 'theirs' }, T0 + 60_000),
    ], [makeEntity('imaginary-body', { kind: 'body', name: 'Imaginary Body', aliases: ['The Imaginary Body'] }), makeEntity('jeremy-quin'), forged], DEVICE, T0)));
    const { summary } = await planImport(db, file);
    expect(summary.changes.claims).toEqual([
      { id: mine[0]!.id, outcome: 'updated', label: 'Ours: every council will share one platform' },
      { id: mine[2]!.id, outcome: 'deleted', label: 'A promise deleted elsewhere' },
      { id: makeClaim(4).id, outcome: 'new', label: 'A brand new promise' },
      { id: ours.id, outcome: 'conflict', label: quote(5) },
    ]);
    expect(summary.changes.entities).toEqual([
      { id: 'imaginary-body', outcome: 'new', label: 'Imaginary Body' },
      { id: 'gds', outcome: 'conflict', label: 'Government Digital Service', builtin: true },
    ]);
    // Apply answers with what was written, named the same way.
    expect((await applyImport(db, file)).changes).toEqual(summary.changes);
  });

  it('shortens a long quote to a line', async () => {
    const db = freshDb('names');
    const long = `${'The programme will be delivered in stages '.repeat(10)}by 2030.`;
    const { summary } = await planImport(db, readImport(JSON.stringify(buildEnvelope([makeClaim(1, { quote: long })], [], DEVICE, T0))));
    const [change] = summary.changes.claims;
    expect([...change!.label].length).toBeLessThanOrEqual(120);
    expect(change!.label.endsWith('…')).toBe(true);
    expect(long.startsWith(change!.label.slice(0, -1))).toBe(true);
  });

  it('names a record once, however often the file repeats it', async () => {
    const db = freshDb('names');
    const first = makeClaim(1);
    const file = readImport(JSON.stringify(buildEnvelope([first, editClaim(first, { note: 'again' }, T0 + 5_000)], [], DEVICE, T0)));
    const { summary } = await planImport(db, file);
    expect(summary.claims).toMatchObject({ new: 1, updated: 1 });
    expect(summary.changes.claims).toEqual([{ id: first.id, outcome: 'new', label: first.target.selector[0].exact }]);
  });
});
