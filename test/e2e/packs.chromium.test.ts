// Pack subscriptions in Chromium: the journey in support/packs-tests.ts; the pack is served through
// request interception, which also sees the service worker's fetches.

import { launchChromium } from './support/chromium';
import { chromiumOwnSites } from './support/own-sites-chromium';
import { definePackTests } from './support/packs-tests';

definePackTests('chromium', async (site) => chromiumOwnSites(await launchChromium(site)));
