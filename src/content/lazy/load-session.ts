// The session's code (content-session.js) and the dictionary, loaded together: the dictionary's
// loader is part of that code. What content/main.ts starts a session with.

import type { PackedDictionary } from '../../shared/dictionary';
import type { LoadedDictionary } from '../scan/loaded-dictionary';
import { yieldToPage } from '../yield-to-page';
import type { SessionParts } from './session-parts';

/** A dictionary loaded by the session's code, which the session then runs on. */
export interface Loaded {
  session: SessionParts;
  dictionary: LoadedDictionary;
}

/**
 * Loads the session's code (once: `loadCode` shares its request), then the dictionary with it, in
 * a task of its own: the browser parses a large dictionary's message in one task.
 */
export function dictionaryLoader(loadCode: () => Promise<SessionParts>): (packed: PackedDictionary) => Promise<Loaded> {
  return async (packed) => {
    const session = await loadCode();
    await yieldToPage();
    return { session, dictionary: session.loadDictionary(packed) };
  };
}
