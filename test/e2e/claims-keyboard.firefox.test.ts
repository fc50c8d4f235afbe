// Keyboard-only journeys in Firefox (recording a claim, importing a file): written once in
// support/claims-journey-keyboard.ts. BiDi's keyboard drives the page, the editor frame and the
// options tab; the file is handed to the input after Space activated it (see
// support/claims-journey-firefox.ts for why the chooser itself cannot be answered).

import { FirefoxJourney } from './support/claims-journey-firefox';
import { defineKeyboardJourneys } from './support/claims-journey-keyboard';
import { launchFirefox } from './support/firefox';

defineKeyboardJourneys('firefox', async (site) => FirefoxJourney.launch(await launchFirefox(site)));
