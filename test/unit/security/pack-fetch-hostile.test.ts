// Security review of pack fetching (issue 14): the pack server is hostile. It may lie about the
// length, never stop sending, stall, send bytes that are not UTF-8, redirect to plain http, answer
// the signature file with an error instead of a 404, or send a 304 nobody asked for. Each case must
// end in a refusal that keeps the last good copy, with no unbounded read. And the addresses a
// pack message may name: https only, no credentials or port. Cases beside
// test/unit/background/packs/subscription-fetch.test.ts and subscriptions.test.ts.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Every host permission counts as granted, and the reader has no sites of their own.
vi.mock('../../../src/platform/browser', () => import('../helpers/browser-stub'));

import { openDb, type SoundFamiliarDb } from '../../../src/background/db';
import { fetchPack, fetchSignature, FetchProblem, type Fetcher } from '../../../src/background/packs/subscription-fetch';
import { refresh, subscribe } from '../../../src/background/packs/subscriptions';
import { packUrl } from '../../../src/shared/pack-url';
import { PACK_LIMITS } from '../../../src/shared/packs/pack-types';
import { sitePackValidators } from '../../../src/shared/site-pack-calls';
import { goodPack, packText } from '../../fixtures/packs/make-pack';

const URL_ = 'https://packs.example.org/test-pack.json';
const CHUNK = 64 * 1024;

/** A body of `chunks` pieces of CHUNK bytes (endless if Infinity), counting how many were pulled. */
function streamed(chunks: number, signal?: AbortSignal) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= chunks) return controller.close();
      state.pulled++;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  signal?.addEventListener('abort', () => state.cancelled = true);
  return { body, state };
}

/** A Response whose final URL (after redirects) is `url`, as fetch() reports it. */
function at(url: string, response: Response): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

describe('a server that lies about size or never stops', () => {
  it('a Content-Length far below the body does not lift the cap: reading stops just past 5 MB', async () => {
    const { body, state } = streamed(Infinity);
    const fetcher: Fetcher = async () => at(URL_, new Response(body, { status: 200, headers: { 'content-length': '10' } }));
    await expect(fetchPack(URL_, undefined, fetcher)).rejects.toThrow(new FetchProblem('The pack is larger than 5 MB.'));
    expect(state.pulled * CHUNK).toBeLessThanOrEqual(PACK_LIMITS.bytes + 2 * CHUNK);
    expect(state.cancelled).toBe(true);
  });

  it('a garbage or negative Content-Length changes nothing', async () => {
    for (const length of ['abc', '-1', '1e99999', '']) {
      const { body } = streamed(Infinity);
      const fetcher: Fetcher = async () => at(URL_, new Response(body, { status: 200, headers: { 'content-length': length } }));
      await expect(fetchPack(URL_, undefined, fetcher)).rejects.toThrow('larger than 5 MB');
    }
  });

  it('an endless signature file is cut at its own small limit', async () => {
    const { body, state } = streamed(Infinity);
    const fetcher: Fetcher = async () => at(`${URL_}.sig`, new Response(body, { status: 200 }));
    await expect(fetchSignature(URL_, fetcher)).rejects.toThrow(FetchProblem);
    // One chunk read, one more queued ahead by the stream: nothing like the whole body.
    expect(state.pulled).toBeLessThanOrEqual(2);
  });

  it('a body that stalls after the headers is given up at the time limit', async () => {
    const fetcher: Fetcher = async (_url, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          init.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
        },
      });
      return at(URL_, new Response(body, { status: 200 }));
    };
    await expect(fetchPack(URL_, undefined, fetcher, 50)).rejects.toThrow();
  });

  it('a server that never answers is given up at the time limit, in plain words', async () => {
    const fetcher: Fetcher = (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    await expect(fetchPack(URL_, undefined, fetcher, 50)).rejects.toThrow(/^The server did not answer within/);
  });
});

describe('a server that sends the wrong thing', () => {
  it('bytes that are not UTF-8 are refused, not decoded with replacement characters', async () => {
    const bytes = new TextEncoder().encode(packText());
    const bad = new Uint8Array([...bytes.slice(0, 20), 0xc3, 0x28, ...bytes.slice(20)]);
    const fetcher: Fetcher = async () => at(URL_, new Response(bad, { status: 200 }));
    await expect(fetchPack(URL_, undefined, fetcher)).rejects.toThrow('The pack is not UTF-8 text.');
  });

  it.each([['http://packs.example.org/test-pack.json'], ['http://evil.example/pack.json']])('a pack or signature that ends up at %s is refused', async (final) => {
    const fetcher: Fetcher = async () => at(final, new Response(packText(), { status: 200 }));
    await expect(fetchPack(URL_, undefined, fetcher)).rejects.toThrow('redirected away from https');
    await expect(fetchSignature(URL_, fetcher)).rejects.toThrow('redirected away from https');
  });

  it.each([[401], [403], [410], [451], [500], [503]])('a signature file answered with HTTP %i is an error, never "unsigned"', async (status) => {
    const fetcher: Fetcher = async (url) => at(url, new Response('nope', { status }));
    await expect(fetchSignature(URL_, fetcher)).rejects.toThrow(FetchProblem);
  });

  it('a 304 nobody asked for (no ETag was sent) is not taken as "not modified"', async () => {
    const fetcher: Fetcher = async () => at(URL_, new Response(null, { status: 304 }));
    await expect(fetchPack(URL_, undefined, fetcher)).rejects.toThrow(FetchProblem);
  });

  it('an ETag longer than 200 characters is not kept (it is sent back on every refresh)', async () => {
    const fetcher: Fetcher = async () => at(URL_, new Response(packText(), { status: 200, headers: { etag: `"${'x'.repeat(300)}"` } }));
    const got = await fetchPack(URL_, undefined, fetcher);
    expect(got).toEqual({ status: 'ok', text: packText() });
  });
});

