// Merges export files the way the extension imports them, with no database: per record id, the
// heads of every version seen. The output keeps every head (newest first), so a conflict in the
// inputs stays a conflict for whoever imports the result; nothing is lost.

import type { Claim } from '../shared/claims/claim';
import { buildEnvelope, type ExportEnvelope } from '../shared/sync/export-format';
import { heads } from '../shared/sync/merge';
import type { ImportedData } from '../shared/sync/read-import';
import type { Revisioned } from '../shared/sync/revision';
import type { Entity } from '../shared/types';

function mergeAll<T extends Revisioned>(versions: readonly T[]): T[] {
  const byId = new Map<string, T[]>();
  for (const v of versions) byId.set(v.id, [...(byId.get(v.id) ?? []), v]);
  // Every head is kept, tombstones included: their ancestry is what stops older copies coming back.
  return [...byId.values()].flatMap((all) => heads(all));
}

export function mergeFiles(files: readonly ImportedData[], now: number): ExportEnvelope {
  const claims = mergeAll<Claim>(files.flatMap((f) => f.claims));
  const entities = mergeAll<Entity>(files.flatMap((f) => f.entities));
  return buildEnvelope(claims, entities, 'sound-familiar-cli', now);
}
