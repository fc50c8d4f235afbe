// Security finding F13: with redirects followed, a hop to plain http was requested (its request
// visible to, and its answer chosen by, the network) before the final URL was checked. Redirects
// are now never followed: the fetcher is asked not to, and a redirect answer is refused, so no
// plain-http request is made. An https→https redirect is refused too (its hops cannot be
// inspected from an opaque redirect).
import { describe, expect, it } from 'vitest';
import { fetchPack, fetchSignature, FetchProblem, type Fetcher } from '../../../src/background/packs/subscription-fetch';
import { packText } from '../../fixtures/packs/make-pack';

const URL_ = 'https://packs.example.org/test-pack.json';

/** A fetcher that behaves as the browser does for `redirect`, the server redirecting to `to`; it records every URL requested. */
function redirecting(to: (url: string) => string) {
  const requested: string[] = [];
  const fetcher: Fetcher = async (url, init) => {
    requested.push(url);
    if (init.redirect === 'manual') {
      // What an extension's fetch gives for a redirect it did not follow: status 0, no Location.
      const opaque = new Response(null, { status: 302 });
      Object.defineProperties(opaque, { type: { value: 'opaqueredirect' }, status: { value: 0 }, ok: { value: false } });
      return opaque;
    }
    if (init.redirect === 'error') throw new TypeError('Failed to fetch');
    const final = to(url);
    requested.push(final);
    const response = new Response(packText(), { status: 200 });
    Object.defineProperty(response, 'url', { value: final });
    return response;
  };
  return { fetcher, requested };
}

describe('redirects are never followed (F13)', () => {
  it('a redirect to plain http is refused without the http address being requested', async () => {
    const { fetcher, requested } = redirecting((url) => url.replace('https://', 'http://'));
    await expect(fetchPack(URL_, undefined, fetcher)).rejects.toThrow(FetchProblem);
    await expect(fetchSignature(URL_, fetcher)).rejects.toThrow(FetchProblem);
    expect(requested.filter((u) => !u.startsWith('https://'))).toEqual([]);
  });

  it('an https redirect is refused too, with a message that says so', async () => {
    const { fetcher, requested } = redirecting(() => 'https://elsewhere.example/pack.json');
    await expect(fetchPack(URL_, undefined, fetcher)).rejects.toThrow('The pack\'s address redirects elsewhere; Sound Familiar does not follow redirects.');
    await expect(fetchSignature(URL_, fetcher)).rejects.toThrow('The signature file\'s address redirects elsewhere');
    expect(requested).toEqual([URL_, `${URL_}.sig`]);
  });

  it('a plain 3xx answer (as a non-browser fetch gives) is refused as a redirect', async () => {
    const fetcher: Fetcher = async () => new Response(null, { status: 301, headers: { location: 'http://evil.example/p.json' } });
    await expect(fetchPack(URL_, undefined, fetcher)).rejects.toThrow('redirects elsewhere');
  });
});
