// The editor's "Name to remember" obeys the same rules as an import: no common words or
// fragments as names, at most 50 names per entity, and a knowledge base that still fits in the
// dictionary a tab can be sent. Otherwise a name refused in a file could be typed in instead,
// and the user's own export would then fail to import.
import { afterEach, describe, expect, it } from 'vitest';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { seedBuiltins } from '../../../../src/background/seed';
import { addAlias, createEntity } from '../../../../src/background/user-entities';
import { KNOWLEDGE_LIMITS } from '../../../../src/shared/sync/knowledge-limits';
import { dropDbs, freshDb } from '../../../fixtures/sync/db';
import { distinctNames } from '../../../fixtures/hostile/import-files';
import { makeEntity } from '../../../fixtures/sync/records';

afterEach(dropDbs);

describe('createEntity', () => {
  it.each([['The', 'is a common word'], ['of', 'is a common word'], ['Al', 'is shorter than 3 characters'], ['!!!', 'has no letters or digits']])(
    'refuses the name %j', async (name, problem) => {
      const db = freshDb('limits');
      await expect(createEntity(db, 'person', name, '')).rejects.toThrow(`name: ${JSON.stringify(name)} ${problem}`);
      expect(await db.entities.count()).toBe(0);
    });

  it('refuses a new entity once the knowledge base holds as many names as can be highlighted', async () => {
    const db = freshDb('limits');
    const full = Array.from({ length: KNOWLEDGE_LIMITS.names / 50 }, (_, i) => {
      const [name, ...aliases] = distinctNames(50, 12, `B${i}`);
      return makeEntity(`b-${i}`, { kind: 'body', name: name!, aliases });
    });
    await db.entities.bulkPut(full);
    await expect(createEntity(db, 'body', 'One More Body', '')).rejects.toThrow('The knowledge base would then hold 20,002 names and aliases (it holds 20,000 now); at most 20,000 can be highlighted.');
  });
});

describe('addAlias', () => {
  it.each([['the', 'is a common word'], ['The', 'is a common word'], ['GD', 'is shorter than 3 characters']])('refuses %j', async (alias, problem) => {
    const db = freshDb('limits');
    await seedBuiltins(db, builtinEntities(), () => 1);
    const before = await db.entities.get('gds');
    await expect(addAlias(db, 'gds', alias)).rejects.toThrow(`alias: ${JSON.stringify(alias)} ${problem}`);
    expect(await db.entities.get('gds')).toEqual(before);
  });

  it('refuses a 51st name for one entity', async () => {
    const db = freshDb('limits');
    await db.entities.put(makeEntity('jeremy-quin', { aliases: distinctNames(50, 12) }));
    await expect(addAlias(db, 'jeremy-quin', 'Jeremy Quin MP')).rejects.toThrow('Jeremy Quin already has 50 other names; that is as many as one entity can have.');
  });
});
