// "Your own sites" in Firefox: the journey in support/own-sites-tests.ts, with our pages clicked
// through BiDi input actions and read over RDP (support/own-sites-firefox.ts).

import { launchFirefox } from './support/firefox';
import { firefoxOwnSites } from './support/own-sites-firefox';
import { defineOwnSiteTests } from './support/own-sites-tests';

defineOwnSiteTests('firefox', async (site) => firefoxOwnSites(await launchFirefox(site)));
