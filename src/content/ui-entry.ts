// The card script, content-ui.js: injected by the background into a frame whose content script
// asks for it ('page/code'), on the reader's first need. It only registers its parts.

import { registerPart } from './lazy/part-registry';
import { uiParts } from './lazy/ui-parts';

registerPart('ui', uiParts);
