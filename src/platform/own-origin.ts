// "Is this our origin?": whether a URL belongs to one of this extension's own pages. Asked wherever
// a message's sender decides what it may do (background calls, content-script calls, the service
// worker's channel), so that all of them answer the same way.

import browser from './browser';

/** Our pages' URL prefix, `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
export function ownOrigin(): string {
  return browser.runtime.getURL('');
}

/**
 * True if `url` is one of our pages. A prefix test with the trailing slash, not a comparison of
 * `URL.origin`: browsers give extension URLs an opaque origin ("null") in some contexts, and the
 * slash keeps `moz-extension://<uuid>.evil/` out.
 */
export function isOwnPage(url: unknown, origin: string = ownOrigin()): url is string {
  return typeof url === 'string' && origin.endsWith('/') && url.startsWith(origin);
}
