// Recording claims, in Firefox: the journeys in support/claims-journey.ts, shared with Chromium.
// Our documents (editor frame, claims list, popup) are read over the Remote Debugging Protocol and
// driven with WebDriver BiDi's real keys and clicks; the record command and right-click item are
// the background's own message to the tab (support/claims-journey-firefox.ts).

import { FirefoxJourney } from './support/claims-journey-firefox';
import { defineClaimsJourney } from './support/claims-journey';
import { launchFirefox } from './support/firefox';

defineClaimsJourney('firefox', async (site) => FirefoxJourney.launch(await launchFirefox(site)));
