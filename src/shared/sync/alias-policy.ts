// Which names and aliases may enter the knowledge base from a file or the editor: every one is
// matched on every page, so a common word ("the") or a fragment ("GD") would light up all of them.
// Judged on the text as the matcher sees it (normalised, folded), not as it was typed.

import { isWordChar, normaliseAlias } from '../normalise';

/** Shorter than this (after normalising) matches inside ordinary text far too often. */
export const MIN_ALIAS_LENGTH = 3;

// Function words that any English page is full of. Words under MIN_ALIAS_LENGTH are listed too,
// so the list reads as the rule it is and survives a change to the length limit.
const FUNCTION_WORDS = [
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'for', 'to', 'with', 'by', 'at', 'from', 'into', 'onto', 'over',
  'under', 'about', 'after', 'before', 'as', 'it', 'its', 'is', 'was', 'are', 'were', 'be', 'been', 'being', 'am', 'has', 'have',
  'had', 'do', 'does', 'did', 'not', 'no', 'yes', 'this', 'that', 'these', 'those', 'there', 'then', 'than', 'they', 'them',
  'their', 'he', 'she', 'him', 'her', 'his', 'hers', 'we', 'us', 'our', 'you', 'your', 'who', 'whom', 'whose', 'which', 'what',
  'when', 'where', 'why', 'how', 'all', 'any', 'some', 'one', 'two', 'new', 'more', 'most', 'also', 'will', 'would', 'can',
  'could', 'should', 'shall', 'may', 'might', 'must', 'said', 'says', 'per', 'via', 'out', 'off', 'up', 'so', 'if', 'such',
  'other', 'only', 'just', 'very', 'each', 'both', 'own', 'same', 'between', 'through', 'during', 'without', 'within',
];
// The words every page of the sites it runs on (GOV.UK, council and news sites) is full of.
const SITE_WORDS = [
  'government', 'council', 'councils', 'minister', 'ministers', 'department', 'digital', 'local', 'service', 'services',
  'public', 'national', 'news', 'data', 'page', 'home', 'gov', 'uk',
];
const STOP_WORDS = new Set([...FUNCTION_WORDS, ...SITE_WORDS]);
// A phrase is refused when every word is a function word or one of these everyday time words:
// "of the", "it is", "last year", "this week" are in every article. Site words are left out of
// this test: "Government Digital Service" is all site words and a real name.
const TIME_WORDS = [
  'last', 'next', 'first', 'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'today', 'yesterday',
  'tomorrow', 'now', 'ago', 'time', 'times', 'here',
];
const PHRASE_FILLER = new Set([...FUNCTION_WORDS, ...TIME_WORDS]);

// Control characters (C0, DEL, C1) and text-direction overrides: no real name has them, and a
// name is shown on cards and printed by the command line, where they could disguise or inject.
const CONTROLS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROLS_ALL = new RegExp(CONTROLS.source, 'gu');

/** `text` with each control or text-direction character spelt out as `\u202e`, for messages that quote a hostile file. */
export function spellOutControls(text: string): string {
  return text.replace(CONTROLS_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether `text` holds a control or text-direction character (the rule for names, reused for other shown text). */
export function hasControlCharacters(text: string): boolean {
  return CONTROLS.test(text);
}

/**
 * Why `alias` must not be matched on pages, as the end of a sentence that starts with the field
 * ("entity 3.aliases[2]: …"), or null if it may. The alias is quoted so the user can find it.
 */
export function aliasProblem(alias: string): string | null {
  const { folded } = normaliseAlias(alias);
  // Quoted as JSON, with what JSON leaves raw (C1, text direction) spelt out too.
  const quoted = JSON.stringify(alias.length > 40 ? `${alias.slice(0, 40)}…` : alias)
    .replace(CONTROLS_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (CONTROLS.test(alias)) return `${quoted} contains control or text-direction characters`;
  if (STOP_WORDS.has(folded)) return `${quoted} is a common word and would be highlighted on every page`;
  const words = folded.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length > 0);
  if (words.length > 1 && words.every((w) => PHRASE_FILLER.has(w))) return `${quoted} is made only of common words and would be highlighted on every page`;
  if ([...folded].length < MIN_ALIAS_LENGTH) return `${quoted} is shorter than ${MIN_ALIAS_LENGTH} characters and would be highlighted almost everywhere`;
  let hasWordChar = false;
  for (let i = 0; i < folded.length && !hasWordChar; i++) hasWordChar = isWordChar(folded.charCodeAt(i));
  if (!hasWordChar) return `${quoted} has no letters or digits`;
  return null;
}
