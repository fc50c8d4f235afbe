// Entities the user adds and names they add to existing ones: ids, origin, userEdited and
// revisions, so re-seeding and sync keep the user's changes.
import { afterEach, describe, expect, it } from 'vitest';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { seedBuiltins } from '../../../../src/background/seed';
import { addAlias, createEntity, listEntities, slugify } from '../../../../src/background/user-entities';
import { isAncestor } from '../../../../src/shared/sync/revision';
import { dropDbs, freshDb } from '../../../fixtures/sync/db';

afterEach(dropDbs);

describe('slugify', () => {
  it('makes lower-case ascii ids, without accents, punctuation or runs of hyphens', () => {
    expect(slugify('Government Digital Service')).toBe('government-digital-service');
    expect(slugify('  Ms Zoë  Élan-Brûlé! ')).toBe('ms-zoe-elan-brule');
    expect(slugify('GOV.UK One Login')).toBe('gov-uk-one-login');
    expect(slugify('!!!')).toBe('entity');
    expect(slugify('名前')).toBe('entity');
    expect(slugify('a'.repeat(100))).toHaveLength(60);
  });
});

describe('createEntity', () => {
  it('stores a user entity with its name as first alias and a first revision', async () => {
    const db = freshDb('entities');
    const entity = await createEntity(db, 'person', '  Jeremy   Quin ', ' Minister for the Cabinet Office. ', () => 1_000);
    expect(entity).toEqual({
      id: 'jeremy-quin', kind: 'person', name: 'Jeremy Quin', aliases: ['Jeremy Quin'], summary: 'Minister for the Cabinet Office.',
      events: [], sources: [], confidence: 'added by you', origin: 'user', created: 1_000, modified: 1_000,
      rev: entity.rev, revs: [entity.rev],
    });
    expect(entity.rev).toMatch(/^1-[0-9a-f]{16}$/);
    expect(entity.userEdited).toBeUndefined();
    expect(await db.entities.get('jeremy-quin')).toEqual(entity);
  });

  it('returns the existing entity for the same name and kind, whatever the case', async () => {
    const db = freshDb('entities');
    const first = await createEntity(db, 'body', 'Central Digital and Data Office', '', () => 1);
    const again = await createEntity(db, 'body', 'central digital and DATA office', 'other', () => 2);
    expect(again).toEqual(first);
    expect(await db.entities.count()).toBe(1);
  });

  it('gives a new id when the slug is taken by another entity', async () => {
    const db = freshDb('entities');
    await createEntity(db, 'initiative', 'Verify', '', () => 1);
    const person = await createEntity(db, 'person', 'Verify', '', () => 2, () => 'abc123');
    expect(person.id).toBe('verify-abc123');
    expect(await db.entities.count()).toBe(2);
  });
});

describe('addAlias', () => {
  it('on a built-in entity marks it userEdited and makes the next revision', async () => {
    const db = freshDb('entities');
    await seedBuiltins(db, builtinEntities(), () => 1_000);
    const before = (await db.entities.get('gds'))!;
    expect(before.origin).toBe('builtin');
    const after = await addAlias(db, 'gds', '  the  Government Digital Service team ', () => 500);
    expect(after.aliases).toEqual([...before.aliases, 'the Government Digital Service team']);
    expect(after.userEdited).toBe(true);
    expect(after.origin).toBe('builtin');
    expect(after.modified).toBe(before.modified + 1);
    expect(Number.parseInt(after.rev, 10)).toBe(Number.parseInt(before.rev, 10) + 1);
    expect(after.revs).toEqual([after.rev, ...before.revs]);
    expect(isAncestor(before, after)).toBe(true);
    expect(await db.entities.get('gds')).toEqual(after);
    // Re-seeding keeps the user's change.
    await seedBuiltins(db, builtinEntities(), () => 9_999);
    expect((await db.entities.get('gds'))!.aliases).toContain('the Government Digital Service team');
  });

  it('on a user entity keeps it unmarked, and an alias it already has changes nothing', async () => {
    const db = freshDb('entities');
    const mine = await createEntity(db, 'person', 'Jeremy Quin', '', () => 1);
    const withAlias = await addAlias(db, mine.id, 'Mr Quin', () => 2);
    expect(withAlias.userEdited).toBeFalsy();
    expect(withAlias.aliases).toEqual(['Jeremy Quin', 'Mr Quin']);
    expect(withAlias.revs).toEqual([withAlias.rev, mine.rev]);
    const same = await addAlias(db, mine.id, ' Mr  Quin ', () => 3);
    expect(same).toEqual(withAlias);
  });

  it('fails for an unknown entity', async () => {
    const db = freshDb('entities');
    await expect(addAlias(db, 'nobody', 'x')).rejects.toThrow('no entity nobody');
  });
});

describe('listEntities', () => {
  it('lists live entities as choices sorted by name', async () => {
    const db = freshDb('entities');
    await createEntity(db, 'person', 'Zed Person', '', () => 1);
    await createEntity(db, 'body', 'Alpha Body', '', () => 1);
    const gone = await createEntity(db, 'person', 'Gone Person', '', () => 1);
    await db.entities.put({ ...gone, deleted: 5 });
    expect(await listEntities(db)).toEqual([
      { id: 'alpha-body', kind: 'body', name: 'Alpha Body', aliases: ['Alpha Body'] },
      { id: 'zed-person', kind: 'person', name: 'Zed Person', aliases: ['Zed Person'] },
    ]);
  });
});
