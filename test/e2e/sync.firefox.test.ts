// Sync by export file, in Firefox: two launches are two profiles (two databases).
// The export is the options page's real download: WebDriver BiDi's browser.setDownloadBehavior
// saves it into a temporary folder, which the test reads. The options page itself cannot be
// driven over BiDi (moz-extension documents are refused), so it is driven from inside over the
// Remote Debugging Protocol: buttons clicked with element.click(), and the chosen file handed to
// its <input type=file> through a DataTransfer and a change event, as a file chooser would.
// The journeys are in support/claims-sync-tests.ts, shared with Chromium.

import { QUOTE, waitForClaims } from './support/claims-common';
import { FirefoxClaims } from './support/claims-firefox';
import { FirefoxSync } from './support/claims-sync';
import { defineSyncTests } from './support/claims-sync-tests';
import { launchFirefox } from './support/firefox';

defineSyncTests('firefox', async (site) => {
  const h = await launchFirefox(site);
  const d = await FirefoxClaims.attach(h);
  // BiDi's download behaviour is set through a page's session: open a page for it.
  const blank = await h.open('https://www.gov.uk/government/news/javid-calls-for-a-new-vision-for-local-government-digital');
  const profile = await FirefoxSync.attach(d, blank);
  await blank.close();
  return profile;
}, {
  // The options page cannot be photographed over BiDi; the page the claim arrived on can.
  async screenshot(_profile, name, page) {
    if (name === 'sync-imported') {
      await waitForClaims(page, [QUOTE]);
      await page.screenshot(name);
    }
  },
});
