import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import list from '../../../src/shared/ordinary-words.json';
import { isOrdinaryPhrase, isOrdinaryWord } from '../../../src/shared/ordinary-words';

describe('isOrdinaryPhrase', () => {
  it('holds for names made of common English words, acronyms aside', () => {
    for (const name of ['Local Government Association', 'Tell Us Once', 'Digital Marketplace', 'NHS Digital', 'HM Treasury', 'Department for Communities & Local Government', "Labour's Digital Government Review", 'Levelling-up White Paper']) {
      expect(isOrdinaryPhrase(name), name).toBe(true);
    }
  });

  it('does not hold for one word, a coined or proper word, a domain or a number', () => {
    for (const name of ['Verify', 'GOV.UK Verify', 'LocalGov Drupal', 'Sajid Javid', 'Socitm Advisory', 'Greater Manchester Digital Blueprint', 'Digital Strategy 2.0', 'Government Transformation Strategy 2017', 'NHS GDS']) {
      expect(isOrdinaryPhrase(name), name).toBe(false);
    }
  });

  it('reads words in any case, British spellings included', () => {
    expect(isOrdinaryWord('Programme')).toBe(true);
    expect(isOrdinaryWord('organisation')).toBe(true);
    expect(isOrdinaryWord('socitm')).toBe(false);
  });
});

/** The definition isOrdinaryPhrase reads in place, spelt out with split and a Set (its code before 2026-12). */
function referencePhrase(name: string, ordinaryWord: (w: string) => boolean): boolean {
  const tokens = name.trim().split(/\s+/);
  if (tokens.length < 2) return false;
  let ordinary = 0;
  for (const token of tokens) {
    for (const part of token.replace(/['’]s$/u, '').split('-')) {
      const word = part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (/\p{N}/u.test(word)) return false;
      if (!/\p{L}/u.test(word)) continue;
      if (ordinaryWord(word)) ordinary++;
      else if (!/^\p{Lu}{2,}$/u.test(word)) return false;
    }
  }
  return ordinary > 0;
}

describe('isOrdinaryPhrase read in place', () => {
  const words = new Set(list.words.split(' '));
  const ordinaryWord = (w: string) => words.has(w.toLowerCase());

  it('agrees with the split-and-look-up definition on every shipped name and on awkward spacing and letters', () => {
    const frozen = JSON.parse(readFileSync(new URL('../../fixtures/dictionary/kb-a308029.json', import.meta.url), 'utf8')) as { entities: { name: string; aliases: string[] }[] };
    const names = frozen.entities.flatMap((e) => [e.name, ...e.aliases]);
    const awkward = [
      '', ' ', 'Local', '  Local   Government\tAssociation ', 'Local\u00a0Government', 'Local\u2003Government\u3000Association', 'local\ngovernment',
      'CAFÉ Society', 'Café Society', 'Über Digital', 'NHS UK', 'NHS A', 'A Digital', 'a digital', 'Digital-by-Default Service', 'Labour’s Plan',
      "People's Plan", 'Plan 2', 'Digital ²', '& Local', 'Local &', 'Strategy for Ⅻ', 'İstanbul Office', 'Digital\u200bService', 'Local\ufeffGovernment',
    ];
    const disagree = [...names, ...awkward].filter((n) => isOrdinaryPhrase(n) !== referencePhrase(n, ordinaryWord));
    expect(disagree).toEqual([]);
    // The cases cover both answers.
    expect(names.filter((n) => isOrdinaryPhrase(n)).length).toBeGreaterThan(20);
    expect(names.filter((n) => !isOrdinaryPhrase(n)).length).toBeGreaterThan(20);
  });

  it('looks every word of the list up in any case', () => {
    const all = list.words.split(' ');
    expect(all.filter((w) => !isOrdinaryWord(w) || !isOrdinaryWord(w.toUpperCase()))).toEqual([]);
    expect(isOrdinaryWord('CAFÉ')).toBe(words.has('café'));
  });
});
