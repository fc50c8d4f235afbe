// The extension's IndexedDB, owned by the background alone (a content script opening IndexedDB
// would open the page's database). Schema changes are new version() blocks, never edits.

import Dexie, { type EntityTable } from 'dexie';
import type { Entity } from '../shared/types';

export interface MetaRecord {
  key: string;
  value: unknown;
}

export type SoundFamiliarDb = Dexie & {
  entities: EntityTable<Entity, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
};

export function openDb(name = 'sound-familiar'): SoundFamiliarDb {
  const db = new Dexie(name) as SoundFamiliarDb;
  db.version(1).stores({
    entities: 'id, kind, origin, modified',
    meta: 'key',
  });
  return db;
}
