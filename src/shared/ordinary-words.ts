// Whether a name is made of ordinary English words ("Local Government Association", "Tell Us
// Once", "NHS Digital"): in lower case such words are prose ("each state has its own local
// government association"), so the name should count only with its capitals. The words are SCOWL's
// common English (sizes 10 to 35, with British spellings), vendored in ordinary-words.json by
// scripts/ordinary-words.mjs. Not a spelling checker, and not for the content script: the list is
// about 350 kB, and only the background's dictionary compiler needs it.

import list from './ordinary-words.json';
import { WordTable } from './word-table';

let words: WordTable | null = null;
const table = () => (words ??= new WordTable(list.words));

/** Whether `word` (any case) is a common English word. The table is built on first use. */
export function isOrdinaryWord(word: string): boolean {
  // The list is in lower case: A–Z are folded as the table reads; anything else the runtime folds.
  const lower = isAscii(word) ? word : word.toLowerCase();
  return table().has(lower, 0, lower.length);
}

/**
 * Whether every word of a name of two or more words is an ordinary word or an acronym ("NHS",
 * "UK": those read as themselves only in capitals anyway), with at least one ordinary word.
 * Punctuation ("&") does not count either way; a number makes the name distinctive; a possessive is its word
 * ("Labour's" is "Labour"); hyphenated words count by their parts. A coined or proper word
 * ("GOV.UK", "Socitm", "Javid", "LocalGov") makes the name distinctive in any case.
 */
export function isOrdinaryPhrase(name: string): boolean {
  // Words are the runs between whitespace (as `split(/\s+/)` gives them), read in place: at 50k
  // aliases, splitting every name and looking each word up by a new string was a fifth of the
  // dictionary build.
  const n = name.length;
  let tokens = 0;
  let ordinary = 0;
  for (let i = 0; i < n; ) {
    if (isSpace(name.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && !isSpace(name.charCodeAt(i))) i++;
    tokens++;
    // Most words are plain ASCII letters, for which the Unicode-aware steps below change nothing.
    const verdict = asciiLetters(name, start, i) ? plainWordVerdict(name, start, i) : wordVerdict(name.slice(start, i));
    if (verdict === REJECTS) return false;
    ordinary += verdict;
  }
  return tokens >= 2 && ordinary > 0;
}

/** A word's verdict: the number of ordinary words it counts for, or REJECTS (the name is distinctive). */
const REJECTS = -1;

/** An ASCII-letter word: ordinary, an acronym (all capitals, two or more), or distinctive. */
function plainWordVerdict(name: string, start: number, end: number): number {
  if (table().has(name, start, end)) return 1;
  if (end - start < 2) return REJECTS;
  for (let i = start; i < end; i++) if (name.charCodeAt(i) >= 0x61) return REJECTS; // a lower-case letter
  return 0;
}

/** Any other word: a possessive is its word, hyphenated parts count apart, punctuation not at all. */
function wordVerdict(token: string): number {
  let ordinary = 0;
  for (const part of token.replace(/['’]s$/u, '').split('-')) {
    const word = part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    // "Digital Strategy 2.0", "2017 to 2020": a number makes a title, not prose.
    if (/\p{N}/u.test(word)) return REJECTS;
    if (!/\p{L}/u.test(word)) continue;
    if (isOrdinaryWord(word)) ordinary++;
    else if (!/^\p{Lu}{2,}$/u.test(word)) return REJECTS;
  }
  return ordinary;
}

/** Whitespace as `\s` has it; ASCII decided directly. */
function isSpace(c: number): boolean {
  return c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : WHITESPACE.test(String.fromCharCode(c));
}
const WHITESPACE = /\s/;

function asciiLetters(text: string, start: number, end: number): boolean {
  if (end === start) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}
