import { describe, expect, it } from 'vitest';
import { stem } from '../../../../src/shared/echo/stem';

describe('stem', () => {
  it('follows Porter on the classic examples', () => {
    const cases: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', cats: 'cat', agreed: 'agre', plastered: 'plaster', motoring: 'motor',
      hopping: 'hop', filing: 'file', happy: 'happi', relational: 'relat', conditional: 'condit', digitizer: 'digit',
      generalization: 'gener', hopefulness: 'hope', triplicate: 'triplic', adjustment: 'adjust', adoption: 'adopt',
      controlling: 'control', roll: 'roll', probate: 'probat',
    };
    for (const [word, expected] of Object.entries(cases)) expect(stem(word), word).toBe(expected);
  });

  it('folds the forms of a word that announcements use', () => {
    expect(stem('councils')).toBe(stem('council'));
    expect(stem('promised')).toBe(stem('promises'));
    expect(stem('digitisation')).toBe(stem('digitised'));
    expect(stem('platforms')).toBe('platform');
  });

  it('leaves short words, numbers and non-letters alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('2030')).toBe('2030');
    expect(stem('£7.5m')).toBe('£7.5m');
  });
});
