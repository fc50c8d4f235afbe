import { describe, expect, it } from 'vitest';
import { formatPartialDate } from '../../../src/shared/format-date';

describe('formatPartialDate', () => {
  it('formats year, year-month and full dates in British order', () => {
    expect(formatPartialDate('2015')).toBe('2015');
    expect(formatPartialDate('2015-07')).toBe('Jul 2015');
    expect(formatPartialDate('2015-07-03')).toBe('3 Jul 2015');
    expect(formatPartialDate('2018-01-31')).toBe('31 Jan 2018');
    expect(formatPartialDate('2024-12')).toBe('Dec 2024');
  });
  it('invents nothing for an impossible month', () => {
    expect(formatPartialDate('2015-13')).toBe('2015');
    expect(formatPartialDate('2015-00-05')).toBe('2015');
  });
});
