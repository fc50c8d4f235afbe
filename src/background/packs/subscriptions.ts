// Pack subscriptions: subscribe to a pack's https URL, refresh it (daily and on demand), and
// unsubscribe. Everything fetched is checked whole (signature, then parsePack inside installPack)
// before anything changes; a refused or unreachable update keeps the last good copy and records
// why, with the time, leaving the time of the last success alone.

import { hasOrigin, removeOrigin } from '../../platform/host-permissions';
import { registeredSiteOrigins } from '../../platform/site-scripts';
import { parsePack } from '../../shared/packs/parse-pack';
import { parseSignatureFile, verifyPackSignature } from '../../shared/packs/signature';
import { siteOrigin } from '../../shared/site-origin';
import type { SoundFamiliarDb } from '../db';
import { installPack, recordPackError, removePack } from './pack-store';
import { FetchProblem, fetchPack, fetchSignature, type Fetcher } from './subscription-fetch';

export interface SubscriptionDeps {
  fetcher?: Fetcher;
  now?: () => number;
  /** After a pack's entities changed: recompile the dictionary and tell the tabs. */
  afterChange(): Promise<void>;
}

type Checked = { status: 'not-modified' } | { status: 'ok'; text: string; etag?: string; signed: boolean; publicKey?: string };

/** Fetches the pack and its signature and checks the signature against the exact bytes. */
async function fetchChecked(url: string, etag: string | undefined, fetcher?: Fetcher): Promise<Checked> {
  const got = await fetchPack(url, etag, fetcher);
  if (got.status === 'not-modified') return got;
  const sig = await fetchSignature(url, fetcher);
  if (sig === null) return { ...got, signed: false };
  const check = await verifyPackSignature(got.text, parseSignatureFile(sig));
  if (!check.ok) throw new FetchProblem(`Its signature does not match the pack: ${check.error}. It was refused.`);
  return { ...got, signed: true, publicKey: check.publicKey };
}

const plain = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

export async function subscribe(db: SoundFamiliarDb, url: string, deps: SubscriptionDeps): Promise<string> {
  const now = deps.now ?? Date.now;
  const origin = siteOrigin(url);
  if (!origin) throw new Error('A pack must be at an https address.');
  if (await db.packSubscriptions.get(url)) throw new Error('You are already subscribed to this pack.');
  if (!(await hasOrigin(origin))) throw new Error(`Sound Familiar was not allowed to read ${origin.slice('https://'.length)}, so it cannot fetch the pack.`);
  let packId: string;
  try {
    const got = await fetchChecked(url, undefined, deps.fetcher);
    if (got.status !== 'ok') throw new FetchProblem('The server answered as if the pack were already here.');
    packId = await db.transaction('rw', db.entities, db.packs, db.packSubscriptions, async () => {
      const report = await installPack(db, got.text, { url, signed: got.signed, ...(got.etag ? { etag: got.etag } : {}), ...(got.publicKey ? { publicKey: got.publicKey } : {}) }, now);
      await db.packSubscriptions.put({ url, packId: report.packId, addedAt: now() });
      return report.packId;
    });
  } catch (error) {
    // The options page asked for the origin only to subscribe: a failed subscription gives it back.
    await releaseOrigin(db, origin).catch(() => undefined);
    throw error;
  }
  await deps.afterChange();
  return packId;
}

/** Fetches a subscription again. Never throws for the pack's own faults: they are recorded on its row. */
export async function refresh(db: SoundFamiliarDb, url: string, deps: SubscriptionDeps): Promise<void> {
  const now = deps.now ?? Date.now;
  const sub = await db.packSubscriptions.get(url);
  if (!sub?.packId) throw new Error('You are not subscribed to this pack.');
  const current = await db.packs.get(sub.packId);
  const origin = siteOrigin(url);
  try {
    // Withdrawn in the browser's settings: say so, rather than "could not be reached".
    if (!origin || !(await hasOrigin(origin))) {
      throw new FetchProblem(`Sound Familiar is no longer allowed to read ${origin?.slice('https://'.length) ?? url}; unsubscribe and subscribe again to allow it.`);
    }
    const got = await fetchChecked(url, current?.etag, deps.fetcher);
    if (got.status === 'not-modified') {
      const t = now();
      await db.packs.update(sub.packId, { fetchedAt: t, lastSuccess: t, lastError: undefined });
      return;
    }
    // A different pack at this address would be installed beside ours, not in its place.
    const parsed = parsePack(got.text);
    if (parsed.ok && parsed.pack.meta.id !== sub.packId) {
      throw new FetchProblem(`The address now serves a different pack (“${parsed.pack.meta.id.slice(0, 80)}”), not “${sub.packId}”. It was refused.`);
    }
    // The fetch may have been slow: an unsubscribe meanwhile must not be undone by installing now.
    const stillSubscribed = await db.transaction('rw', db.entities, db.packs, db.packSubscriptions, async () => {
      if ((await db.packSubscriptions.get(url))?.packId !== sub.packId) return false;
      await installPack(db, got.text, { url, signed: got.signed, ...(got.etag ? { etag: got.etag } : {}), ...(got.publicKey ? { publicKey: got.publicKey } : {}) }, now);
      return true;
    });
    if (stillSubscribed) await deps.afterChange();
  } catch (error) {
    await recordPackError(db, sub.packId, plain(error), now);
  }
}

export async function refreshAll(db: SoundFamiliarDb, deps: SubscriptionDeps): Promise<void> {
  for (const sub of await db.packSubscriptions.toArray()) {
    if (sub.packId) await refresh(db, sub.url, deps);
  }
}

/** Whether a subscription other than `except` (a pack's, or a team's file: background/team/) fetches from `origin`. */
export async function packsNeedOrigin(db: SoundFamiliarDb, origin: string, except?: string): Promise<boolean> {
  const urls = [...(await db.packSubscriptions.toArray()), ...(await db.teamSubscriptions.toArray())].map((s) => s.url);
  return urls.some((url) => url !== except && siteOrigin(url) === origin);
}

/** Removes the pack and its entities, and gives the origin back unless a site or another pack needs it. */
export async function unsubscribe(db: SoundFamiliarDb, url: string, deps: SubscriptionDeps): Promise<void> {
  const sub = await db.packSubscriptions.get(url);
  if (!sub) return;
  await db.transaction('rw', db.entities, db.packs, db.packSubscriptions, async () => {
    if (sub.packId) await removePack(db, sub.packId);
    await db.packSubscriptions.delete(url);
  });
  await deps.afterChange();
  const origin = siteOrigin(url);
  if (origin) await releaseOrigin(db, origin);
}

/** Gives the host permission for `origin` back unless a subscription or one of the reader's sites needs it. */
export async function releaseOrigin(db: SoundFamiliarDb, origin: string): Promise<void> {
  if (!(await packsNeedOrigin(db, origin)) && !(await registeredSiteOrigins()).includes(origin)) await removeOrigin(origin);
}
