// today() and localDay() give the user's calendar day, not UTC's: at 00:30 on a British summer
// morning UTC still says yesterday, and a deadline of yesterday must already count as overdue.
import { describe, expect, it } from 'vitest';
import { isOverdue } from '../../../src/shared/claims/annotation-body';
import { localDay, today } from '../../../src/shared/today';
import { HALF_PAST_MIDNIGHT_BST, useTimeZone } from '../helpers/time-zone';

useTimeZone('Europe/London');

describe('today', () => {
  it('is the local date in UK summer time between midnight and 1 am', () => {
    expect(new Date(HALF_PAST_MIDNIGHT_BST).toISOString().slice(0, 10)).toBe('2024-06-30'); // what UTC says
    expect(today(() => HALF_PAST_MIDNIGHT_BST)).toBe('2024-07-01');
  });

  it('makes a promise due yesterday overdue from local midnight', () => {
    const promise = { claimType: 'promise' as const, status: 'made' as const, deadline: '2024-06-30' };
    expect(isOverdue(promise, today(() => HALF_PAST_MIDNIGHT_BST))).toBe(true);
    expect(isOverdue(promise, today(() => HALF_PAST_MIDNIGHT_BST - 60 * 60_000))).toBe(false); // 23:30 BST
  });

  it('pads months, days and years', () => {
    expect(localDay(new Date(2024, 0, 5, 12).getTime())).toBe('2024-01-05');
    expect(localDay(new Date(987, 11, 31, 12).getTime())).toBe('0987-12-31');
  });
});
