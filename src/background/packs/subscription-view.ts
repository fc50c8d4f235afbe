// The options page's view of the subscriptions: each subscribed URL with its pack's label, its
// signature state and the times and reason of its last attempts. No pack text leaves here but
// the metadata fields, which the page renders as text.

import type { PackView } from '../../shared/site-pack-calls';
import { safeHttpsUrl } from '../../shared/safe-url';
import type { SoundFamiliarDb } from '../db';
import { listPacks } from './pack-store';

export async function packViews(db: SoundFamiliarDb): Promise<PackView[]> {
  const [subs, packs] = await Promise.all([db.packSubscriptions.toArray(), listPacks(db)]);
  const byId = new Map(packs.map((p) => [p.id, p]));
  return subs
    .map((sub): PackView => {
      const p = sub.packId ? byId.get(sub.packId) : undefined;
      if (!p) return { url: sub.url, packId: sub.packId ?? null, title: sub.url, maintainer: '', version: '', licence: '', signed: false, entities: 0 };
      const homepage = safeHttpsUrl(p.meta.homepage);
      return {
        url: sub.url, packId: p.id, title: p.meta.title, maintainer: p.meta.maintainer, version: p.meta.version, licence: p.meta.licence,
        ...(homepage ? { homepage } : {}),
        signed: p.signed, ...(p.publicKey ? { keyStart: p.publicKey.slice(0, 12) } : {}),
        entities: p.entities, lastSuccess: p.lastSuccess, checkedAt: p.fetchedAt, ...(p.lastError ? { lastError: p.lastError } : {}),
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}

export async function packView(db: SoundFamiliarDb, url: string): Promise<PackView> {
  const view = (await packViews(db)).find((v) => v.url === url);
  if (!view) throw new Error('You are not subscribed to this pack.');
  return view;
}
