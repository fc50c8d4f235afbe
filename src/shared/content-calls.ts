// The calls the popup and the background make to a tab's content script, and what they answer.
// Their validators sit with the rest in messages.ts; only the extension's own pages may call these.

import type { EntityKind } from './types';

/** An unplaced claim, as the popup lists it. */
export interface UnplacedClaim {
  id: string;
  quote: string;
}

/**
 * Where a frame's part of a keyboard step starts: from the card it shows ('shown'; a frame showing
 * none has no part), or from its first stop (direction 1) or last (-1) ('edge').
 */
export type StepFrom = 'shown' | 'edge';

/**
 * A frame's answer to 'page/step': 'moved' (its card is open, focused, on the next stop), 'end'
 * (it showed the last stop that way, and closed that card so the next frame can take over),
 * 'idle' (no card to step from, or no stop at all), 'failed' (the stop's card could not be shown).
 */
export type StepAnswer = 'moved' | 'end' | 'idle' | 'failed';

export const STEP_ANSWERS: readonly StepAnswer[] = ['moved', 'end', 'idle', 'failed'];

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
  /** A keyboard command, one frame's part of it (the background walks the frames: frame-steps.ts). */
  'page/step': { request: { direction: 1 | -1; from: StepFrom }; response: StepAnswer };
  /** Record the current selection as a claim, or add it to the knowledge base (context menu, shortcut). */
  'page/record': { request: { mode: 'claim' | 'entity' }; response: boolean };
  /** Claims or entities changed: reload the page's claims (and the dictionary, if entities changed). */
  'page/refresh': { request: { dictionary: boolean }; response: null };
  /** The claims recorded on this page that could not be placed in today's text. */
  'page/unplaced': { request: Record<string, never>; response: UnplacedClaim[] };
  /** How many earlier promises this page repeats ("Sound familiar?"), once the page has been read. */
  'page/echoes': { request: Record<string, never>; response: number };
  /** The reader switched sites on or off: the hosts switched off and on, for each frame to find its own in. */
  'page/sites': { request: { off: string[]; on: string[] }; response: null };
}
