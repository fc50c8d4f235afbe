// Installs, updates and removes knowledge packs in the database. A pack is validated completely
// before anything changes, then one transaction swaps its entities (ids namespaced by the pack)
// and writes its last good copy, so a refused update leaves the previous copy whole. The user's
// edits of a pack's entity survive its updates; the maintainer's key is pinned by the first
// signed install. Fetching, schedules and permissions are the subscriber's job (not here).

import type { CoreEntity } from '../../shared/knowledge/entity-parser';
import { namespacePrecision } from '../../shared/packs/pack-precision';
import { compareVersions, namespacedId, type Pack } from '../../shared/packs/pack-types';
import { parsePack } from '../../shared/packs/parse-pack';
import { knowledgeBaseProblem, nameTotals } from '../../shared/sync/knowledge-limits';
import { withNextRevision } from '../../shared/sync/revision';
import type { Entity } from '../../shared/types';
import type { PackRecord, SoundFamiliarDb } from '../db';
import type { DictionaryCache } from '../dictionary-cache';
import type { BackgroundEffects } from '../effects';

/** A pack that cannot be installed; the message says why, for the options page. */
export class PackError extends Error {}

export interface PackSource {
  url?: string;
  etag?: string;
  /** The key that signed this copy (from verifyPackSignature), if it was signed. */
  publicKey?: string;
  signed: boolean;
  /** This Sound Familiar's version: a pack whose minAppVersion is newer is refused. */
  appVersion?: string;
}

export interface PackInstallReport {
  packId: string;
  added: number;
  updated: number;
  removed: number;
  /** Entities the user edited, left as the user has them. */
  keptUserEdits: number;
}

/** What the options page lists: a pack's row without its text. */
export type PackListing = Omit<PackRecord, 'text'> & { entities: number };

const shortKey = (key: string) => `${key.slice(0, 8)}…`;

/** The text to store and the pack it holds: a Pack is stored as JSON, a text exactly as given (it is what was signed). */
function validated(pack: Pack | string): { text: string; pack: Pack } {
  const text = typeof pack === 'string' ? pack : JSON.stringify(pack, null, 1);
  const result = parsePack(text);
  if (!result.ok) throw new PackError(`The pack is not valid: ${result.errors.slice(0, 5).join('; ')}${result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : ''}`);
  return { text, pack: result.pack };
}

/** Refuses an update whose key differs from the pinned one, or that comes under a pack id installed from elsewhere. */
function checkSource(current: PackRecord | undefined, pack: Pack, text: string, source: PackSource): void {
  if (source.signed && !source.publicKey) throw new PackError('A signed pack needs the key that signed it.');
  const needs = pack.meta.minAppVersion;
  if (needs && source.appVersion && compareVersions(needs, source.appVersion) > 0) {
    throw new PackError(`“${pack.meta.title}” ${pack.meta.version} needs Sound Familiar ${needs} or later (this is ${source.appVersion}). Update the extension; the last good copy is kept.`);
  }
  if (!current) return;
  const { title } = pack.meta;
  if (current.url !== undefined && source.url !== undefined && current.url !== source.url) {
    throw new PackError(`A pack with the id "${pack.meta.id}" is already installed from ${current.url}; ${source.url} cannot replace it.`);
  }
  if (current.publicKey && !source.signed) {
    throw new PackError(`This copy of “${title}” is not signed, but the pack was signed by key ${shortKey(current.publicKey)} when you subscribed. It was refused; the last good copy is kept.`);
  }
  if (current.publicKey && source.publicKey !== current.publicKey) {
    throw new PackError(`This copy of “${title}” is signed by a different key (${shortKey(source.publicKey ?? '')}) from the one pinned when you subscribed (${shortKey(current.publicKey)}). It was refused; the last good copy is kept.`);
  }
  // An older signed copy is still validly signed: replaying it must not roll the pack back.
  const order = compareVersions(pack.meta.version, current.meta.version);
  if (order < 0) {
    throw new PackError(`This copy of “${title}” is version ${pack.meta.version}, older than the installed ${current.meta.version}. It was refused; the last good copy is kept.`);
  }
  if (order === 0 && text !== current.text) {
    throw new PackError(`This copy of “${title}” has the installed version number (${current.meta.version}) but different contents; a changed pack needs a new version. It was refused; the last good copy is kept.`);
  }
}

/** A pack's entity as stored: its id and its own bodies' ids prefixed with the pack's, its provenance attached. */
function installed(e: CoreEntity, pack: Pack, ownIds: ReadonlySet<string>): Omit<Entity, 'created' | 'modified' | 'rev' | 'revs'> {
  const ns = (id: string) => namespacedId(pack.meta.id, id);
  return {
    ...e,
    id: ns(e.id),
    ...(e.roles ? { roles: e.roles.map((r) => (r.bodyId && ownIds.has(r.bodyId) ? { ...r, bodyId: ns(r.bodyId) } : r)) } : {}),
    origin: 'pack',
    packId: pack.meta.id,
    packLabel: { title: pack.meta.title, maintainer: pack.meta.maintainer },
  };
}

