// Fetches a subscribed pack and its detached signature: no cookies or credentials, a conditional
// request with the last ETag, no redirect followed (one is refused), a time limit, and a size
// limit enforced while reading (the body stops being read past it, whatever Content-Length
// claimed). Errors are plain sentences for the options page. Validating what arrives is the
// caller's job.

import { PACK_LIMITS } from '../../shared/packs/pack-types';
import { SIGNATURE_FILE_LIMIT } from '../../shared/packs/signature';

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export const FETCH_TIMEOUT_MS = 30_000;

export type PackFetch = { status: 'not-modified' } | { status: 'ok'; text: string; etag?: string };

export class FetchProblem extends Error {}

async function get(url: string, headers: Record<string, string>, fetcher: Fetcher, timeoutMs: number, what = 'pack'): Promise<Response> {
  try {
    return await fetcher(url, {
      credentials: 'omit',
      // Our own If-None-Match is the only cache there is: the HTTP cache would answer for the server.
      cache: 'no-store',
      // Never follow: a followed redirect to plain http would already have been requested before
      // its final URL could be checked, and the hops of an opaque redirect cannot be inspected.
      redirect: 'manual',
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new FetchProblem(`The server did not answer within ${Math.round(timeoutMs / 1000)} seconds.`);
    }
    throw new FetchProblem(`The ${what} could not be reached (no connection, or the server refused it).`);
  }
}

/** The body as text, read no further than `limit` UTF-8 bytes. */
export async function readCapped(response: Response, limit: number, what: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw new FetchProblem(`The ${what} is larger than ${formatBytes(limit)}.`);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new FetchProblem(`The ${what} is larger than ${formatBytes(limit)}.`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FetchProblem(`The ${what} is not UTF-8 text.`);
  }
}

const formatBytes = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000} MB` : `${n} bytes`);

/** Refuses a redirect (which is never followed) and, should one have been followed anyway, a final URL that is not https. */
async function checkNotRedirected(response: Response, what: string, file = 'pack'): Promise<void> {
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304)) {
    await response.body?.cancel();
    throw new FetchProblem(`The ${what}'s address redirects elsewhere; Sound Familiar does not follow redirects. Subscribe to the address the ${file} is served from.`);
  }
  // A redirect to plain http would let a network attacker serve the pack.
  if (response.url && !response.url.startsWith('https://')) throw new FetchProblem(`The ${file}'s address redirected away from https.`);
}

/** `what` names the file in messages: a pack, or a team's file (background/team/). */
export async function fetchPack(url: string, etag: string | undefined, fetcher: Fetcher = fetch, timeoutMs = FETCH_TIMEOUT_MS, what = 'pack'): Promise<PackFetch> {
  const response = await get(url, etag ? { 'If-None-Match': etag } : {}, fetcher, timeoutMs, what);
  await checkNotRedirected(response, what, what);
  if (response.status === 304 && etag) return { status: 'not-modified' };
  if (!response.ok) {
    await response.body?.cancel();
    throw new FetchProblem(response.status === 404 ? `The ${what} is no longer at its address (HTTP 404).` : `The server answered HTTP ${response.status}.`);
  }
  const text = await readCapped(response, PACK_LIMITS.bytes, what);
  const tag = response.headers.get('etag') ?? undefined;
  return { status: 'ok', text, ...(tag && tag.length <= 200 ? { etag: tag } : {}) };
}

/** The signature file's text, or null when there is none (HTTP 404: the pack is unsigned). */
export async function fetchSignature(url: string, fetcher: Fetcher = fetch, timeoutMs = FETCH_TIMEOUT_MS, what = 'pack'): Promise<string | null> {
  const response = await get(`${url}.sig`, {}, fetcher, timeoutMs, `${what}'s signature file`);
  await checkNotRedirected(response, 'signature file', what);
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new FetchProblem(`The ${what}'s signature file could not be fetched (HTTP ${response.status}).`);
  }
  return readCapped(response, SIGNATURE_FILE_LIMIT, 'signature file');
}
