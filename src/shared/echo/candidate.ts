// Picks the sentences of a page worth comparing with earlier promises: ones that announce or
// promise something (a strategy, a fund, a target, "will", "by 2030", "call to arms", "is now
// live"). A cheap filter for the content script, not a classifier: it errs towards letting through.

/*
 * Promise and announcement wording; any one is enough. Read word by word rather than with regular
 * expressions: V8 compiles an expression on its first use and again for native code on its second,
 * and on a page that took 1.4-2 ms of the 3 ms the echoes feature costs per load, for a few dozen
 * sentences. A "word" is a run of [A-Za-z0-9_], the \b of the old expressions (kept as a frozen
 * copy in test/unit/shared/echo/candidate-frozen.ts, which every decision is checked against);
 * words of a phrase are one plain space apart, as the expressions' literal spaces asked.
 */

/** Whole words, any letter case. */
const WORDS = new Set([
  'will', 'shall', 'would', 'should', 'could',
  'create', 'creates', 'created', 'creating', 'put', 'puts', 'putting', 'give', 'gives', 'giving',
  'pushes', 'pushing', 'merge', 'merges', 'merged', 'merging', 'open', 'opens', 'opened', 'opening',
  'must', 'due', 'want', 'wants', 'expected', 'agreed', 'approved', 'required', 'new', 'first',
  'strategy', 'strategies', 'strategys', 'strategiess',
  ...['plan', 'roadmap', 'blueprint', 'vision', 'framework', 'declaration', 'charter', 'manifesto',
    'mission', 'programme', 'fund', 'funding', 'investment', 'platform', 'target', 'ambition', 'goal',
    'pilot', 'initiative', 'coalition', 'alliance', 'partnership', 'taskforce', 'review']
    .flatMap((w) => [w, `${w}s`]),
]);

/** Words that begin so, whatever follows; filed under their first three letters. */
const PREFIXES = new Map<string, string[]>();
for (const p of [
  'establish', 'switch', 'abolish', 'scrap', 'promis', 'pledg', 'commit', 'vow', 'announc', 'launch',
  'unveil', 'introduc', 'publish', 'replac', 'now', 'confirm', 'reaffirm', 'restat', 'delay',
  'postpon', 'extend',
]) PREFIXES.set(p.slice(0, 3), [...(PREFIXES.get(p.slice(0, 3)) ?? []), p]);

/** Two-word phrases: the first word, and what the second is (whole word). */
const PAIRS = new Map<string, readonly string[]>([
  ['going', ['to']], ['is', ['to']], ['are', ['to']], ['due', ['to']],
  ['plan', ['to']], ['plans', ['to']], ['aim', ['to']], ['aims', ['to']], ['intend', ['to']],
  ['intends', ['to']], ['expect', ['to']], ['expects', ['to']], ['want', ['to']], ['wants', ['to']],
  ['hope', ['to']], ['hopes', ['to']], ['need', ['to']], ['has', ['to']], ['have', ['to']],
  ['set', ['to', 'up']], ['sets', ['up']], ['setting', ['up']],
  ['can', ['apply', 'bid', 'use', 'sign']], ['brought', ['forward']], ['bring', ['forward']],
  ['push', ['back']], ['pushed', ['back']],
  ['white', ['paper', 'papers']], ['task', ['force', 'forces']],
]);

/** Two-word phrases whose second word need only begin so. */
const PAIR_PREFIXES = new Map<string, string>([
  ['set', 'out'], ['sets', 'out'], ['setting', 'out'],
  ['roll', 'out'], ['rolls', 'out'], ['rolling', 'out'], ['rolled', 'out'],
  ['kick', 'off'], ['kicks', 'off'], ['kicked', 'off'],
  ['go', 'live'], ['goes', 'live'], ['gone', 'live'], ['went', 'live'], ['is', 'live'],
]);

/** "by 2030", "in March 2026", "by the end of 2027", "before the spring of summer 2025". */
const DATE_WORDS = new Set(['by', 'before', 'until', 'from', 'in']);
const PERIODS = new Set(['end', 'start', 'spring', 'summer', 'autumn', 'winter']);
const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'spring', 'summer', 'autumn', 'winter',
]);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Whitespace-separated words with a Latin letter or digit in them, counting no further than cap:
 * a match is a word's start (the text's or after whitespace) and its first letter or digit.
 */
const COUNTED_WORD = /(?:^|\s)[^\sA-Za-z0-9]*[A-Za-z0-9]/g;
function countWords(s: string, cap: number): number {
  let n = 0;
  COUNTED_WORD.lastIndex = 0;
  while (COUNTED_WORD.test(s)) if (++n > cap) return n;
  return n;
}

