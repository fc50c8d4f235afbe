// The second content script, content-ui.js: injected by the background into a frame whose content
// script asks for it ('page/ui'), on the reader's first need. It only registers its parts.

import { uiParts } from './lazy/ui-parts';
import { registerUi } from './lazy/ui-registry';

registerUi(uiParts);
