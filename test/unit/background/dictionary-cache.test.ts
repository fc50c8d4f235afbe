import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb, type SoundFamiliarDb } from '../../../src/background/db';
import { DictionaryCache } from '../../../src/background/dictionary-cache';
import { seedBuiltins } from '../../../src/background/seed';
import { builtinEntities } from '../../../src/background/builtin-kb';
import { loadDictionary } from '../../../src/content/scan/loaded-dictionary';
import { PRIVATE } from '../../../src/shared/matcher/alias-rules';
import { findMatches } from '../../../src/shared/matcher/search';
import { unpackEntities } from '../../../src/shared/packed-entities';

let counter = 0;
const opened: SoundFamiliarDb[] = [];
async function seededDb(): Promise<SoundFamiliarDb> {
  const db = openDb(`cache-test-${++counter}`);
  opened.push(db);
  await seedBuiltins(db, builtinEntities(), () => 1000);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('DictionaryCache', () => {
  it('compiles the database into a dictionary that finds the knowledge base', async () => {
    const cache = new DictionaryCache(await seededDb());
    const dict = await cache.get();
    expect(unpackEntities(dict.entities)).toHaveLength(builtinEntities().length);
    const loaded = loadDictionary(dict);
    expect(findMatches(loaded.searcher, ('Sajid Javid and the GDS'))).toHaveLength(2);
  });

  it('builds once and serves the cached result until invalidated', async () => {
    const db = await seededDb();
    const cache = new DictionaryCache(db);
    const spy = vi.spyOn(db.entities, 'toArray');
    const first = await cache.get();
    const second = await cache.get();
    expect(second).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);

    await db.entities.update('gds', { aliases: ['GDS', 'Digital Service Unit'], modified: 5000 });
    expect((await cache.get()).version).toBe(first.version); // stale until told
    cache.invalidate();
    const third = await cache.get();
    expect(spy).toHaveBeenCalledTimes(2);
    expect(third.version).not.toBe(first.version);
    expect(findMatches(loadDictionary(third).searcher, ('the Digital Service Unit'))).toHaveLength(1);
  });

  it('shares one build between concurrent callers', async () => {
    const db = await seededDb();
    const cache = new DictionaryCache(db);
    const spy = vi.spyOn(db.entities, 'toArray');
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('does not cache a failed build', async () => {
    const db = await seededDb();
    const cache = new DictionaryCache(db);
    const spy = vi.spyOn(db.entities, 'toArray').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(cache.get()).rejects.toThrow('disk on fire');
    await Promise.resolve(); // let the cache drop the failed promise
    const dict = await cache.get();
    expect(unpackEntities(dict.entities)).toHaveLength(builtinEntities().length);
    expect(spy).toHaveBeenCalledTimes(2);
  });
});

describe('DictionaryCache and the built-ins', () => {
  it('takes the shipped names from the built-ins it is given: the worker reads the files once a wake', async () => {
    const db = await seededDb();
    const gds = builtinEntities().find((e) => e.id === 'gds')!;
    expect(gds.aliases).toContain('GDS');
    const privateHere = async (cache: DictionaryCache) => {
      const loaded = loadDictionary(await cache.get());
      const [match] = findMatches(loaded.searcher, 'said the GDS team');
      const flags = loaded.searcher.automaton.variantFlags;
      return match!.variants.map((v) => (flags[v]! & PRIVATE) !== 0);
    };
    // As if GDS had not shipped with the name: then the name is the reader's own, painted privately.
    const without = builtinEntities().map((e) => (e.id === 'gds' ? { ...e, aliases: e.aliases.filter((a) => a !== 'GDS') } : e));
    expect(await privateHere(new DictionaryCache(db, () => without))).toEqual([true]);
    expect(await privateHere(new DictionaryCache(db))).toEqual([false]);
  });
});
