// Message handlers for the knowledge base growing with use. Any change recompiles the dictionary
// and tells open tabs, so the new name is detected at once and on every page after.

import type { Handlers } from '../platform/messaging';
import type { BackgroundCalls } from '../shared/messages';
import type { SoundFamiliarDb } from './db';
import type { DictionaryCache } from './dictionary-cache';
import type { BackgroundEffects } from './effects';
import { addAlias, createEntity, listEntities, toChoice } from './user-entities';

export function entityHandlers(
  db: SoundFamiliarDb,
  dictionary: DictionaryCache,
  ready: Promise<unknown>,
  effects: BackgroundEffects,
): Pick<Handlers<BackgroundCalls>, 'entities/list' | 'entity/create' | 'entity/add-alias'> {
  const changed = async () => {
    dictionary.invalidate();
    await effects.refreshTabs(true);
  };
  return {
    async 'entities/list'() {
      await ready;
      return listEntities(db);
    },
    async 'entity/create'({ kind, name, summary }) {
      await ready;
      const entity = await createEntity(db, kind, name, summary);
      await changed();
      return toChoice(entity);
    },
    async 'entity/add-alias'({ entityId, alias }) {
      await ready;
      const entity = await addAlias(db, entityId, alias);
      await changed();
      return toChoice(entity);
    },
  };
}