function sameContent(stored: Entity, next: Omit<Entity, 'created' | 'modified' | 'rev' | 'revs'>): boolean {
  const { created: _c, modified: _m, rev: _r, revs: _rs, deleted: _d, userEdited: _u, ...facts } = stored;
  return JSON.stringify(facts) === JSON.stringify(next);
}

export async function installPack(db: SoundFamiliarDb, pack: Pack | string, source: PackSource, now = Date.now): Promise<PackInstallReport> {
  const { text, pack: valid } = validated(pack);
  const packId = valid.meta.id;
  const ownIds = new Set(valid.entities.map((e) => e.id));
  const incoming = valid.entities.map((e) => installed(e, valid, ownIds));
  const report: PackInstallReport = { packId, added: 0, updated: 0, removed: 0, keptUserEdits: 0 };
  await db.transaction('rw', db.entities, db.packs, async () => {
    const current = await db.packs.get(packId);
    checkSource(current, valid, text, source);
    const all = await db.entities.toArray();
    const byId = new Map(all.map((e) => [e.id, e]));
    const t = now();
    const writes: Entity[] = [];
    for (const next of incoming) {
      const stored = byId.get(next.id);
      // The user's edit (or the user's own entity under this id, from an import) wins over the pack.
      if (stored && (stored.userEdited || stored.origin === 'user') && stored.deleted === undefined) {
        report.keptUserEdits++;
        continue;
      }
      if (stored && stored.deleted === undefined && sameContent(stored, next)) continue;
      const { rev, revs } = withNextRevision(next);
      writes.push({ ...next, created: stored?.created ?? t, modified: t, rev, revs: stored ? [rev, ...stored.revs].slice(0, 50) : revs });
      if (stored) report.updated++;
      else report.added++;
    }
    const incomingIds = new Set(incoming.map((e) => e.id));
    const stale = all.filter((e) => e.origin === 'pack' && e.packId === packId && !e.userEdited && !incomingIds.has(e.id));
    // The whole knowledge base must still fit the dictionary every tab receives.
    const after = new Map(byId);
    for (const e of stale) after.delete(e.id);
    for (const e of writes) after.set(e.id, e);
    const tooMany = knowledgeBaseProblem(nameTotals(after.values()), nameTotals(all));
    if (tooMany) throw new PackError(`“${valid.meta.title}” cannot be installed: ${tooMany}`);
    await db.entities.bulkPut(writes);
    await db.entities.bulkDelete(stale.map((e) => e.id));
    report.removed = stale.length;
    const row: PackRecord = {
      id: packId, meta: valid.meta,
      ...(source.url !== undefined ? { url: source.url } : current?.url !== undefined ? { url: current.url } : {}),
      ...(source.etag !== undefined ? { etag: source.etag } : {}),
      // The first signed copy pins its key; later copies were checked against it above.
      ...(current?.publicKey ?? source.publicKey ? { publicKey: current?.publicKey ?? source.publicKey } : {}),
      signed: source.signed, fetchedAt: t, lastSuccess: t, text,
      ...(valid.precision ? { precision: namespacePrecision(valid.precision, (id) => namespacedId(packId, id)) } : {}),
    };
    await db.packs.put(row);
  });
  return report;
}

/** Records why a fetch or update of an installed pack failed, keeping its last good copy. */
export async function recordPackError(db: SoundFamiliarDb, packId: string, error: string, now = Date.now): Promise<void> {
  await db.packs.update(packId, { lastError: error.slice(0, 500), fetchedAt: now() });
}

/** Removes a pack's row and the entities the user never edited; edited ones stay, as the user's. */
export async function removePack(db: SoundFamiliarDb, packId: string): Promise<{ removed: number; keptUserEdits: number }> {
  return db.transaction('rw', db.entities, db.packs, async () => {
    const mine = (await db.entities.where('origin').equals('pack').toArray()).filter((e) => e.packId === packId);
    const untouched = mine.filter((e) => !e.userEdited);
    await db.entities.bulkDelete(untouched.map((e) => e.id));
    await db.packs.delete(packId);
    return { removed: untouched.length, keptUserEdits: mine.length - untouched.length };
  });
}

export async function listPacks(db: SoundFamiliarDb): Promise<PackListing[]> {
  const [rows, entities] = await Promise.all([db.packs.toArray(), db.entities.where('origin').equals('pack').toArray()]);
  const counts = new Map<string, number>();
  for (const e of entities) if (e.packId && e.deleted === undefined) counts.set(e.packId, (counts.get(e.packId) ?? 0) + 1);
  return rows
    .map(({ text: _text, ...row }) => ({ ...row, entities: counts.get(row.id) ?? 0 }))
    .sort((a, b) => a.meta.title.localeCompare(b.meta.title));
}

/**
 * After installPack, removePack or an update: drops the compiled dictionary and tells every tab to
 * fetch it again. Pass the handlers' effects: their refreshTabs also drops the echo index.
 */
export function afterPackChange(dictionary: Pick<DictionaryCache, 'invalidate'>, effects: Pick<BackgroundEffects, 'refreshTabs'>): Promise<void> {
  dictionary.invalidate();
  return effects.refreshTabs(true);
}
