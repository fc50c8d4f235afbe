import { describe, expect, it } from 'vitest';
import { sentenceEnds, sentencePlace } from '../../../../src/content/scan/sentences';
import { prng } from '../../helpers/corpus';

describe('sentences', () => {
  it('end at . ! or ? before a space, but not after Mr. or an initial', () => {
    const text = 'Mr. J. Smith met GDS. Then Verify! Was it? Yes';
    expect(sentenceEnds(text).map((e) => text.slice(0, e).split(' ').pop())).toEqual(['GDS.', 'Verify!', 'it?']);
  });

  it('place a match: its sentence, whether it opens one as a word, and what follows', () => {
    const text = 'GDS said so. Verify the address. Notify: a service';
    const ends = sentenceEnds(text);
    const at = (word: string) => sentencePlace(text, text.indexOf(word), text.indexOf(word) + word.length, ends, 10);
    expect(at('GDS')).toEqual({ sentence: 10, opensAsWord: false, afterName: false, objectFollows: false, wordFollows: true, runsOn: false, verbFollows: true });
    expect(at('Verify')).toEqual({ sentence: 11, opensAsWord: true, afterName: false, objectFollows: true, wordFollows: true, runsOn: false, verbFollows: false });
    expect(at('Notify')).toEqual({ sentence: 12, opensAsWord: true, afterName: false, objectFollows: false, wordFollows: false, runsOn: false, verbFollows: false });
  });

  it('see a name running on into a longer proper name', () => {
    const runsOn = (text: string, word: string) => sentencePlace(text, text.indexOf(word), text.indexOf(word) + word.length, sentenceEnds(text)).runsOn;
    expect(runsOn('Potter Street library reopened.', 'Potter')).toBe(true);
    expect(runsOn('Blackwell’s of Oxford opened.', 'Blackwell')).toBe(true);
    expect(runsOn('Potter said so, and Potter MP agreed.', 'Potter')).toBe(false);
    expect(runsOn('Blackwell’s plan for London.', 'Blackwell')).toBe(false);
  });

  it('see a capitalised word, not a function word, running into a match', () => {
    const afterName = (text: string, word: string) => sentencePlace(text, text.indexOf(word), text.indexOf(word) + word.length, sentenceEnds(text)).afterName;
    expect(afterName('The NHS Leadership Academy opened.', 'Leadership Academy')).toBe(true);
    expect(afterName('The Local Digital team met.', 'Local Digital team')).toBe(false);
    expect(afterName('Shortlisted Teams Met A Panel From Local Digital.', 'Local Digital')).toBe(false);
    expect(afterName('The LGA, Socitm and Solace agreed.', 'Solace')).toBe(false);
  });

  it('read every text as the Unicode-property expressions they replace read it (random texts, astral ones included)', () => {
    const random = prng(12);
    const pieces = ['Mr.', 'J.', 'ed', 's', 'as', 'Ed', 'GDS', 'Verify', 'the', 'said', 'looks', 'walked', 'Potter', 'Street', '’s of', "'s of", 'Oxford', 'NHS', 'Ærø', 'éclair',
      'Ωmega', 'İstanbul', 'ǅemal', '𝐀lpha', '𝑏eta', 'x²', 'µ', 'ª', '½', '3rd', 'co-op', 'e.g.', '.', '!', '?', ',', ':', '—', '–', '“', '”', '"', ')', ']',
      ' ', ' ', ' ', '  ', '\u00a0', '\u2009', '\ufeff', '\n', 'ΑΒΓ', 'абв', 'Ñandú', 'ﬁne', 'ᾼ'];
    for (let n = 0; n < 1500; n++) {
      let text = '';
      const count = 1 + Math.floor(random() * 14);
      for (let k = 0; k < count; k++) text += pieces[Math.floor(random() * pieces.length)]!;
      expect(sentenceEnds(text), text).toEqual(referenceEnds(text));
      const ends = sentenceEnds(text);
      for (let t = 0; t < 4; t++) {
        const start = Math.floor(random() * text.length);
        const end = Math.min(text.length, start + 1 + Math.floor(random() * 8));
        expect(sentencePlace(text, start, end, ends, 3), `${text} [${start}, ${end})`).toEqual(referencePlace(text, start, end, ends, 3));
      }
    }
  });
});

// The expressions sentences.ts used before its table lookups, as the reference it must agree with.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'rt', 'hon', 'no', 'vs', 'etc', 'eg', 'ie', 'cllr']);
const OBJECTS = new Set(['the', 'a', 'an', 'your', 'their', 'our', 'his', 'her', 'its', 'my', 'us', 'them', 'him', 'me', 'this', 'these', 'those']);
const VERBS = new Set(['said', 'told', 'wrote', 'has', 'had', 'is', 'was', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'did', 'led', 'left', 'quit', 'set', 'put', 'made', 'took', 'gave', 'went', 'came', 'became', 'began', 'spoke', 'thinks', 'also', 'now', 'then']);
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'its', 'their', 'his', 'her', 'my', 'your', 'at', 'in', 'on', 'for', 'from', 'with', 'by', 'to', 'of', 'and', 'or', 'but', 'both', 'new', 'former', 'as', 'under', 'via', 'after', 'before', 'how', 'why', 'when', 'will', 'can', 'does', 'is', 'was']);
const OPENERS = new Set(['.', '!', '?', ':', ';', '•', '·', '–', '—', '-', '"', '“', '‘', '(', '[']);

function referenceEnds(text: string): number[] {
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

function referencePlace(text: string, start: number, end: number, ends: readonly number[], first: number) {
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

