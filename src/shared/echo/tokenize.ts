// Turns a sentence into the terms the echo index compares: folded, stemmed content words, a few
// shared ideas ("councils" = "local authorities"), and bigrams of adjacent content words. Not a
// parser: no part-of-speech tagging, and the stop list is small on purpose.

import { foldText } from '../normalise';
import { CONCEPTS, IDEA_TERMS } from './concepts';
import { stem } from './stem';

/** Function words and the boilerplate of announcements, which every promise shares. */
const STOP = new Set(`a about above after again against all also am an and any are as at be been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only
or other our ours out over own same she should so some such than that the their theirs them then there these they
this those through to too under until up very was we were what when where which while who whom why will with would
you your yours shall may might must us per via yet ever every new today year years week weeks month months said say
says told tells set sets out announced announce announces announcing make makes made making help helps one two three
within across whether including include includes around first part plan plans aim aims aimed launch launches launched launching publish publishes published
publishing bring brings take takes put puts give gives use uses get gets let lets allow allows able start starts began
begin continue extra further next last whole now already still back well many much
number numbers million billion per cent percent`.split(/\s+/));

/** Prefixes kept attached across a hyphen: "re-keying" is one word, "council-run" is two. */
const JOINED_PREFIXES = new Set(['re', 'co', 'e', 'pre', 'non', 'sub', 'multi', 'cross', 'inter', 'cyber', 'self']);

/** Sums of money in one spelling (£7.5m, £2bn), so "£2 billion" and "£2bn" meet. */
const MONEY: readonly (readonly [RegExp, string])[] = [
  [/£\s?(\d+(?:\.\d+)?)\s?(?:bn|billion)\b/g, ' £$1bn '],
  [/£\s?(\d+(?:\.\d+)?)\s?(?:m|million)\b/g, ' £$1m '],
];

/** Number words as digits, so "nine in ten" meets "90%" and "twenty-five" meets "25" (only 10 and up are kept). */
const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS: Record<string, number> = { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const NUMBER_WORDS: readonly (readonly [RegExp, (m: string, ...g: string[]) => string])[] = [
  [/\b(one|two|three|four|five|six|seven|eight|nine) in (?:ten|10)\b/g, (_, u) => ` ${UNITS.indexOf(u!) * 10} `],
  [/\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\b/g, (_, t, u) => ` ${TENS[t!]! + (u ? UNITS.indexOf(u) : 0)} `],
  [/\b(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b/g, (_, t) => ` ${TEENS[t!]} `],
  [/\b(?:a|one) hundred\b/g, () => ' 100 '],
];

/**
 * The shared fold (normalise.ts: case, accents, typographic quotes and dashes, soft hyphens and
 * zero-width characters out), then what matching words needs besides: possessives off, thousands
 * separators out, and everything but letters, digits, £ and in-word punctuation as a space.
 */
export function fold(text: string): string {
  return foldText(text)
    .replace(/'s\b/g, '')
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    .replace(/[^a-z0-9£.'\- ]+/g, ' ');
}

/**
 * Numbers worth matching: years, sums of money (£7.5m) and counts of two digits or more ("25
 * exemplars", "90%", "3.1 million": cross-validated, they raised recall at 90% precision); a bare
 * "3" says nothing.
 */
const KEPT_NUMBER = /^(?:(?:19|20)\d\d|£[\d.]+(?:bn|m|k)?|\d+(?:g|bn|m)|\d{2,}(?:\.\d+)?|\d\.\d+)$/;

/**
 * The words of a folded text, hyphenated prefixes rejoined, stop words and stray punctuation out;
 * null where a dropped word stood, so that phrases are only built from words that were adjacent.
 */
export function words(text: string): (string | null)[] {
  let t = fold(text);
  for (const { pattern, term } of CONCEPTS) t = t.replace(pattern, ` ${term} `);
  for (const [pattern, digits] of NUMBER_WORDS) t = t.replace(pattern, digits);
  for (const [pattern, sum] of MONEY) t = t.replace(pattern, sum);
  const out: (string | null)[] = [];
  for (const raw of t.split(/\s+/)) {
    const parts = raw.replace(/^[.'-]+|[.'-]+$/g, '').split('-').filter(Boolean);
    const joined = parts.length === 2 && JOINED_PREFIXES.has(parts[0]!) ? [parts.join('')] : parts;
    for (const w of joined) {
      const word = w.replace(/'/g, '').replace(/\.(?!\d)/g, '');
      const keep = word.length >= 2 && !STOP.has(word) && (!/\d/.test(word) || KEPT_NUMBER.test(word));
      out.push(keep ? word : null);
    }
  }
  return out;
}

export interface Term {
  /** The stem, or `a b` for a bigram of two stems. */
  term: string;
  /** The words as written (folded), for the card's "in common" line. */
  surface: string;
}

/** Stemmed unigrams, then bigrams of content words that stood next to each other. */
export function terms(text: string): Term[] {
  const ws = words(text);
  // Concept terms are already in their final form: stemming them again would change some ('inclus').
  const stems = ws.map((w) => (w === null ? null : IDEA_TERMS.has(w) || !/^[a-z]+$/.test(w) ? w : stem(w)));
  const out: Term[] = [];
  stems.forEach((s, i) => { if (s !== null) out.push({ term: s, surface: ws[i]! }); });
  for (let i = 1; i < stems.length; i++) {
    const a = stems[i - 1];
    const b = stems[i];
    if (a && b && a !== b) out.push({ term: `${a} ${b}`, surface: `${ws[i - 1]} ${ws[i]}` });
  }
  return out;
}

/** Term frequencies of a text, as the index stores them. */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { term } of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
