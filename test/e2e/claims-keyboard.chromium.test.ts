// Keyboard-only journeys in Chromium (recording a claim, importing a file): written once in
// support/claims-journey-keyboard.ts. Playwright's keyboard drives the page, the editor frame and
// the options page; the file chooser Space opens is answered through Playwright's filechooser.

import { launchChromium } from './support/chromium';
import { ChromiumJourney } from './support/claims-journey-chromium';
import { defineKeyboardJourneys } from './support/claims-journey-keyboard';

defineKeyboardJourneys('chromium', async (site) => ChromiumJourney.launch(await launchChromium(site)));
