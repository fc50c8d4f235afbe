// The one partial-date module: which texts are partial dates, how they compare at their own
// precision, and how they read.
import { describe, expect, it } from 'vitest';
import { comparableDate, dateSortKey, formatFactDate, formatPartialDate, isPartialDate, periodContains } from '../../../src/shared/partial-date';

describe('isPartialDate', () => {
  it('takes a year, a month or a day', () => {
    for (const ok of ['2017', '2017-11', '2017-11-21', '1999-01-31']) expect(isPartialDate(ok)).toBe(true);
  });
  it('refuses anything else', () => {
    for (const bad of ['', '17', '2017-13', '2017-00', '2017-1', '2017-11-32', '2017-11-00', ' 2017', '2017/18', '2017-summer', '2017-11-21T00:00']) {
      expect(isPartialDate(bad), bad).toBe(false);
    }
  });
});

describe('comparableDate and periodContains', () => {
  it('reads each end at its own precision', () => {
    expect(comparableDate('2018', 'start')).toBe('2018-01-01');
    expect(comparableDate('2018', 'end')).toBe('2018-12-31');
    expect(comparableDate('2018-02', 'start')).toBe('2018-02-01');
    expect(comparableDate('2018-02-14', 'end')).toBe('2018-02-14');
  });
  it('holds a period open at its end month and from its start', () => {
    expect(periodContains({ from: '2016-07', to: '2017-12' }, '2017-12-31')).toBe(true);
    expect(periodContains({ from: '2016-07', to: '2017-12' }, '2018-01-01')).toBe(false);
    expect(periodContains({ from: '2016-07-14' }, '2016-07')).toBe(false);
    expect(periodContains({ from: '2016-07-14' }, '2030')).toBe(true);
  });
  it('sorts undated after dated', () => {
    expect(['', '2015', '2014-03'].map(dateSortKey).sort()).toEqual(['2014-03', '2015', '9999']);
  });
});

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
  it('shows a fact by its label as written, else its date', () => {
    expect(formatFactDate({ date: '2016', dateLabel: '2016/17' })).toBe('2016/17');
    expect(formatFactDate({ date: '2016-05' })).toBe('May 2016');
    expect(formatFactDate({ date: '' })).toBe('Undated');
  });
});
