// Builds the export file and the CSV from the database: every claim (tombstones included, so
// deletions travel) and the entities the user added or edited.

import { claimsToCsv } from '../../shared/sync/claims-csv';
import { buildEnvelope, exportFileName } from '../../shared/sync/export-format';
import type { SoundFamiliarDb } from '../db';

export async function deviceId(db: SoundFamiliarDb): Promise<string> {
  const stored = await db.meta.get('deviceId');
  if (typeof stored?.value === 'string') return stored.value;
  const id = crypto.randomUUID();
  await db.meta.put({ key: 'deviceId', value: id });
  return id;
}

export async function exportJson(db: SoundFamiliarDb, now = Date.now()): Promise<{ fileName: string; json: string; claims: number; entities: number }> {
  const [claims, entities, device] = await Promise.all([db.claims.toArray(), db.entities.toArray(), deviceId(db)]);
  const envelope = buildEnvelope(claims, entities, device, now);
  return { fileName: exportFileName(now), json: JSON.stringify(envelope, null, 1), claims: envelope.claims.length, entities: envelope.entities.length };
}

export async function exportCsv(db: SoundFamiliarDb, now = Date.now()): Promise<{ fileName: string; csv: string }> {
  const [claims, entities] = await Promise.all([db.claims.toArray(), db.entities.toArray()]);
  const names = new Map(entities.map((e) => [e.id, e.name]));
  return { fileName: exportFileName(now, 'csv'), csv: claimsToCsv(claims, (id) => names.get(id) ?? id) };
}
