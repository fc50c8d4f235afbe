// Imports against the whole knowledge base (issue item 6): a file that is fine on its own is
// still refused when, with what is already stored, the dictionary would hold more names or
// characters than can be sent to a tab. Nothing is written when it is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { seedBuiltins } from '../../../../src/background/seed';
import { applyImport, planImport } from '../../../../src/background/sync/import-data';
import { buildEnvelope } from '../../../../src/shared/sync/export-format';
import { KNOWLEDGE_LIMITS, nameTotals } from '../../../../src/shared/sync/knowledge-limits';
import { ImportError, readImport } from '../../../../src/shared/sync/read-import';
import { withNextRevision } from '../../../../src/shared/sync/revision';
import type { Entity } from '../../../../src/shared/types';
import { dropDbs, dump, freshDb } from '../../../fixtures/sync/db';
import { distinctNames } from '../../../fixtures/hostile/import-files';
import { makeEntity, T0 } from '../../../fixtures/sync/records';

afterEach(dropDbs);

const fmt = (n: number) => n.toLocaleString('en-GB');

/** `count` user entities, each with a name and 49 aliases of `length` characters: 50 names each. */
function bodies(from: number, count: number, length = 20): Entity[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const [name, ...aliases] = distinctNames(50, length, `Body ${n} name`);
    return makeEntity(`body-${n}`, { kind: 'body', name: name!, aliases, events: [], sources: [] });
  });
}

const fileOf = (entities: Entity[]) => readImport(JSON.stringify(buildEnvelope([], entities, 'other', T0)));

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return (error as Error).message;
}

describe('the knowledge base after an import', () => {
  it('refuses an import that would take it past the cap on names and aliases, and writes nothing', async () => {
    const db = freshDb('budget');
    await seedBuiltins(db, builtinEntities(), () => T0);
    const builtin = nameTotals(await db.entities.toArray()).names;
    const room = KNOWLEDGE_LIMITS.names - builtin;
    const stored = bodies(0, Math.floor(room / 50));
    await db.entities.bulkPut(stored);
    const now = builtin + stored.length * 50;
    const before = await dump(db);
    const file = fileOf(bodies(10_000, 2));
    const message = `The knowledge base would then hold ${fmt(now + 100)} names and aliases (it holds ${fmt(now)} now); at most 20,000 can be highlighted.`;
    expect(await refusal(planImport(db, file))).toBe(message);
    expect(await refusal(applyImport(db, file))).toBe(message);
    expect(await dump(db)).toEqual(before);
  });

  it('counts an entity the file changes once, not twice', async () => {
    const db = freshDb('budget');
    const stored = bodies(0, 399);
    await db.entities.bulkPut(stored);
    // 399 × 50 names stored; the file renames all of them, which leaves the total as it is.
    const renamed = stored.map(({ rev: _r, revs: _rs, ...e }, i) => withNextRevision({ ...e, name: `${e.name} (renamed)`, modified: T0 + 1 }, stored[i]));
    const { summary } = await planImport(db, fileOf(renamed));
    expect(summary.entities.updated).toBe(399);
  });

  it('refuses an import that would take it past the cap on characters', async () => {
    const db = freshDb('budget');
    // 190 × 50 names of 100 characters: 950,000 characters stored.
    await db.entities.bulkPut(bodies(0, 190, 100));
    const message = await refusal(planImport(db, fileOf(bodies(1_000, 11, 100))));
    expect(message).toBe('The knowledge base’s names and aliases would then come to 1,005,000 characters (950,000 now); at most 1,000,000 can be highlighted.');
  });

  it('does not count deleted entities, and lets an import that deletes some through', async () => {
    const db = freshDb('budget');
    const stored = bodies(0, 400);
    await db.entities.bulkPut(stored.map((e, i) => (i < 10 ? { ...e, deleted: T0 } : e)));
    expect((await planImport(db, fileOf(bodies(1_000, 10)))).summary.entities.new).toBe(10);
  });
});

describe('sizes', () => {
  it('puts a user entity of ordinary size well inside the caps', () => {
    expect(nameTotals([makeEntity('jeremy-quin')])).toEqual({ names: 3, chars: 'Jeremy Quin'.length * 2 + 'Mr Quin'.length });
  });
});
