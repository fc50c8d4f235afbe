// Reads a block's text around a match the way a reader would: which sentence it is in, whether
// it opens that sentence as one capitalised word (so the capital says nothing: "Forms can be
// handed in"), and whether a determiner or pronoun follows (so it reads as a verb: "Verify the
// applicant", "Notify us"). Pure and approximate: not a parser. mention-index.ts decides what
// these mean for a name.

import { hasSurrogate, isJsSpace, isLetter, isLetterOrNumber, isLower, isUpper } from './letter-kinds';

/** What a match's surroundings say about it. */
export interface SentencePlace {
  /** The match's sentence: matches with the same number share one (numbers are unique across blocks). */
  sentence: number;
  /** One capitalised word ("Verify", not "GDS" or "Local Digital") at the start of a sentence. */
  opensAsWord: boolean;
  /** The next word is an object or determiner ("the", "us", "your"...): read with `opensAsWord`, a verb. */
  objectFollows: boolean;
  /** A word follows after a space, not punctuation: prose ("Forms can be"), not a heading ("Verify: Digital Identity System"). */
  wordFollows: boolean;
  /**
   * The name runs on into a longer proper name: a capitalised word follows ("Potter Street",
   * "Kyle Walker"), or a possessive and "of" a capitalised one ("Blackwell's of Oxford").
   */
  runsOn: boolean;
  /**
   * A capitalised word other than a function word runs straight into it ("NHS Leadership Academy",
   * "Welsh Digital Office"): the match may be the tail of a longer name.
   */
  afterName: boolean;
  /** The next word reads as a verb ("said", "looks", "has"): "Pickles said", not "Pickles and chutneys". */
  verbFollows: boolean;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'rt', 'hon', 'no', 'vs', 'etc', 'eg', 'ie', 'cllr']);

/** Words that, right after a sentence's first word, make that word a verb taking an object. */
const OBJECTS = new Set(['the', 'a', 'an', 'your', 'their', 'our', 'his', 'her', 'its', 'my', 'us', 'them', 'him', 'me', 'this', 'these', 'those']);

/** Verbs that a name as a sentence's subject is often followed by, besides words in -s and -ed. */
const VERBS = new Set(['said', 'told', 'wrote', 'has', 'had', 'is', 'was', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'did', 'led', 'left', 'quit', 'set', 'put', 'made', 'took', 'gave', 'went', 'came', 'became', 'began', 'spoke', 'thinks', 'also', 'now', 'then']);

/** Capitalised words that start a sentence or a headline's phrase rather than a name. */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'its', 'their', 'his', 'her', 'my', 'your', 'at', 'in', 'on', 'for', 'from', 'with', 'by', 'to', 'of', 'and', 'or', 'but', 'both', 'new', 'former', 'as', 'under', 'via', 'after', 'before', 'how', 'why', 'when', 'will', 'can', 'does', 'is', 'was']);

/** What opens a sentence besides the start of the block, before its first word (after spaces). */
const OPENERS = new Set(['.', '!', '?', ':', ';', '•', '·', '–', '—', '-', '"', '“', '‘', '(', '[']);

/** The closing marks a sentence's end may carry before its space: `"`, `”`, `’`, `)`, `]`. */
const CLOSERS = new Set([0x22, 0x201d, 0x2019, 0x29, 0x5d]);

/**
 * Offsets at which a sentence ends in `text`: a `.`, `!` or `?` followed by white space (and, for
 * a full stop, not after a known abbreviation or a single letter, as in "Mr." or "J.").
 * Character tests are table lookups (letter-kinds.ts): Unicode-property expressions cost
 * milliseconds to compile in every frame, and are used only for text with astral characters.
 */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const astral = hasSurrogate(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2e && c !== 0x21 && c !== 0x3f) continue;
    let j = i + 1;
    while (j < text.length && CLOSERS.has(text.charCodeAt(j))) j++;
    if (j < text.length && !isJsSpace(text.charCodeAt(j))) continue;
    if (c === 0x2e) {
      const word = (astral ? wordBeforeSlow(text, i) : wordBefore(text, i)).replace(/\./g, '').toLowerCase();
      if (word.length === 1 || ABBREVIATIONS.has(word)) continue;
    }
    ends.push(j);
  }
  return ends;
}

/** The run of letters and full stops that ends at `i`, within the 12 characters before it. */
function wordBefore(text: string, i: number): string {
  const from = Math.max(0, i - 12);
  let k = i;
  while (k > from && (text.charCodeAt(k - 1) === 0x2e || isLetter(text.charCodeAt(k - 1)))) k--;
  return text.slice(k, i);
}

function wordBeforeSlow(text: string, i: number): string {
  return /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
}

