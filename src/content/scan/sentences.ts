// Reads a block's text around a match the way a reader would: which sentence it is in, whether
// it opens that sentence as one capitalised word (so the capital says nothing: "Forms can be
// handed in"), and whether a determiner or pronoun follows (so it reads as a verb: "Verify the
// applicant", "Notify us"). Pure and approximate: not a parser. mention-index.ts decides what
// these mean for a name.

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

/**
 * Offsets at which a sentence ends in `text`: a `.`, `!` or `?` followed by white space (and, for
 * a full stop, not after a known abbreviation or a single letter, as in "Mr." or "J.").
 */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < text.length && /["”’)\]]/u.test(text[j]!)) j++;
    if (j < text.length && !/\s/u.test(text[j]!)) continue;
    if (c === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1]?.replace(/\./g, '').toLowerCase() ?? '';
      if (word.length === 1 || ABBREVIATIONS.has(word)) continue;
    }
    ends.push(j);
  }
  return ends;
}

/** Where the match text[start, end) sits; `ends` from sentenceEnds(text), `first` the number of the text's first sentence. */
export function sentencePlace(text: string, start: number, end: number, ends: readonly number[], first = 0): SentencePlace {
  let k0 = 0;
  while (k0 < ends.length && ends[k0]! <= start) k0++;
  const sentence = first + k0;
  let k = start - 1;
  while (k >= 0 && /\s/u.test(text[k]!)) k--;
  const opens = k < 0 || OPENERS.has(text[k]!);
  const opensAsWord = opens && /^\p{Lu}\p{Ll}+$/u.test(text.slice(start, end));
  const next = /^\s+([\p{L}]+)/u.exec(text.slice(end, end + 16))?.[1];
  const after = text.slice(end, end + 24);
  const runsOn = /^ \p{Lu}\p{Ll}/u.test(after) || /^['’]s of \p{Lu}/u.test(after);
  const verbFollows = next !== undefined && (VERBS.has(next) || /^\p{Ll}+(?:s|ed)$/u.test(next));
  const previous = /(\S+) $/u.exec(text.slice(Math.max(0, start - 24), start))?.[1];
  const afterName = previous !== undefined && /^\p{Lu}[\p{L}\p{N}.-]*$/u.test(previous) && !FUNCTION_WORDS.has(previous.toLowerCase());
  return { sentence, opensAsWord, afterName, objectFollows: next !== undefined && OBJECTS.has(next.toLowerCase()), wordFollows: next !== undefined, runsOn, verbFollows };
}
