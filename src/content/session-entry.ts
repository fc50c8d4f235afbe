// The session script, content-session.js: injected by the background into a frame whose content
// script asks for it ('page/code'), once its page has claims or text that could name something. It
// only registers its parts.

import { registerPart } from './lazy/part-registry';
import { sessionParts } from './lazy/session-parts';

registerPart('session', sessionParts);