describe('refresh against a hostile server keeps the last good copy', () => {
  let db: SoundFamiliarDb;
  let n = 0;
  beforeEach(() => {
    db = openDb(`pack-fetch-hostile-${++n}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('a refused update\'s ETag is never stored, so the server cannot later answer 304 for it', async () => {
    const sent: (string | null)[] = [];
    let text = packText();
    let etag = '"good"';
    const fetcher: Fetcher = async (url, init) => {
      if (url.endsWith('.sig')) return at(url, new Response('', { status: 404 }));
      const asked = new Headers(init.headers).get('if-none-match');
      sent.push(asked);
      if (asked === '"bad"') return at(url, new Response(null, { status: 304 }));
      return at(url, new Response(text, { status: 200, headers: { etag } }));
    };
    const deps = { fetcher, now: () => 1000, afterChange: async () => undefined };
    await subscribe(db, URL_, deps);
    const bad = goodPack();
    bad.entities[0].aliases.push('the');
    text = packText(bad);
    etag = '"bad"';
    await refresh(db, URL_, { ...deps, now: () => 2000 });
    await refresh(db, URL_, { ...deps, now: () => 3000 });
    expect(sent).toEqual([null, '"good"', '"good"']);
    const row = (await db.packs.get('test-pack'))!;
    expect(row).toMatchObject({ etag: '"good"', lastSuccess: 1000, text: packText() });
    expect(row.lastError).toMatch(/"the" is a common word/);
  });

  it('a huge update is refused and recorded; the entities stay as they were', async () => {
    let huge = false;
    const fetcher: Fetcher = async (url) => {
      if (url.endsWith('.sig')) return at(url, new Response('', { status: 404 }));
      return at(url, new Response(huge ? streamed(Infinity).body : packText(), { status: 200 }));
    };
    const deps = { fetcher, now: () => 1000, afterChange: async () => undefined };
    await subscribe(db, URL_, deps);
    const before = (await db.entities.toArray()).map((e) => e.id).sort();
    huge = true;
    await refresh(db, URL_, { ...deps, now: () => 2000 });
    expect((await db.packs.get('test-pack'))!.lastError).toBe('The pack is larger than 5 MB.');
    expect((await db.entities.toArray()).map((e) => e.id).sort()).toEqual(before);
  });
});

describe('which addresses a pack message may name', () => {
  it.each([
    'http://example.org/p.json', 'javascript:alert(1)', 'data:application/json,{}', 'file:///tmp/p.json', 'ftp://example.org/p.json',
    'https://user:pw@example.org/p.json', 'https://example.org:8443/p.json', 'https://127.0.0.1/p.json', 'https://localhost/p.json',
    'https://example.org/p.json#frag', 'https://EXAMPLE.org/p.json', 'https://example.org/a b.json', `https://example.org/${'a'.repeat(2048)}`,
    'chrome-extension://abcdef/p.json', '//example.org/p.json', '/p.json',
  ])('packs/subscribe, refresh and unsubscribe refuse %j', (url) => {
    for (const call of ['packs/subscribe', 'packs/refresh', 'packs/unsubscribe'] as const) expect(sitePackValidators[call]({ url })).toBe(false);
  });

  it('refuses extra fields', () => {
    expect(sitePackValidators['packs/subscribe']({ url: 'https://example.org/p.json', signed: true })).toBe(false);
    expect(sitePackValidators['packs/subscribe']({ url: 'https://example.org/p.json', publicKey: 'A' })).toBe(false);
  });

  it('the options page normalises what the reader typed to the one form the validator accepts, or refuses it', () => {
    expect(packUrl(' https://Example.org/p.json#top ')).toBe('https://example.org/p.json');
    expect(sitePackValidators['packs/subscribe']({ url: packUrl(' https://Example.org/p.json#top ') })).toBe(true);
    for (const typed of ['http://example.org/p.json', 'https://user@example.org/p.json', 'https://example.org:444/p.json', 'javascript:alert(1)']) expect(packUrl(typed)).toBeNull();
  });
});
