// The claims journeys, written once and run by claims.chromium.test.ts and claims.firefox.test.ts:
// recording (claims-journey-record.ts), finding claims again (-places.ts), adding names
// (-names.ts) and the claims list (-list.ts). Each test starts from a fresh profile and sets up
// what it needs itself, so any one passes alone (`-t`) and in any order.

import { describe } from 'vitest';
import type { JourneyDriver } from './claims-journey-driver';
import { listTests } from './claims-journey-list';
import { namesTests } from './claims-journey-names';
import { placingTests } from './claims-journey-places';
import { recordingTests } from './claims-journey-record';
import { claimsSite, freshProfileEachTest } from './claims-journey-setup';
import type { Site } from './site';

export function defineClaimsJourney(browserName: string, launch: (site: Site) => Promise<JourneyDriver>): void {
  describe(`${browserName}: recording claims`, () => {
    const j = freshProfileEachTest(claimsSite(), launch);
    recordingTests(j);
    placingTests(j);
    namesTests(j);
    listTests(j);
  });
}
