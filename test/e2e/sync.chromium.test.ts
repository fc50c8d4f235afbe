// Sync by export file, in Chromium: two persistent contexts are two profiles (two databases).
// The export is the options page's real download (Playwright's download event, read from disk);
// the import goes through the options page's file input (setInputFiles), its preview and "Import".
// The journeys are in support/claims-sync-tests.ts, shared with Firefox.

import { launchChromium } from './support/chromium';
import { ChromiumSync } from './support/claims-sync';
import { defineSyncTests } from './support/claims-sync-tests';
import { resultsPath } from './support/paths';

defineSyncTests('chromium', async (site) => new ChromiumSync(await launchChromium(site)), {
  async screenshot(profile, name) {
    await (profile as ChromiumSync).screenshotOptions(resultsPath(`chromium-${name}.png`));
  },
});
