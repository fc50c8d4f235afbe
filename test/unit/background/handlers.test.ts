import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

// handlers.ts may reach the browser API (runtime.getURL for our own origin); unit tests have none.
vi.mock('../../../src/platform/browser', () => ({
  default: {
    runtime: { id: 'sound-familiar-test', getURL: (path: string) => `chrome-extension://sound-familiar-test/${path}` },
    tabs: { create: async () => ({ id: 1 }), query: async () => [], sendMessage: async () => undefined },
  },
}));

import { builtinEntities } from '../../../src/background/builtin-kb';
import { openDb, type SoundFamiliarDb } from '../../../src/background/db';
import { DictionaryCache } from '../../../src/background/dictionary-cache';
import { allowBackgroundSender, backgroundHandlers } from '../../../src/background/handlers';
import { seedBuiltins } from '../../../src/background/seed';
import type { Runtime } from '../../../src/platform/browser';

let counter = 0;
const opened: SoundFamiliarDb[] = [];
async function setup(ready: Promise<unknown> = Promise.resolve()) {
  const db = openDb(`handlers-test-${++counter}`);
  opened.push(db);
  await seedBuiltins(db, builtinEntities(), () => 1000);
  const dictionary = new DictionaryCache(db);
  return { db, dictionary, handlers: backgroundHandlers(db, dictionary, ready) };
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const TAB: Runtime.MessageSender = { id: 'sound-familiar-test', tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, url: 'https://www.gov.uk/news', frameId: 0 };

describe('dictionary/get', () => {
  it('returns the dictionary to a tab that has none, and null to a tab that has the current one', async () => {
    const { handlers } = await setup();
    const dict = await handlers['dictionary/get']({ have: null }, TAB);
    expect(dict).not.toBeNull();
    expect(dict!.entities).toHaveLength(builtinEntities().length);
    expect(await handlers['dictionary/get']({ have: dict!.version }, TAB)).toBeNull();
  });

  it('returns the current dictionary to a tab holding a stale version', async () => {
    const { handlers, db, dictionary } = await setup();
    const old = (await handlers['dictionary/get']({ have: null }, TAB))!;
    await db.entities.update('gds', { modified: 99_999 });
    dictionary.invalidate();
    const fresh = await handlers['dictionary/get']({ have: old.version }, TAB);
    expect(fresh).not.toBeNull();
    expect(fresh!.version).not.toBe(old.version);
  });

  it('waits for seeding to finish before answering', async () => {
    let release!: () => void;
    const ready = new Promise<void>((resolve) => (release = resolve));
    const { handlers } = await setup(ready);
    let answered = false;
    const pending = Promise.resolve(handlers['dictionary/get']({ have: null }, TAB)).then((d) => ((answered = true), d));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    release();
    expect((await pending)!.entities).toHaveLength(builtinEntities().length);
  });
});

describe('entity/get', () => {
  it('returns the stored entity with its history and sources', async () => {
    const { handlers } = await setup();
    const e = await handlers['entity/get']({ id: 'sajid-javid' }, TAB);
    expect(e?.name).toBe('Sajid Javid');
    expect(e?.events.length).toBeGreaterThan(0);
    expect(e?.sources.length).toBeGreaterThan(0);
    expect(e?.origin).toBe('builtin');
  });

  it('returns null for an unknown id', async () => {
    const { handlers } = await setup();
    expect(await handlers['entity/get']({ id: 'no-such-entity' }, TAB)).toBeNull();
  });
});

describe('allowBackgroundSender', () => {
  it('accepts content-script calls from a tab', () => {
    expect(allowBackgroundSender(TAB, 'dictionary/get')).toBe(true);
    expect(allowBackgroundSender(TAB, 'entity/get')).toBe(true);
  });

  it('refuses content-script calls without sender.tab (or without a tab id)', () => {
    expect(allowBackgroundSender({ id: 'sound-familiar-test' }, 'dictionary/get')).toBe(false);
    expect(allowBackgroundSender({ id: 'sound-familiar-test', url: 'https://evil.example/' }, 'entity/get')).toBe(false);
    expect(allowBackgroundSender({ ...TAB, tab: { ...TAB.tab!, id: undefined } }, 'entity/get')).toBe(false);
  });
});