/** Where the match text[start, end) sits; `ends` from sentenceEnds(text), `first` the number of the text's first sentence. */
export function sentencePlace(text: string, start: number, end: number, ends: readonly number[], first = 0): SentencePlace {
  let k0 = 0;
  while (k0 < ends.length && ends[k0]! <= start) k0++;
  const sentence = first + k0;
  let k = start - 1;
  while (k >= 0 && isJsSpace(text.charCodeAt(k))) k--;
  const opens = k < 0 || OPENERS.has(text[k]!);
  const read = hasSurrogate(text, start - 24, end + 24) ? readSlow(text, start, end) : readAround(text, start, end);
  const { next, previous } = read;
  return {
    sentence, opensAsWord: opens && read.capitalisedWord, afterName: previous !== undefined && read.previousIsName && !FUNCTION_WORDS.has(previous.toLowerCase()),
    objectFollows: next !== undefined && OBJECTS.has(next.toLowerCase()), wordFollows: next !== undefined, runsOn: read.runsOn,
    verbFollows: next !== undefined && (VERBS.has(next) || read.nextIsVerbForm),
  };
}

interface Around {
  /** The match is one capital then lower-case letters (/^\p{Lu}\p{Ll}+$/u). */
  capitalisedWord: boolean;
  /** The word after white space that follows the match (/^\s+(\p{L}+)/u within 16 characters). */
  next: string | undefined;
  /** `next` is lower-case letters ending in -s or -ed (/^\p{Ll}+(?:s|ed)$/u). */
  nextIsVerbForm: boolean;
  /** A capitalised word follows after one space, or "'s of" and a capital (/^ \p{Lu}\p{Ll}/u, /^['’]s of \p{Lu}/u). */
  runsOn: boolean;
  /** The word before the match and one space (/(\S+) $/u within 24 characters). */
  previous: string | undefined;
  /** `previous` is a capital then letters, digits, dots or hyphens (/^\p{Lu}[\p{L}\p{N}.-]*$/u). */
  previousIsName: boolean;
}

function readAround(text: string, start: number, end: number): Around {
  const code = (i: number) => text.charCodeAt(i);
  let capitalisedWord = end - start >= 2 && isUpper(code(start));
  for (let i = start + 1; capitalisedWord && i < end; i++) capitalisedWord = isLower(code(i));

  const limit = Math.min(text.length, end + 16);
  let i = end;
  while (i < limit && isJsSpace(code(i))) i++;
  let j = i;
  while (j < limit && isLetter(code(j))) j++;
  const next = i > end && j > i ? text.slice(i, j) : undefined;
  let nextIsVerbForm = false;
  if (next !== undefined) {
    let lower = true;
    for (let n = i; lower && n < j; n++) lower = isLower(code(n));
    nextIsVerbForm = lower && ((next.length >= 2 && next.endsWith('s')) || (next.length >= 3 && next.endsWith('ed')));
  }

  const at = (n: number) => (n < text.length && n < end + 24 ? code(n) : -1);
  const runsOn = (at(end) === 0x20 && isUpper(at(end + 1)) && isLower(at(end + 2)))
    || ((at(end) === 0x27 || at(end) === 0x2019) && text.startsWith('s of ', end + 1) && end + 6 < end + 24 && isUpper(at(end + 6)));

  let previous: string | undefined;
  let previousIsName = false;
  const from = Math.max(0, start - 24);
  if (start - 1 >= from && code(start - 1) === 0x20 && start - 2 >= from && !isJsSpace(code(start - 2))) {
    let p = start - 2;
    while (p > from && !isJsSpace(code(p - 1))) p--;
    previous = text.slice(p, start - 1);
    previousIsName = isUpper(code(p));
    for (let n = p + 1; previousIsName && n < start - 1; n++) {
      const c = code(n);
      previousIsName = c === 0x2e || c === 0x2d || isLetterOrNumber(c);
    }
  }
  return { capitalisedWord, next, nextIsVerbForm, runsOn, previous, previousIsName };
}

/** readAround by the expressions themselves, for text with astral characters. */
function readSlow(text: string, start: number, end: number): Around {
  const next = /^\s+([\p{L}]+)/u.exec(text.slice(end, end + 16))?.[1];
  const after = text.slice(end, end + 24);
  const previous = /(\S+) $/u.exec(text.slice(Math.max(0, start - 24), start))?.[1];
  return {
    capitalisedWord: /^\p{Lu}\p{Ll}+$/u.test(text.slice(start, end)),
    next,
    nextIsVerbForm: next !== undefined && /^\p{Ll}+(?:s|ed)$/u.test(next),
    runsOn: /^ \p{Lu}\p{Ll}/u.test(after) || /^['’]s of \p{Lu}/u.test(after),
    previous,
    previousIsName: previous !== undefined && /^\p{Lu}[\p{L}\p{N}.-]*$/u.test(previous),
  };
}