/** "£" then a digit, anywhere. */
function hasMoney(s: string): boolean {
  for (let i = s.indexOf('£'); i >= 0; i = s.indexOf('£', i + 1)) {
    if (isDigit(s.charCodeAt(i + 1))) return true;
  }
  return false;
}

function isYear(w: string): boolean {
  return w.length === 4 && (w.startsWith('19') || w.startsWith('20'))
    && isDigit(w.charCodeAt(2)) && isDigit(w.charCodeAt(3));
}

/**
 * The sentence split at runs of non-word characters, keeping them: words at even places (empty at
 * an end that is not a word), and between words k and k+1 the separator at 2k+1. One native split
 * per sentence rather than a match object per word: the page runs this code cold, interpreted.
 */
const BETWEEN_WORDS = /(\W+)/;
let parts: string[] = [];

/** Word k, lower-cased, or nothing past the last. */
const word = (k: number): string => parts[2 * k] ?? '';

/** Word k+1 follows word k after exactly one plain space. */
const spaced = (k: number): boolean => parts[2 * k + 1] === ' ';

/** A year, or a month or season and then a year, from word k. */
const yearAt = (k: number): boolean =>
  isYear(word(k)) || (MONTHS.has(word(k)) && spaced(k) && isYear(word(k + 1)));

function hasSignal(s: string): boolean {
  if (hasMoney(s)) return true;
  // Lower-casing the whole sentence is safe unless it moves characters or makes a non-ASCII one
  // ASCII (the Kelvin sign becomes "k"); then each word, which is ASCII, is lower-cased alone.
  const lower = s.toLowerCase();
  const exact = lower.length === s.length && !s.includes('\u212a');
  parts = (exact ? lower : s).split(BETWEEN_WORDS);
  if (!exact) for (let i = 0; i < parts.length; i += 2) parts[i] = parts[i]!.toLowerCase();
  const count = (parts.length + 1) / 2;
  for (let k = 0; k < count; k++) {
    const w = word(k);
    if (w === '') continue;
    if (WORDS.has(w)) return true;
    const prefixes = PREFIXES.get(w.slice(0, 3));
    if (prefixes?.some((p) => w.startsWith(p))) return true;
    // "we'll": an apostrophe straight after a word, then "ll" as a whole word.
    if (w === 'll' && parts[2 * k - 1] === "'" && word(k - 1) !== '') return true;
    if (!spaced(k)) continue;
    const next = word(k + 1);
    if (PAIRS.get(w)?.includes(next)) return true;
    const pre = PAIR_PREFIXES.get(w);
    if (pre !== undefined && next !== '' && next.startsWith(pre)) return true;
    if (w === 'can' && next === 'now' && spaced(k + 1) && PAIRS.get('can')?.includes(word(k + 2))) return true;
    if (w === 'call' && next === 'to' && spaced(k + 1) && (word(k + 2) === 'arms' || word(k + 2) === 'armss')) return true;
    if (DATE_WORDS.has(w)) {
      if (yearAt(k + 1)) return true;
      if (next === 'the' && spaced(k + 1) && PERIODS.has(word(k + 2)) && spaced(k + 2) && word(k + 3) === 'of'
        && spaced(k + 3) && yearAt(k + 4)) return true;
    }
  }
  return false;
}

/** Shapes that are not announcements: questions, and fragments too short or long to compare. */
const MIN_WORDS = 6;
const MAX_WORDS = 90;

export function isCandidate(sentence: string): boolean {
  const s = sentence.trim();
  if (s.endsWith('?')) return false;
  const n = countWords(s, MAX_WORDS);
  if (n < MIN_WORDS || n > MAX_WORDS) return false;
  // One signal is enough: the scorer and its threshold, not this filter, keep the page quiet.
  return hasSignal(s);
}

/**
 * Splits running text into sentences at ., ! or ? followed by space and a capital, quote or
 * digit; abbreviations such as "Mr." and "e.g." and decimals ("£7.5m") do not end one.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[.!?]["'\u201d\u2019)]*\s+(?=["'\u201c\u2018(]?[A-Z0-9£])/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index + 1);
    if (/\b(?:Mr|Mrs|Ms|Dr|St|Sir|No|e\.g|i\.e|etc|vs)\.$/i.test(before)) continue;
    out.push(text.slice(start, m.index + m[0].trimEnd().length).trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}
