// The calls the popup and the background make to a tab's content script, and what they answer.
// Their validators sit with the rest in messages.ts; only the extension's own pages may call these.

import type { EntityKind } from './types';

/** An unplaced claim, as the popup lists it. */
export interface UnplacedClaim {
  id: string;
  quote: string;
}

/** One entity's mentions on a page, as the popup lists them. */
export interface PageMentionSummary {
  entityId: string;
  name: string;
  kind: EntityKind;
  count: number;
}

/** Calls the popup or the background make to a tab's content script. Only accepted from the extension's own pages. */
export interface ContentCalls {
  /** What the page mentions, most mentioned first, and whether the extension is on for this site. */
  'page/mentions': { request: Record<string, never>; response: { enabled: boolean; host: string; mentions: PageMentionSummary[] } };
  /** Scrolls to an entity's first mention and opens its card. */
  'page/reveal': { request: { entityId: string }; response: boolean };
  /** A keyboard command: move to the next or previous mention and open its card. */
  'page/step': { request: { direction: 1 | -1 }; response: boolean };
  /** Record the current selection as a claim, or add it to the knowledge base (context menu, shortcut). */
  'page/record': { request: { mode: 'claim' | 'entity' }; response: boolean };
  /** Claims or entities changed: reload the page's claims (and the dictionary, if entities changed). */
  'page/refresh': { request: { dictionary: boolean }; response: null };
  /** The claims recorded on this page that could not be placed in today's text. */
  'page/unplaced': { request: Record<string, never>; response: UnplacedClaim[] };
  /** How many earlier promises this page repeats ("Sound familiar?"), once the page has been read. */
  'page/echoes': { request: Record<string, never>; response: number };
  /** The reader switched a site on or off: the hosts now off, for each frame to find its own in. */
  'page/sites': { request: { disabledHosts: string[] }; response: null };
}
