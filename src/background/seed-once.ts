// Seeding compares every built-in entity with the database (seed.ts): about 50 ms, plus reading
// the shipped files, on every wake of a worker the browser stops when idle. The knowledge shipped
// only changes with the extension, so it is seeded once per run of the browser and version of the
// extension: session storage remembers that this version seeded, and is written only once the
// seeding has committed (a worker stopped halfway seeds again when woken).

import type { BuiltinEntity } from './builtin-kb';
import type { SoundFamiliarDb } from './db';
import { seedBuiltins, type SeedReport } from './seed';
import type { SessionArea } from './session-area';

const SEEDED = 'seededBy';

/**
 * Seeds unless this version already has in this run of the browser (and the database is not
 * empty). `force`: seed whatever the session says (the extension was just installed or updated).
 * Null when it did not seed.
 */
export async function seedOnce(
  db: SoundFamiliarDb,
  area: SessionArea,
  extensionVersion: string,
  builtins: () => readonly BuiltinEntity[],
  force = false,
): Promise<SeedReport | null> {
  if (!force && (await seededBy(area)) === extensionVersion && (await db.entities.count()) > 0) return null;
  const report = await seedBuiltins(db, builtins());
  // Not remembered: the next wake seeds again, as every wake did before.
  await area.set({ [SEEDED]: extensionVersion }).catch(() => undefined);
  return report;
}

async function seededBy(area: SessionArea): Promise<unknown> {
  try {
    return (await area.get(SEEDED))[SEEDED];
  } catch {
    return undefined;
  }
}
