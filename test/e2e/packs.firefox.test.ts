// Pack subscriptions in Firefox: the journey in support/packs-tests.ts; the background's fetches
// reach the pack through a local proxy (support/pack-proxy.ts), which BiDi interception cannot.

import { launchFirefox } from './support/firefox';
import { firefoxOwnSites } from './support/own-sites-firefox';
import { definePackTests } from './support/packs-tests';

definePackTests('firefox', async (site) => firefoxOwnSites(await launchFirefox(site)));
