// The hostile-page suite in Chromium (the tests are in support/hostile-page-tests.ts).

import { launchChromium } from './support/chromium';
import { ChromiumClaims } from './support/claims-chromium';
import { defineHostileTests } from './support/hostile-page-tests';

defineHostileTests('chromium', async (site) => {
  const h = await launchChromium(site);
  return { h, d: new ChromiumClaims(h), extensionOrigin: async () => `chrome-extension://${h.extensionId}` };
});
