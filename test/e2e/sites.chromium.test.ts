// "Your own sites" in Chromium: the journey in support/own-sites-tests.ts, with our pages driven
// by Playwright and the prompt's "Allow" given through chrome://extensions (support/own-sites-chromium.ts).

import { launchChromium } from './support/chromium';
import { chromiumOwnSites, EXTENSION_DEBUGGING } from './support/own-sites-chromium';
import { defineOwnSiteTests } from './support/own-sites-tests';

defineOwnSiteTests('chromium', async (site) => chromiumOwnSites(await launchChromium(site, EXTENSION_DEBUGGING)));
