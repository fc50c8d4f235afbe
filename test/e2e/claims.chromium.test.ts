// Recording claims, in Chromium: the journeys in support/claims-journey.ts, shared with Firefox.
// Playwright drives the editor frame and our pages with real keys and clicks; Alt+Shift+R and
// the right-click item are fired in the service worker as Chromium fires them after the key or
// the click (support/claims-journey-chromium.ts).

import { launchChromium } from './support/chromium';
import { ChromiumJourney } from './support/claims-journey-chromium';
import { defineClaimsJourney } from './support/claims-journey';

defineClaimsJourney('chromium', async (site) => ChromiumJourney.launch(await launchChromium(site)));
