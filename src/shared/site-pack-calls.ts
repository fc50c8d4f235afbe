// The part of the message contract for the reader's own sites and pack subscriptions (issue 14):
// declared here and merged into BackgroundCalls in messages.ts, whose file was already at its
// length limit. Every call is extension-pages-only: a web page can neither see nor change which
// sites the reader chose or which packs they follow.

import { isSiteOrigin } from './site-origin';

/** One of the reader's own sites: an https origin our content script is registered for. */
export interface SiteView {
  origin: string;
  /** False if the browser no longer grants the origin (the registration is about to be dropped). */
  granted: boolean;
}

export interface SitePackCalls {
  /** The reader's own sites (origins Sound Familiar was turned on for beyond the built-in list). */
  'sites/list': { request: Record<string, never>; response: SiteView[] };
  /**
   * Turns Sound Familiar on for an https origin. Registers the content script if the origin is
   * granted; if not yet, remembers the wish and registers when the grant arrives (`registered: false`).
   */
  'sites/turn-on': { request: { origin: string }; response: { registered: boolean } };
  /** Turns it off for an origin: unregisters, and gives the permission back unless a pack needs it. */
  'sites/turn-off': { request: { origin: string }; response: null };
}

export const SITE_PACK_CALL_SENDERS: { [K in keyof SitePackCalls]: 'extension' } = {
  'sites/list': 'extension',
  'sites/turn-on': 'extension',
  'sites/turn-off': 'extension',
};

type Payload<K extends keyof SitePackCalls> = SitePackCalls[K]['request'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (p: unknown): p is Record<string, never> => isObject(p) && Object.keys(p).length === 0;
const hasOrigin = (p: unknown): p is { origin: string } => isObject(p) && Object.keys(p).length === 1 && isSiteOrigin(p.origin);

export const sitePackValidators: { [K in keyof SitePackCalls]: (payload: unknown) => payload is Payload<K> } = {
  'sites/list': isEmpty,
  'sites/turn-on': hasOrigin,
  'sites/turn-off': hasOrigin,
};
