// What the session script (content-session.js) brings: the dictionary's loader and the page
// session with everything it runs (the scanner, the matcher, highlighting, the page features).
// content.js loads it only for a page with claims or text that could name something (main.ts); a
// page that names nothing pays only for the small script that found that out.

import { PageSession } from '../page-session';
import { loadDictionary } from '../scan/loaded-dictionary';

export const sessionParts = { PageSession, loadDictionary };

export type SessionParts = typeof sessionParts;
