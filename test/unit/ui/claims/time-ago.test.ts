import { describe, expect, it } from 'vitest';
import { formatDay, timeAgo } from '../../../../src/ui/claims/time-ago';

const NOW = new Date(2025, 5, 15, 12, 0, 0).getTime();
const MIN = 60_000;

describe('timeAgo', () => {
  it('says how long ago, in words', () => {
    expect(timeAgo(NOW - 10_000, NOW)).toBe('just now');
    expect(timeAgo(NOW - 5 * MIN, NOW)).toBe('5 minutes ago');
    expect(timeAgo(NOW - 3 * 60 * MIN, NOW)).toBe('3 hours ago');
    expect(timeAgo(NOW - 24 * 60 * MIN, NOW)).toBe('yesterday');
    expect(timeAgo(NOW - 3 * 24 * 60 * MIN, NOW)).toBe('3 days ago');
  });
  it('gives the date for anything older than a week', () => {
    expect(timeAgo(new Date(2025, 0, 3, 9).getTime(), NOW)).toBe('3 Jan 2025');
  });
  it('treats a time in the future (a clock change) as now', () => {
    expect(timeAgo(NOW + 5 * MIN, NOW)).toBe('just now');
  });
  it('formats a day in British order', () => {
    expect(formatDay(new Date(2024, 11, 25, 23, 0).getTime())).toBe('25 Dec 2024');
  });
});
