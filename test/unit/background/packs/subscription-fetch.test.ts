// Fetching a subscribed pack: conditional requests, no credentials, the size cap enforced while
// reading (not trusted from Content-Length), https-only redirects, and plain-words errors.
import { describe, expect, it } from 'vitest';
import { fetchPack, fetchSignature, FetchProblem, type Fetcher } from '../../../../src/background/packs/subscription-fetch';

const URL_ = 'https://packs.example.org/p.json';

/** A fetcher that records its calls and answers with `make`. */
function fake(make: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher: Fetcher = async (url, init) => {
    calls.push({ url, init });
    return make(url, init);
  };
  return { fetcher, calls };
}

/** A body that yields `chunks` chunks of `size` bytes, counting how many were pulled. */
function streamed(chunks: number, size: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { body, pulled: () => pulled };
}

describe('fetchPack', () => {
  it('omits credentials, bypasses the HTTP cache and sends the last ETag', async () => {
    const { fetcher, calls } = fake(() => new Response('{"a":1}', { status: 200, headers: { etag: '"v2"' } }));
    expect(await fetchPack(URL_, '"v1"', fetcher)).toEqual({ status: 'ok', text: '{"a":1}', etag: '"v2"' });
    expect(calls[0]!.init).toMatchObject({ credentials: 'omit', cache: 'no-store', headers: { 'If-None-Match': '"v1"' } });
    expect(calls[0]!.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads 304 as "not modified"', async () => {
    const { fetcher } = fake(() => new Response(null, { status: 304 }));
    expect(await fetchPack(URL_, '"v1"', fetcher)).toEqual({ status: 'not-modified' });
  });

  it('stops reading past 5 MB even when Content-Length says nothing', async () => {
    const s = streamed(1000, 64 * 1024); // 64 MB on offer
    const { fetcher } = fake(() => new Response(s.body, { status: 200 }));
    await expect(fetchPack(URL_, undefined, fetcher)).rejects.toThrow('The pack is larger than 5 MB.');
    expect(s.pulled()).toBeLessThan(90); // about 5 MB read, not 64
  });

  it('refuses a declared oversize body without reading it', async () => {
    const s = streamed(10, 10);
    const { fetcher } = fake(() => new Response(s.body, { status: 200, headers: { 'content-length': '6000000' } }));
    await expect(fetchPack(URL_, undefined, fetcher)).rejects.toThrow('larger than 5 MB');
    expect(s.pulled()).toBeLessThanOrEqual(1);
  });

  it('says what went wrong in plain words', async () => {
    await expect(fetchPack(URL_, undefined, fake(() => new Response('x', { status: 404 })).fetcher)).rejects.toThrow('no longer at its address (HTTP 404)');
    await expect(fetchPack(URL_, undefined, fake(() => new Response('x', { status: 503 })).fetcher)).rejects.toThrow('HTTP 503');
    await expect(fetchPack(URL_, undefined, fake(() => Promise.reject(new TypeError('Failed to fetch'))).fetcher)).rejects.toThrow('could not be reached');
    const slow: Fetcher = (_u, init) => new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    await expect(fetchPack(URL_, undefined, slow, 20)).rejects.toThrow('did not answer within');
    await expect(fetchPack(URL_, undefined, fake(() => new Response(new Uint8Array([0xff, 0xfe, 0x00]))).fetcher)).rejects.toThrow('not UTF-8');
  });

  it('refuses a redirect to plain http', async () => {
    const res = new Response('{}', { status: 200 });
    Object.defineProperty(res, 'url', { value: 'http://packs.example.org/p.json' });
    await expect(fetchPack(URL_, undefined, fake(() => res).fetcher)).rejects.toBeInstanceOf(FetchProblem);
  });
});

describe('fetchSignature', () => {
  it('fetches <url>.sig; 404 means unsigned', async () => {
    const { fetcher, calls } = fake(() => new Response('nope', { status: 404 }));
    expect(await fetchSignature(URL_, fetcher)).toBeNull();
    expect(calls[0]!.url).toBe(`${URL_}.sig`);
  });

  it('refuses a signature file over its size limit, and a server error', async () => {
    await expect(fetchSignature(URL_, fake(() => new Response('x'.repeat(5000))).fetcher)).rejects.toThrow('larger than 1024 bytes');
    await expect(fetchSignature(URL_, fake(() => new Response('x', { status: 500 })).fetcher)).rejects.toThrow('HTTP 500');
  });
});
