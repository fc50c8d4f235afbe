import { describe, expect, it } from 'vitest';
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
