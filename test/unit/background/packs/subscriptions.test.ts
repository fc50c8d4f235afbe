// Pack subscriptions against a real (fake-indexeddb) database and a fake server: subscribing keeps
// nothing when the pack fails its checks; an update that is invalid, wrongly signed, unsigned
// after signing, or unreachable keeps the last good copy and records why, without moving the time
// of the last success; unsubscribing removes the pack and gives the origin back only when nothing
// else needs it.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const removed: string[][] = [];
const sites: string[] = [];
const permission = { held: true };
vi.mock('../../../../src/platform/browser', () => ({
  default: {
    runtime: { getURL: (p: string) => `chrome-extension://test/${p}`, getManifest: () => ({ content_scripts: [] }) },
    permissions: {
      contains: async () => permission.held,
      remove: async ({ origins }: { origins: string[] }) => (removed.push(origins), true),
    },
    scripting: { getRegisteredContentScripts: async () => sites.map((o) => ({ id: `sf-site-${o}`, matches: [`https://${o}/*`] })) },
  },
}));

import { openDb, type SoundFamiliarDb } from '../../../../src/background/db';
import type { Fetcher } from '../../../../src/background/packs/subscription-fetch';
import { refresh, subscribe, unsubscribe } from '../../../../src/background/packs/subscriptions';
import { generateSigningKey, signPack, type SigningKeyFile } from '../../../../src/shared/packs/sign-pack';
import { goodPack, packText } from '../../../fixtures/packs/make-pack';

const URL_ = 'https://packs.example.org/test-pack.json';

/** A one-pack server: what is published at URL_ and its .sig (absent = 404). */
class Server {
  text: string | null = packText();
  sig: string | null = null;
  down = false;
  fetcher: Fetcher = async (url) => {
    if (this.down) throw new TypeError('Failed to fetch');
    const body = url.endsWith('.sig') ? this.sig : this.text;
    return body === null ? new Response('no', { status: 404 }) : new Response(body, { status: 200 });
  };
  async publish(text: string, key: SigningKeyFile | null) {
    this.text = text;
    this.sig = key ? JSON.stringify(await signPack(text, key)) : null;
  }
}

let db: SoundFamiliarDb;
let server: Server;
let clock = 1_000;
const deps = () => ({ fetcher: server.fetcher, now: () => clock, afterChange: async () => undefined });
let n = 0;
beforeEach(() => {
  db = openDb(`subscriptions-test-${++n}`);
  server = new Server();
  removed.length = 0;
  sites.length = 0;
  clock = 1_000;
  permission.held = true;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const names = async () => (await db.entities.where('origin').equals('pack').toArray()).flatMap((e) => [e.name, ...e.aliases]).sort();

describe('subscribe', () => {
  it('installs a valid unsigned pack and records the subscription', async () => {
    expect(await subscribe(db, URL_, deps())).toBe('test-pack');
    expect(await db.packSubscriptions.get(URL_)).toMatchObject({ url: URL_, packId: 'test-pack' });
    expect(await db.packs.get('test-pack')).toMatchObject({ signed: false, url: URL_, lastSuccess: clock });
    expect(await names()).toContain('Test Digital Office');
  });

  it('keeps nothing when the pack is invalid, or its signature does not match', async () => {
    const bad = goodPack();
    bad.entities[0].sources[0].url = 'http://example.org/launch';
    server.text = packText(bad);
    await expect(subscribe(db, URL_, deps())).rejects.toThrow(/not valid/);
    server.text = packText();
    server.sig = JSON.stringify(await signPack(packText({ ...goodPack(), meta: { ...goodPack().meta, version: '9.9.9' } }), await generateSigningKey()));
    await expect(subscribe(db, URL_, deps())).rejects.toThrow(/signature does not match/);
    expect(await db.packSubscriptions.count()).toBe(0);
    expect(await db.packs.count()).toBe(0);
    expect(await names()).toEqual([]);
  });
});

describe('refresh', () => {
  let key: SigningKeyFile;
  beforeEach(async () => {
    key = await generateSigningKey();
    await server.publish(packText(), key);
    await subscribe(db, URL_, deps());
    clock = 2_000;
  });

  it('applies a good update signed by the pinned key', async () => {
    const next = goodPack();
    next.meta.version = '1.1.0';
    next.entities[0].aliases.push('Test Digital Bureau');
    await server.publish(packText(next), key);
    await refresh(db, URL_, deps());
    expect(await names()).toContain('Test Digital Bureau');
    expect(await db.packs.get('test-pack')).toMatchObject({ lastSuccess: 2_000 });
    expect((await db.packs.get('test-pack'))!.lastError).toBeUndefined();
  });

  it.each([
    ['invalid', async () => server.publish('{"format":1', key), /not valid/],
    ['signed by another key', async () => server.publish(packText(), await generateSigningKey()), /different key/],
    ['no longer signed', async () => server.publish(packText(), null), /not signed/],
    ['unreachable', async () => void (server.down = true), /could not be reached/],
    ['not allowed any more (withdrawn in the browser)', async () => void (permission.held = false), /no longer allowed to read packs\.example\.org/],
    ['a different pack at the same address', async () => server.publish(packText({ ...goodPack(), meta: { ...goodPack().meta, id: 'other-pack' } }), key), /different pack/],
  ])('keeps the last good copy when the update is %s, and says why', async (_what, change, why) => {
    const before = await names();
    await change();
    await refresh(db, URL_, deps());
    const row = (await db.packs.get('test-pack'))!;
    expect(row.lastError).toMatch(why);
    expect(row.lastSuccess).toBe(1_000);
    expect(row.fetchedAt).toBe(2_000);
    expect(await names()).toEqual(before);
    expect(await db.packs.count()).toBe(1);
  });
});

describe('unsubscribe', () => {
  it('removes the pack and its entities and gives the origin back', async () => {
    await subscribe(db, URL_, deps());
    await unsubscribe(db, URL_, deps());
    expect(await db.packSubscriptions.count()).toBe(0);
    expect(await names()).toEqual([]);
    expect(removed).toEqual([['https://packs.example.org/*']]);
  });

  it('keeps the origin while one of the reader\'s sites is there', async () => {
    await subscribe(db, URL_, deps());
    sites.push('packs.example.org');
    await unsubscribe(db, URL_, deps());
    expect(removed).toEqual([]);
  });
});
