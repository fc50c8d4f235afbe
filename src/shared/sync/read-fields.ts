// The bookkeeping fields every imported record carries: its timestamps and its revision history.
// Shared by the claim and entity readers; the fields' content is checked by those readers.

import { array, string, ValidationError, type Json } from '../validate';
import { MAX_ANCESTRY } from './revision';

/** How far ahead of this clock a timestamp may be: another machine's clock may run a little fast. */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * An ISO 8601 timestamp, as milliseconds. One far ahead of `now` is refused: the newest
 * `modified` wins a merge, so a record dated 9999 would win every concurrent edit for ever.
 */
export function time(value: unknown, path: string, now: number): number {
  const ms = typeof value === 'string' && value.length <= 40 ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new ValidationError(path, 'must be a date and time (ISO 8601)');
  if (ms > now + CLOCK_SKEW_MS) throw new ValidationError(path, `is more than a day in the future (${value as string})`);
  return ms;
}

export function revision(v: Json, path: string): { rev: string; revs: string[] } {
  const rev = string(v.rev, `${path}.rev`, 40, { allowEmpty: false });
  const revs = array(v.revs, `${path}.revs`, MAX_ANCESTRY, (r, p) => string(r, p, 40, { allowEmpty: false }));
  if (revs[0] !== rev) throw new ValidationError(`${path}.revs`, 'must start with rev');
  return { rev, revs };
}
