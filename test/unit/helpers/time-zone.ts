// Runs a test file's tests in a given time zone (Node reads TZ again when it changes), and puts
// the previous one back after: for what depends on the user's local date.
import { afterAll, beforeAll } from 'vitest';

/** 00:30 BST on 1 July 2024, which is 23:30 UTC on 30 June: UTC's date is still yesterday. */
export const HALF_PAST_MIDNIGHT_BST = Date.UTC(2024, 5, 30, 23, 30);

export function useTimeZone(zone: string): void {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}
