// The optional https host permission, one origin at a time: the reader's own sites and the
// origins of subscribed packs. Asking must happen inside the reader's click (browsers refuse it
// otherwise), so `requestOrigin` is for extension pages; the rest works from the background too.

import browser from './browser';
import { originPattern, patternOrigin } from '../shared/site-origin';

/** Asks the reader for `origin`. Call it synchronously from a click handler, before any await. */
export function requestOrigin(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] });
}

export function hasOrigin(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(origin)] });
}

/** Gives the permission back; false if the browser kept it (it was not ours to drop). */
export async function removeOrigin(origin: string): Promise<boolean> {
  if (!(await hasOrigin(origin))) return true;
  return browser.permissions.remove({ origins: [originPattern(origin)] });
}

/** Origins (in our one-origin form) the reader or another page of ours took away; others are ignored. */
export function onOriginsRemoved(listener: (origins: string[]) => void): void {
  browser.permissions.onRemoved.addListener(({ origins }) => {
    const ours = (origins ?? []).map(patternOrigin).filter((o): o is string => o !== null);
    if (ours.length > 0) listener(ours);
  });
}

/** Origins granted (from a prompt that may have outlived the popup that asked). */
export function onOriginsAdded(listener: (origins: string[]) => void): void {
  browser.permissions.onAdded.addListener(({ origins }) => {
    const ours = (origins ?? []).map(patternOrigin).filter((o): o is string => o !== null);
    if (ours.length > 0) listener(ours);
  });
}
