import { describe, expect, it } from 'vitest';
import { fold, termCounts, terms, words } from '../../../../src/shared/echo/tokenize';

describe('tokenize', () => {
  it('folds case, accents, typographic apostrophes and possessives', () => {
    expect(fold('Café’s Council’s PLAN')).toBe('cafe council plan');
  });

  it('folds as the page matcher does: a soft hyphen or zero-width space inside a word leaves one word', () => {
    // The echo tokenizer had its own fold, which split these words in two.
    expect(fold('re\u00adkeying digi\u200btal')).toBe('rekeying digital');
    expect(termCounts('digi\u200btal services').has('digit servic')).toBe(true);
    expect(termCounts('local\u00ad digital').has('local digit')).toBe(true);
  });

  it('drops stop words and announcement boilerplate, leaving a gap where they stood', () => {
    expect(words('We will launch a new strategy for councils')).toEqual([null, null, null, null, null, 'strategy', null, 'council']);
  });

  it('keeps years, sums of money and numbers of two digits or more, drops single digits', () => {
    // "25 exemplars", "400 working days", "90% of trusts": a shared count is as telling as a sum.
    const ws = words('£7.5m for 1,000 staff by 2030 and 40 councils in 3 regions, 3.1 million eVisas').filter(Boolean);
    expect(ws).toContain('£7.5m');
    expect(ws).toContain('2030');
    expect(ws).toContain('1000');
    expect(ws).toContain('40');
    expect(ws).toContain('3.1');
    expect(ws).not.toContain('3');
  });

  it('reads number words as digits, so a count meets its figure', () => {
    expect(words('nine in ten trusts').filter(Boolean)).toContain('90');
    expect(words('twenty-five exemplars and fifty services').filter(Boolean)).toEqual(expect.arrayContaining(['25', '50']));
    expect(words('a hundred services, twelve councils').filter(Boolean)).toEqual(expect.arrayContaining(['100', '12']));
    expect(words('tenth anniversary, often').filter(Boolean)).not.toContain('10');
  });

  it('folds different wordings of one idea into one term', () => {
    const a = termCounts('local authorities will stop re-keying data');
    const b = termCounts('councils re-enter the same data');
    expect(a.has('council') && b.has('council')).toBe(true);
    expect(a.has('onceonli') && b.has('onceonli')).toBe(true);
    expect(termCounts('a single sign-on').has('login')).toBe(true);
    expect(termCounts('paper-free by 2018').has('paperless')).toBe(true);
  });

  it('joins hyphenated prefixes and builds bigrams only from adjacent words', () => {
    const ts = terms('co-design the Local Digital Declaration with councils').map((t) => t.term);
    expect(ts).toContain('codesign');
    expect(ts).toContain('local digit');
    expect(ts).toContain('digit declar');
    // "declaration with councils": "with" stood between, so no bigram across it.
    expect(ts).not.toContain('declar council');
  });

  it('keeps the surface form for the explanation', () => {
    const t = terms('Digital Declarations').find((x) => x.term === 'digit declar');
    expect(t?.surface).toBe('digital declarations');
  });
});
