// today() and localDay() give the user's calendar day, not UTC's: at 00:30 on a British summer
// morning UTC still says yesterday, and a deadline of yesterday must already count as overdue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOverdue } from '../../../src/shared/claims/annotation-body';
import { localDay, today } from '../../../src/shared/today';

/** 00:30 BST on 1 July 2024, which is 23:30 UTC on 30 June. */
const HALF_PAST_MIDNIGHT_BST = Date.UTC(2024, 5, 30, 23, 30);

const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/London';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

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
