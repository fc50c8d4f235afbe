// "Is this URL one of our pages, given our origin?": the pure half of own-origin.ts, so the content
// script can ask it with its own runtime (content-runtime.ts) and without the polyfill.

/**
 * True if `url` is one of our pages. A prefix test with the trailing slash, not a comparison of
 * `URL.origin`: browsers give extension URLs an opaque origin ("null") in some contexts, and the
 * slash keeps `moz-extension://<uuid>.evil/` out.
 */
export function isUnderOrigin(url: unknown, origin: string): url is string {
  return typeof url === 'string' && origin.endsWith('/') && url.startsWith(origin);
}
