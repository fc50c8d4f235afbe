// A worker the browser stops when idle seeds the shipped knowledge once per run of the browser and
// version of the extension, not on every wake; and again whenever it cannot be sure it has.

import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { builtinEntities } from '../../../src/background/builtin-kb';
import { seedOnce } from '../../../src/background/seed-once';
import type { SessionArea } from '../../../src/background/session-area';
import { freshDbs } from '../helpers/fresh-db';

const freshDb = freshDbs('seed-once-test');
const kb = builtinEntities();

function fakeArea(): SessionArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values) => void Object.entries(values).forEach(([k, v]) => items.set(k, v)),
    remove: async (key) => void items.delete(key),
  };
}

describe('seedOnce', () => {
  it('seeds on the first wake, and not on the next ones of the same version', async () => {
    const db = freshDb();
    const area = fakeArea();
    const read = vi.fn(() => kb);
    expect(await seedOnce(db, area, '1.0.0', read)).toMatchObject({ added: kb.length });
    const reads = vi.spyOn(db.entities, 'toArray');
    expect(await seedOnce(db, area, '1.0.0', read)).toBeNull();
    expect(reads).not.toHaveBeenCalled();
    expect(read).toHaveBeenCalledTimes(1); // the shipped files are not even read
  });

  it('seeds again for another version, when told to, and where the database was emptied', async () => {
    const db = freshDb();
    const area = fakeArea();
    await seedOnce(db, area, '1.0.0', () => kb);
    expect(await seedOnce(db, area, '1.1.0', () => kb)).toEqual({ added: 0, updated: 0, keptUserEdits: 0, removed: 0 });
    expect(await seedOnce(db, area, '1.1.0', () => kb, true)).not.toBeNull();
    await db.entities.clear();
    expect(await seedOnce(db, area, '1.1.0', () => kb)).toMatchObject({ added: kb.length });
  });

  it('remembers nothing of a seeding that failed, so the next wake seeds', async () => {
    const db = freshDb();
    const area = fakeArea();
    await expect(seedOnce(db, area, '1.0.0', () => { throw new Error('stopped halfway'); })).rejects.toThrow('stopped halfway');
    expect(area.items.size).toBe(0);
    expect(await seedOnce(db, area, '1.0.0', () => kb)).toMatchObject({ added: kb.length });
  });

  it('seeds on every wake, as before, where session storage cannot be read or written', async () => {
    const db = freshDb();
    const broken: SessionArea = {
      get: async () => { throw new Error('no session storage'); },
      set: async () => { throw new Error('no session storage'); },
      remove: async () => undefined,
    };
    expect(await seedOnce(db, broken, '1.0.0', () => kb)).toMatchObject({ added: kb.length });
    expect(await seedOnce(db, broken, '1.0.0', () => kb)).not.toBeNull();
  });
});
