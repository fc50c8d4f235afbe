// Message handlers for export, import (preview, then apply), undo and conflicts. A previewed
// import waits here, validated and planned, until the user confirms it; if the database changed
// since, applying plans it again; an expired one must be chosen again.

import type { Handlers } from '../../platform/messaging';
import type { BackgroundCalls } from '../../shared/messages';
import { readImport, type ImportedData } from '../../shared/sync/read-import';
import type { SoundFamiliarDb } from '../db';
import type { DictionaryCache } from '../dictionary-cache';
import type { BackgroundEffects } from '../effects';
import { lastBackup, restoreLastBackup } from './backups';
import { listConflicts, resolve } from './conflict-resolution';
import { exportCsv, exportJson } from './export-data';
import { applyImport, planImport, type PlannedImport } from './import-data';

type SyncCalls = 'sync/export' | 'sync/export-csv' | 'sync/preview' | 'sync/apply' | 'sync/backup' | 'sync/undo' | 'sync/conflicts' | 'sync/resolve';

/** Previews older than this are forgotten: the database may have changed since. */
const PREVIEW_TTL_MS = 10 * 60 * 1000;

export function syncHandlers(db: SoundFamiliarDb, dictionary: DictionaryCache, ready: Promise<unknown>, effects: BackgroundEffects): Pick<Handlers<BackgroundCalls>, SyncCalls> {
  const previews = new Map<string, { data: ImportedData; planned: PlannedImport; at: number }>();
  const dataChanged = async (entities: boolean) => {
    if (entities) dictionary.invalidate();
    await effects.refreshTabs(entities);
  };
  return {
    async 'sync/export'() {
      await ready;
      return exportJson(db);
    },
    'sync/export-csv': () => exportCsv(db),
    async 'sync/preview'({ text }) {
      await ready;
      const data = readImport(text);
      const planned = await planImport(db, data);
      const token = crypto.randomUUID();
      const now = Date.now();
      for (const [key, p] of previews) if (now - p.at > PREVIEW_TTL_MS) previews.delete(key);
      previews.set(token, { data, planned, at: now });
      return { token, summary: planned.summary };
    },
    async 'sync/apply'({ token }) {
      const preview = previews.get(token);
      previews.delete(token);
      if (!preview || Date.now() - preview.at > PREVIEW_TTL_MS) throw new Error('This preview has expired: choose the file again.');
      // The answer is what was written, which differs from the preview if it had to be planned again.
      const { entitiesChanged, replanned: _replanned, ...summary } = await applyImport(db, preview.data, { planned: preview.planned });
      await dataChanged(entitiesChanged);
      return summary;
    },
    'sync/backup': () => lastBackup(db),
    async 'sync/undo'() {
      const restored = await restoreLastBackup(db);
      if (restored) await dataChanged(true);
      return restored;
    },
    'sync/conflicts': () => listConflicts(db),
    async 'sync/resolve'({ kind, id, rev }) {
      await resolve(db, kind, id, rev);
      await dataChanged(kind === 'entity');
      return null;
    },
  };
}
