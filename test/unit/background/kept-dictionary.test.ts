// A worker the browser stopped and woke again starts from the dictionary the last one kept in
// session storage, and never from one a change has made stale.

import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { builtinEntities } from '../../../src/background/builtin-kb';
import type { SoundFamiliarDb } from '../../../src/background/db';
import { DictionaryCache } from '../../../src/background/dictionary-cache';
import { KeptDictionary } from '../../../src/background/kept-dictionary';
import type { SessionArea } from '../../../src/background/session-area';
import { seedBuiltins } from '../../../src/background/seed';
import { loadDictionary } from '../../../src/content/scan/loaded-dictionary';
import { findMatches } from '../../../src/shared/matcher/search';
import { freshDbs } from '../helpers/fresh-db';

/** Session storage as the browser keeps it: values cloned in and out, lost with the "browser". */
function fakeArea(): SessionArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (values) => void Object.entries(values).forEach(([k, v]) => items.set(k, structuredClone(v))),
    remove: async (key) => void items.delete(key),
  };
}

const freshDb = freshDbs('kept-test');
async function seededDb(): Promise<SoundFamiliarDb> {
  const db = freshDb();
  await seedBuiltins(db, builtinEntities(), () => 1000);
  return db;
}
const settle = () => new Promise((r) => setTimeout(r, 0));
const finds = (dict: Parameters<typeof loadDictionary>[0], text: string) => findMatches(loadDictionary(dict).searcher, text).length;

describe('DictionaryCache with a kept copy', () => {
  it('serves a woken worker the copy the last one kept, without reading the database', async () => {
    const db = await seededDb();
    const area = fakeArea();
    const built = await new DictionaryCache(db, undefined, new KeptDictionary(area, '1.0.0')).get();
    await settle();
    expect(area.items.size).toBe(1);
    const reads = vi.spyOn(db.entities, 'toArray');
    const woken = await new DictionaryCache(db, undefined, new KeptDictionary(area, '1.0.0')).get();
    expect(reads).not.toHaveBeenCalled();
    expect(woken).toEqual(built);
  });

  it('drops the copy when the knowledge changes, so the next worker compiles the change', async () => {
    const db = await seededDb();
    const area = fakeArea();
    const cache = new DictionaryCache(db, undefined, new KeptDictionary(area, '1.0.0'));
    const before = await cache.get();
    await settle();
    await db.entities.update('gds', { aliases: ['GDS', 'Digital Service Unit'], modified: 5000 });
    cache.invalidate();
    await settle();
    expect(area.items.size).toBe(0);
    const woken = await new DictionaryCache(db, undefined, new KeptDictionary(area, '1.0.0')).get();
    expect(woken.version).not.toBe(before.version);
    expect(finds(woken, 'the Digital Service Unit')).toBe(1);
    await settle();
    expect((area.items.get('compiledDictionary') as { dictionary: { version: string } }).dictionary.version).toBe(woken.version);
  });

  it('does not keep a build that a change overtook', async () => {
    const db = await seededDb();
    const area = fakeArea();
    const cache = new DictionaryCache(db, undefined, new KeptDictionary(area, '1.0.0'));
    const stale = cache.get();
    cache.invalidate(); // while the build is under way
    await stale;
    await settle();
    expect(area.items.size).toBe(0);
  });

  it('never serves a copy another version of the extension compiled', async () => {
    const db = await seededDb();
    const area = fakeArea();
    await new DictionaryCache(db, undefined, new KeptDictionary(area, '1.0.0')).get();
    await settle();
    const reads = vi.spyOn(db.entities, 'toArray');
    await new DictionaryCache(db, undefined, new KeptDictionary(area, '1.1.0')).get();
    expect(reads).toHaveBeenCalledTimes(1);
    await settle();
    expect((area.items.get('compiledDictionary') as { compiledBy: string }).compiledBy).toBe('1.1.0');
  });

  it('compiles as before where the copy cannot be read or kept', async () => {
    const db = await seededDb();
    const broken: SessionArea = {
      get: async () => ({ compiledDictionary: { version: 7 } }), // not a dictionary
      set: async () => { throw new Error('QUOTA_BYTES quota exceeded'); },
      remove: async () => undefined,
    };
    const dict = await new DictionaryCache(db, undefined, new KeptDictionary(broken, '1.0.0')).get();
    expect(finds(dict, 'Sajid Javid and the GDS')).toBe(2);
  });
});
