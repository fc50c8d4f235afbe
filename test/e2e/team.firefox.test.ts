// Following a team's claims in Firefox: the journey in support/team-tests.ts; the background's
// fetches reach the team's file through the local TLS proxy (support/pack-proxy.ts).

import { launchFirefox } from './support/firefox';
import { firefoxOwnSites } from './support/own-sites-firefox';
import { defineTeamTests } from './support/team-tests';

defineTeamTests('firefox', async (site) => firefoxOwnSites(await launchFirefox(site)));
