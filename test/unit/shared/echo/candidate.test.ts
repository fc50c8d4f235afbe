import { describe, expect, it } from 'vitest';
import { isCandidate, splitSentences } from '../../../../src/shared/echo/candidate';

describe('isCandidate', () => {
  it('accepts sentences that promise or announce', () => {
    for (const s of [
      'My department is working with councils and GDS to create a new vision and a call to arms on local government digital.',
      'We will give every citizen a digital identity by 2027.',
      'The government is launching a £7.5m fund for councils that sign the declaration.',
      'GOV.UK Notify is live, sending updates for passport applications.',
      'Every department must now get central approval for technology spending at key stages.',
      // A month before the year, money, and bodies brought into being or abolished.
      'Every trust should have electronic patient records by March 2026 under the plan.',
      'The Budget puts £2bn into NHS technology for the coming years.',
      'The bill makes devolution the default for England, creating strategic authorities across the country.',
    ]) expect(isCandidate(s), s).toBe(true);
  });

  it('rejects questions, fragments and sentences with no sign of a promise', () => {
    for (const s of [
      'Sound familiar?',
      'Will it work this time, and who will pay for it?',
      'Read more',
      'The council meets on Tuesdays in the old town hall building.',
      'She was born in Leeds and studied history at Durham.',
    ]) expect(isCandidate(s), s).toBe(false);
  });
});

describe('splitSentences', () => {
  it('splits at sentence ends but not at abbreviations or decimals', () => {
    expect(splitSentences('Mr. Javid spoke. He promised £7.5m for councils! Was it new? "Yes," said Dr. Smith.')).toEqual([
      'Mr. Javid spoke.', 'He promised £7.5m for councils!', 'Was it new?', '"Yes," said Dr. Smith.',
    ]);
  });

  it('returns one sentence for text without a full stop', () => {
    expect(splitSentences('a call to arms')).toEqual(['a call to arms']);
  });
});
