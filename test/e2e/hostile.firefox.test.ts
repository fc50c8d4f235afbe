// The hostile-page suite in Firefox (the tests are in support/hostile-page-tests.ts).

import { FirefoxClaims } from './support/claims-firefox';
import { launchFirefox } from './support/firefox';
import { defineHostileTests } from './support/hostile-page-tests';

defineHostileTests('firefox', async (site) => {
  const h = await launchFirefox(site);
  const d = await FirefoxClaims.attach(h);
  return { h, d, extensionOrigin: async () => new URL(await h.background.evaluate<string>('browser.runtime.getURL("")')).origin };
});
