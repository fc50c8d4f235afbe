// Following a team's claims in Chromium: the journey in support/team-tests.ts; the team's file is
// served through request interception, which also sees the service worker's fetches.

import { launchChromium } from './support/chromium';
import { chromiumOwnSites } from './support/own-sites-chromium';
import { defineTeamTests } from './support/team-tests';

defineTeamTests('chromium', async (site) => chromiumOwnSites(await launchChromium(site)));
