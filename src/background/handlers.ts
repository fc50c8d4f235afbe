// Implements the background side of the message contract. Content-script calls act only for a
// tab; nothing here trusts a payload that backgroundValidators has not already checked.

import type { Runtime } from '../platform/browser';
import type { Handlers } from '../platform/messaging';
import type { BackgroundCalls, CallName } from '../shared/messages';
import type { SoundFamiliarDb } from './db';
import type { DictionaryCache } from './dictionary-cache';

export function backgroundHandlers(db: SoundFamiliarDb, dictionary: DictionaryCache, ready: Promise<unknown>): Handlers<BackgroundCalls> {
  return {
    async 'dictionary/get'({ have }) {
      await ready;
      const current = await dictionary.get();
      return current.version === have ? null : current;
    },
    async 'entity/get'({ id }) {
      await ready;
      return (await db.entities.get(id)) ?? null;
    },
  };
}

/** Every call in BackgroundCalls is made by content scripts, so it must come from a tab. */
export function allowBackgroundSender(sender: Runtime.MessageSender, _call: CallName<BackgroundCalls>): boolean {
  return sender.tab?.id !== undefined;
}
