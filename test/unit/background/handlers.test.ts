import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unpackEntities } from '../../../src/shared/packed-entities';

// handlers.ts may reach the browser API (runtime.getURL for our own origin, storage.local for the
// reader's switches); unit tests have none.
const stored = vi.hoisted(() => ({ values: {} as Record<string, unknown> }));
/** What scripting.executeScript was asked to inject, in order; `refuse` makes the next calls fail. */
const scripting = vi.hoisted(() => ({ injected: [] as unknown[], refuse: false }));
vi.mock('../../../src/platform/browser', () => ({
  default: {
    runtime: { id: 'sound-familiar-test', getURL: (path: string) => `chrome-extension://sound-familiar-test/${path}` },
    tabs: { create: async () => ({ id: 1 }), query: async () => [], sendMessage: async () => undefined },
    scripting: {
      executeScript: async (details: unknown) => {
        if (scripting.refuse) throw new Error('Cannot access contents of the page.');
        scripting.injected.push(details);
      },
    },
    storage: {
      local: {
        get: async (keys: string | string[]) => Object.fromEntries([keys].flat().filter((k) => k in stored.values).map((k) => [k, stored.values[k]])),
      },
    },
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
  stored.values = {};
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const TAB: Runtime.MessageSender = { id: 'sound-familiar-test', tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, url: 'https://www.gov.uk/news', frameId: 0 };

describe('page/start', () => {
  it('returns the dictionary, as it is now after a change', async () => {
    const { handlers, db, dictionary } = await setup();
    const old = (await handlers['page/dictionary']({ text: null, needsCode: false }, TAB)).dictionary!;
    expect(unpackEntities(old.entities)).toHaveLength(builtinEntities().length);
    await db.entities.update('gds', { modified: 99_999 });
    dictionary.invalidate();
    const fresh = (await handlers['page/dictionary']({ text: null, needsCode: false }, TAB)).dictionary!;
    expect(fresh.version).not.toBe(old.version);
  });

  it('says the site is on, with no dictionary for a page without claims (its text decides), unless the reader switched the sender\'s own host off', async () => {
    const { handlers } = await setup();
    expect(await handlers['page/start']({}, TAB)).toEqual({ enabled: true, dictionary: null, claims: null, echoes: true });
    stored.values = { disabledHosts: ['www.gov.uk'] };
    expect(await handlers['page/start']({}, TAB)).toEqual({ enabled: false, dictionary: null, claims: null, echoes: false });
    // Another site's switch, or the same host inside another site's page, is not this frame's.
    expect((await handlers['page/start']({}, { ...TAB, url: 'https://www.bbc.co.uk/news/www.gov.uk' })).enabled).toBe(true);
    expect((await handlers['page/start']({}, { ...TAB, url: undefined })).enabled).toBe(false);
  });

  it('waits for seeding to finish before answering', async () => {
    let release!: () => void;
    const ready = new Promise<void>((resolve) => (release = resolve));
    const { handlers } = await setup(ready);
    let answered = false;
    const pending = Promise.resolve(handlers['page/dictionary']({ text: null, needsCode: false }, TAB)).then((d) => ((answered = true), d));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    release();
    expect(unpackEntities((await pending).dictionary!.entities)).toHaveLength(builtinEntities().length);
  });
});

describe('page/start: the page\'s claims and the echo switch come with it', () => {
  it('gives the sender\'s own page\'s claims (none here) and follows the echo switches for its host', async () => {
    const { handlers } = await setup();
    expect(await handlers['page/start']({}, TAB)).toMatchObject({ claims: null, echoes: true });
    stored.values = { echoesOffHosts: ['www.gov.uk'] };
    expect((await handlers['page/start']({}, TAB)).echoes).toBe(false);
    expect((await handlers['page/start']({}, { ...TAB, url: 'https://www.bbc.co.uk/news' })).echoes).toBe(true);
    stored.values = { echoesOff: true };
    expect((await handlers['page/start']({}, { ...TAB, url: 'https://www.bbc.co.uk/news' })).echoes).toBe(false);
  });

  it('gives a page\'s saved claims to that page only', async () => {
    const { handlers } = await setup();
    const EDITOR: Runtime.MessageSender = { id: 'sound-familiar-test', url: 'chrome-extension://sound-familiar-test/editor.html' };
    const target = {
      source: 'https://www.gov.uk/news',
      selector: [{ type: 'TextQuoteSelector' as const, exact: 'a call to arms', prefix: '', suffix: '' }, { type: 'TextPositionSelector' as const, start: 10, end: 24 }] as const,
    };
    const { draftId } = await handlers['draft/start']({ target: { ...target, selector: [...target.selector] }, pageTitle: 'News', pageDate: null, claimant: null, entities: ['gds'], mode: 'claim' }, TAB);
    const claim = await handlers['draft/save']({ id: draftId, fields: { claimant: null, entities: ['gds'], madeOn: '2022-06-09', claimType: 'promise', status: 'made', deadline: null, note: '', tags: [] } }, EDITOR);
    // The page with a claim gets the dictionary with it, whatever its text: the claim is painted.
    expect(await handlers['page/start']({}, TAB)).toMatchObject({ claims: { claims: [expect.objectContaining({ id: claim.id })], reveal: null }, dictionary: { version: expect.any(String) } });
    expect(await handlers['page/start']({}, { ...TAB, url: 'https://www.gov.uk/other' })).toMatchObject({ claims: null, dictionary: null });
  });
});

describe('page/dictionary: a page without claims gets the dictionary only if its text could name something', () => {
  it('answers text that names nothing with no dictionary, and text that names a body with it', async () => {
    const { handlers } = await setup();
    expect(await handlers['page/dictionary']({ text: 'The weather was fine across the country on Tuesday.', needsCode: false }, TAB)).toEqual({ verdict: 'none', dictionary: null });
    // Block boundaries join with nothing in the text the tab reads (scanned-text.ts): still found.
    expect(await handlers['page/dictionary']({ text: 'Staff at theGovernment Digital\nService said so.', needsCode: false }, TAB)).toMatchObject({ verdict: 'maybe', dictionary: { version: expect.any(String) } });
    // Only a name that needs the entity named on its own elsewhere, which the text does not: nothing to show.
    expect(await handlers['page/dictionary']({ text: 'As Mr Javid said on Tuesday.', needsCode: false }, TAB)).toEqual({ verdict: 'context-only', dictionary: null });
    // No text (too long to send, or the reader acts): the dictionary in any case.
    expect(await handlers['page/dictionary']({ text: null, needsCode: false }, TAB)).toMatchObject({ verdict: 'maybe', dictionary: { version: expect.any(String) } });
  });

  it("injects the session's code into the asking document before it sends the dictionary, saving the frame a 'page/code' round trip", async () => {
    const { handlers } = await setup();
    const tab = { ...TAB, documentId: 'doc-1' } as Runtime.MessageSender;
    scripting.injected.length = 0;
    expect(await handlers['page/dictionary']({ text: 'The weather was fine across the country on Tuesday.', needsCode: true }, tab)).toMatchObject({ dictionary: null });
    expect(scripting.injected).toEqual([]);
    let injectedFirst = false;
    const reply = Promise.resolve(handlers['page/dictionary']({ text: 'The Government Digital Service said so.', needsCode: true }, tab));
    void reply.then(() => (injectedFirst = scripting.injected.length === 1));
    expect(await reply).toMatchObject({ verdict: 'maybe', dictionary: { version: expect.any(String) } });
    expect(scripting.injected).toEqual([{ target: { tabId: 7, documentIds: ['doc-1'] }, files: ['content-session.js'] }]);
    expect(injectedFirst).toBe(true);
  });

  it('injects nothing into a frame that has the code (a restart), or whose document the browser does not name (Firefox)', async () => {
    // Review 20: on 3a6947d every restart injected the 59 KB script again, and in Firefox a frame
    // that navigated while its text was read could be given it.
    const { handlers } = await setup();
    scripting.injected.length = 0;
    await handlers['page/dictionary']({ text: null, needsCode: false }, { ...TAB, documentId: 'doc-1' } as Runtime.MessageSender);
    await handlers['page/dictionary']({ text: null, needsCode: true }, TAB);
    expect(scripting.injected).toEqual([]);
  });

  it('still sends the dictionary where the frame refuses the code (the frame asks for it, and reports)', async () => {
    const { handlers } = await setup();
    scripting.refuse = true;
    try {
      expect(await handlers['page/dictionary']({ text: null, needsCode: true }, { ...TAB, documentId: 'doc-1' } as Runtime.MessageSender)).toMatchObject({ verdict: 'maybe', dictionary: { version: expect.any(String) } });
    } finally {
      scripting.refuse = false;
    }
  });

  it('sends nothing to a site the reader switched off, whatever its text', async () => {
    const { handlers } = await setup();
    stored.values = { disabledHosts: ['www.gov.uk'] };
    expect(await handlers['page/dictionary']({ text: 'Government Digital Service', needsCode: false }, TAB)).toEqual({ verdict: 'none', dictionary: null });
    expect(await handlers['page/dictionary']({ text: null, needsCode: false }, TAB)).toEqual({ verdict: 'none', dictionary: null });
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
    expect(allowBackgroundSender(TAB, 'page/start')).toBe(true);
    expect(allowBackgroundSender(TAB, 'entity/get')).toBe(true);
  });

  it('refuses content-script calls without sender.tab (or without a tab id)', () => {
    expect(allowBackgroundSender({ id: 'sound-familiar-test' }, 'page/start')).toBe(false);
    expect(allowBackgroundSender({ id: 'sound-familiar-test', url: 'https://evil.example/' }, 'entity/get')).toBe(false);
    expect(allowBackgroundSender({ ...TAB, tab: { ...TAB.tab!, id: undefined } }, 'entity/get')).toBe(false);
  });
});

describe('echoes/find and the tabs told of changes', () => {
  const EXT: Runtime.MessageSender = { id: 'sound-familiar-test', url: 'chrome-extension://sound-familiar-test/editor.html' };

  it('tells the tabs once per change, and the next echoes/find sees the change', async () => {
    const db = openDb(`handlers-test-${++counter}`);
    opened.push(db);
    await seedBuiltins(db, builtinEntities(), () => 1000);
    const refreshTabs = vi.fn(async () => undefined);
    const handlers = backgroundHandlers(db, new DictionaryCache(db), Promise.resolve(), { openTab: async () => 1, refreshTabs, today: () => '2026-12-06' });
    const sentence = 'Every parish council will publish its minutes on a shared open platform for all residents by 2031.';
    expect((await handlers['echoes/find']({ sentences: [sentence], pageDate: '2032-01-01' }, TAB))[0]).toEqual([]);
    // Regression: wrapping refreshTabs to drop the echo index once called itself for ever.
    await handlers['entity/create']({ kind: 'initiative', name: 'Parish Minutes Platform', summary: '' }, EXT);
    expect(refreshTabs).toHaveBeenCalledTimes(1);
    expect(refreshTabs).toHaveBeenCalledWith(true, undefined);
  });
});
