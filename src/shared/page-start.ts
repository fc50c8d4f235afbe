// What a page starts with: the replies to 'page/start' and 'page/dictionary', and the one rule on
// the page text a frame sends to be checked before it is given the dictionary (issue 12).

import type { PackedDictionary } from './dictionary';
import type { ShownClaim } from './team/team-calls';

/**
 * The reply to 'page/start'. A site switched off gets no dictionary, no claims and no echoes. A
 * page with no claims gets no dictionary either: whether it needs one is for its text to say
 * ('page/dictionary'), and most pages name nothing we know.
 */
export type PageStart =
  | { enabled: false; dictionary: null; claims: null; echoes: false }
  | { enabled: true; dictionary: PackedDictionary; claims: { claims: ShownClaim[]; reveal: string | null }; echoes: boolean }
  | { enabled: true; dictionary: null; claims: null; echoes: boolean };

/**
 * The reply to 'page/dictionary': the prefilter's verdict on the text sent (the whole page's, or
 * what it added since), and the dictionary only if it is 'maybe'. 'context-only' text holds only
 * names that count where the page also names the entity on its own, which it does not (or the
 * verdict would be 'maybe'): nothing there could be shown until such a name is added, and added
 * text is checked too. Text null (too long to send, or the reader acts) gets the dictionary in
 * any case; a site switched off, never.
 */
export type PageDictionary =
  | { verdict: 'none' | 'context-only'; dictionary: null }
  | { verdict: 'maybe'; dictionary: PackedDictionary };

/**
 * The most page text one 'page/dictionary' carries, in UTF-16 units: beyond it a frame asks for
 * the dictionary instead, as copying more to the background costs about what reading it at home does.
 */
export const MAX_CHECKED_TEXT = 1_000_000;

/**
 * The request of 'page/dictionary': one string under the cap, or null; and whether the frame still
 * needs the session's code, which then comes with a dictionary.
 */
export interface TextToCheck {
  text: string | null;
  needsCode: boolean;
}

export function isTextToCheck(p: unknown): p is TextToCheck {
  if (typeof p !== 'object' || p === null || Array.isArray(p) || Object.keys(p).length !== 2) return false;
  const { text, needsCode } = p as { text?: unknown; needsCode?: unknown };
  return typeof needsCode === 'boolean' && (text === null || (typeof text === 'string' && text.length <= MAX_CHECKED_TEXT));
}
