// A pack subscription's address: https only, on the default port, no credentials, no fragment,
// at most 2,048 characters. Pure, so the message validators and the options page agree.

import { siteOrigin } from './site-origin';

export const PACK_URL_CHARS = 2048;

/** The normalised https URL of a pack, or null if `value` cannot be one. */
export function packUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > PACK_URL_CHARS) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (!siteOrigin(url.href)) return null;
  url.hash = '';
  // Measured again once normalised (percent-encoding can grow it sixfold), so that every address
  // this accepts, isPackUrl accepts too: the options page asks for the origin on that promise.
  return url.href.length > PACK_URL_CHARS ? null : url.href;
}

/** True when `value` is already a normalised pack URL (as the background stores it). */
export const isPackUrl = (value: unknown): value is string => typeof value === 'string' && packUrl(value) === value;
