// A new, empty database for each test that asks, all closed and deleted after each test, so tests
// in one file never see each other's records.

import { afterEach } from 'vitest';
import { openDb, type SoundFamiliarDb } from '../../../src/background/db';

/**
 * Returns a function that opens a database named `<prefix>-N` (or the name given, for a database
 * a test wrote first); call at the top level of a test file.
 */
export function freshDbs(prefix: string): (name?: string) => SoundFamiliarDb {
  let counter = 0;
  const opened: SoundFamiliarDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  return (name = `${prefix}-${++counter}`) => {
    const db = openDb(name);
    opened.push(db);
    return db;
  };
}
