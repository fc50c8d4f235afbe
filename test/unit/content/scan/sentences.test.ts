import { describe, expect, it } from 'vitest';
import { sentenceEnds, sentencePlace } from '../../../../src/content/scan/sentences';

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
});
