// Whether a name is made of ordinary English words ("Local Government Association", "Tell Us
// Once", "NHS Digital"): in lower case such words are prose ("each state has its own local
// government association"), so the name should count only with its capitals. The words are SCOWL's
// common English (sizes 10 to 35, with British spellings), vendored in ordinary-words.json by
// scripts/ordinary-words.mjs. Not a spelling checker, and not for the content script: the list is
// about 350 kB, and only the background's dictionary compiler needs it.

import list from './ordinary-words.json';

let words: Set<string> | null = null;

/** Whether `word` (any case) is a common English word. Built on first use. */
export function isOrdinaryWord(word: string): boolean {
  words ??= new Set(list.words.split(' '));
  return words.has(word.toLowerCase());
}

/**
 * Whether every word of a name of two or more words is an ordinary word or an acronym ("NHS",
 * "UK": those read as themselves only in capitals anyway), with at least one ordinary word.
 * Punctuation ("&") does not count either way; a number makes the name distinctive; a possessive is its word
 * ("Labour's" is "Labour"); hyphenated words count by their parts. A coined or proper word
 * ("GOV.UK", "Socitm", "Javid", "LocalGov") makes the name distinctive in any case.
 */
export function isOrdinaryPhrase(name: string): boolean {
  const tokens = name.trim().split(/\s+/);
  if (tokens.length < 2) return false;
  let ordinary = 0;
  for (const token of tokens) {
    // Most tokens are plain ASCII words, for which the Unicode-aware steps below change nothing:
    // decided directly, they cost the dictionary build at 50k aliases about a third less.
    if (asciiLetters(token)) {
      if (isOrdinaryWord(token)) ordinary++;
      else if (token.length < 2 || token.toUpperCase() !== token) return false;
      continue;
    }
    for (const part of token.replace(/['’]s$/u, '').split('-')) {
      const word = part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      // "Digital Strategy 2.0", "2017 to 2020": a number makes a title, not prose.
      if (/\p{N}/u.test(word)) return false;
      if (!/\p{L}/u.test(word)) continue;
      if (isOrdinaryWord(word)) ordinary++;
      else if (!/^\p{Lu}{2,}$/u.test(word)) return false;
    }
  }
  return ordinary > 0;
}

function asciiLetters(token: string): boolean {
  if (token.length === 0) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}
