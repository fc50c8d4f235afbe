// The part of the message contract for the reader's own sites and pack subscriptions (issue 14):
// declared here and merged into BackgroundCalls in messages.ts, whose file was already at its
// length limit. Every call is extension-pages-only: a web page can neither see nor change which
// sites the reader chose or which packs they follow.

import { isPackUrl } from './pack-url';
import { isSiteOrigin } from './site-origin';

/** One of the reader's own sites: an https origin our content script is registered for. */
export interface SiteView {
  origin: string;
  /** False if the browser no longer grants the origin (the registration is about to be dropped). */
  granted: boolean;
}

/** A subscribed pack as the options page lists it. All text came from the pack: render it as text. */
export interface PackView {
  url: string;
  /** Null while the first copy has never been installed. */
  packId: string | null;
  title: string;
  maintainer: string;
  version: string;
  licence: string;
  /** https only (parsePack refuses anything else). */
  homepage?: string;
  signed: boolean;
  /** The start of the pinned public key, for the reader to compare with what the maintainer publishes. */
  keyStart?: string;
  entities: number;
  /** When the last good copy was fetched or confirmed unchanged (ms since 1970). */
  lastSuccess?: number;
  /** When it was last tried. */
  checkedAt?: number;
  /** Why the last attempt was refused, in plain words; the last good copy stays. */
  lastError?: string;
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
  /** The subscribed packs. */
  'packs/list': { request: Record<string, never>; response: PackView[] };
  /**
   * Subscribes to the pack at an https URL (the page asked for its origin first): fetches it and
   * its signature, checks both whole, installs it. Nothing is kept if any of that fails.
   */
  'packs/subscribe': { request: { url: string }; response: PackView };
  /** Fetches a subscribed pack now; a refused or unreachable copy is recorded on the pack, never thrown. */
  'packs/refresh': { request: { url: string }; response: PackView };
  /** Removes the pack, its entities and its subscription, and gives the origin back unless still needed. */
  'packs/unsubscribe': { request: { url: string }; response: null };
}

export const SITE_PACK_CALL_SENDERS: { [K in keyof SitePackCalls]: 'extension' } = {
  'sites/list': 'extension',
  'sites/turn-on': 'extension',
  'sites/turn-off': 'extension',
  'packs/list': 'extension',
  'packs/subscribe': 'extension',
  'packs/refresh': 'extension',
  'packs/unsubscribe': 'extension',
};

type Payload<K extends keyof SitePackCalls> = SitePackCalls[K]['request'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (p: unknown): p is Record<string, never> => isObject(p) && Object.keys(p).length === 0;
const hasOrigin = (p: unknown): p is { origin: string } => isObject(p) && Object.keys(p).length === 1 && isSiteOrigin(p.origin);

const hasUrl = (p: unknown): p is { url: string } => isObject(p) && Object.keys(p).length === 1 && isPackUrl(p.url);

export const sitePackValidators: { [K in keyof SitePackCalls]: (payload: unknown) => payload is Payload<K> } = {
  'sites/list': isEmpty,
  'sites/turn-on': hasOrigin,
  'sites/turn-off': hasOrigin,
  'packs/list': isEmpty,
  'packs/subscribe': hasUrl,
  'packs/refresh': hasUrl,
  'packs/unsubscribe': hasUrl,
};
