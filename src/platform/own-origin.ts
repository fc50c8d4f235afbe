// "Is this our origin?": whether a URL belongs to one of this extension's own pages. Asked wherever
// a message's sender decides what it may do (background calls, content-script calls, the service
// worker's channel), so that all of them answer the same way (own-page.ts holds the test itself).

import browser from './browser';
import { isUnderOrigin } from './own-page';

/** Our pages' URL prefix, `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
export function ownOrigin(): string {
  return browser.runtime.getURL('');
}

/** True if `url` is one of our pages (see isUnderOrigin for how). */
export function isOwnPage(url: unknown, origin: string = ownOrigin()): url is string {
  return isUnderOrigin(url, origin);
}
