// Following a team's published export: subscribe to its https URL, refresh it (daily and on
// demand), unsubscribe. The pack machinery fetches it (no credentials, no redirects, ETag, 5 MB
// cap while reading, an optional Ed25519 signature beside it); the file is checked whole before
// anything changes; a refused or unreachable copy keeps the last good one and records why, with
// the time, leaving the time of the last success alone.

import { hasOrigin } from '../../platform/host-permissions';
import { parseSignatureFile, verifyPackSignature } from '../../shared/packs/signature';
import { spellOutControls } from '../../shared/sync/alias-policy';
import { siteOrigin } from '../../shared/site-origin';
import { parseTeamFeed, type TeamFeed } from '../../shared/team/team-feed';
import type { SoundFamiliarDb } from '../db';
import { FetchProblem, fetchPack, fetchSignature, FETCH_TIMEOUT_MS, type Fetcher } from '../packs/subscription-fetch';
import { releaseOrigin } from '../packs/subscriptions';
import { newTeamNamespace, recordTeamError, removeTeam, storeTeamCopy, TeamError, type TeamSource } from './team-store';

export interface TeamDeps {
  fetcher?: Fetcher;
  now?: () => number;
  /** After a team's claims changed: tell the tabs to reload their claims. */
  afterChange(): Promise<void>;
}

const WHAT = 'team file';

type Checked = { status: 'not-modified' } | { status: 'ok'; feed: TeamFeed; source: TeamSource };

/** Fetches the file and its signature, checks the signature against the exact bytes, and the file whole. */
async function fetchChecked(url: string, etag: string | undefined, deps: TeamDeps, now: number): Promise<Checked> {
  const got = await fetchPack(url, etag, deps.fetcher, FETCH_TIMEOUT_MS, WHAT);
  if (got.status === 'not-modified') return got;
  const sig = await fetchSignature(url, deps.fetcher, FETCH_TIMEOUT_MS, WHAT);
  let source: TeamSource = { signed: false, ...(got.etag ? { etag: got.etag } : {}) };
  if (sig !== null) {
    const check = await verifyPackSignature(got.text, parseSignatureFile(sig));
    if (!check.ok) throw new FetchProblem(`Its signature does not match the file: ${spellOutControls(check.error.replace('the pack', 'the file'))}. It was refused.`);
    source = { ...source, signed: true, publicKey: check.publicKey };
  }
  const parsed = parseTeamFeed(got.text, now);
  // The validators quote the file (a key's path, a date): its direction overrides must not turn the options page's sentence.
  if (!parsed.ok) throw new TeamError(`The team file is not valid: ${spellOutControls(parsed.error)}${/[.!?]$/.test(parsed.error) ? '' : '.'} It was refused.`);
  return { status: 'ok', feed: parsed.feed, source };
}

const plain = (error: unknown) => spellOutControls(error instanceof Error ? error.message : String(error)).slice(0, 500);

export async function subscribeTeam(db: SoundFamiliarDb, url: string, deps: TeamDeps): Promise<void> {
  const now = deps.now ?? Date.now;
  const origin = siteOrigin(url);
  if (!origin) throw new Error('A team file must be at an https address.');
  if (await db.teamSubscriptions.get(url)) throw new Error('You already follow this team file.');
  if (!(await hasOrigin(origin))) throw new Error(`Sound Familiar was not allowed to read ${origin.slice('https://'.length)}, so it cannot fetch the file.`);
  try {
    const got = await fetchChecked(url, undefined, deps, now());
    if (got.status !== 'ok') throw new FetchProblem('The server answered as if the file were already here.');
    await db.transaction('rw', db.teamSubscriptions, db.teamClaims, async () => {
      if (await db.teamSubscriptions.get(url)) throw new Error('You already follow this team file.');
      const taken = new Set((await db.teamSubscriptions.toArray()).map((s) => s.team));
      const t = now();
      const fresh = { url, team: newTeamNamespace(taken), title: new URL(url).hostname, addedAt: t, signed: false, claims: 0, names: {}, fetchedAt: t, lastSuccess: t };
      await storeTeamCopy(db, fresh, got.feed, got.source, t);
    });
  } catch (error) {
    // The options page asked for the origin only to subscribe: a failed subscription gives it back.
    await releaseOrigin(db, origin).catch(() => undefined);
    throw error;
  }
  await deps.afterChange();
}

/** Fetches a team file again. Never throws for the file's own faults: they are recorded on its subscription. */
export async function refreshTeam(db: SoundFamiliarDb, url: string, deps: TeamDeps): Promise<void> {
  const now = deps.now ?? Date.now;
  const sub = await db.teamSubscriptions.get(url);
  if (!sub) throw new Error('You do not follow this team file.');
  const origin = siteOrigin(url);
  try {
    if (!origin || !(await hasOrigin(origin))) {
      throw new FetchProblem(`Sound Familiar is no longer allowed to read ${origin?.slice('https://'.length) ?? url}; unsubscribe and subscribe again to allow it.`);
    }
    const got = await fetchChecked(url, sub.etag, deps, now());
    if (got.status === 'not-modified') {
      const t = now();
      await db.teamSubscriptions.update(url, { fetchedAt: t, lastSuccess: t, lastError: undefined });
      return;
    }
    // The fetch may have been slow: an unsubscribe meanwhile must not be undone by storing now.
    const stored = await db.transaction('rw', db.teamSubscriptions, db.teamClaims, async () => {
      const current = await db.teamSubscriptions.get(url);
      if (!current || current.team !== sub.team) return false;
      await storeTeamCopy(db, current, got.feed, got.source, now());
      return true;
    });
    if (stored) await deps.afterChange();
  } catch (error) {
    await recordTeamError(db, url, plain(error), now());
  }
}

export async function refreshAllTeams(db: SoundFamiliarDb, deps: TeamDeps): Promise<void> {
  for (const sub of await db.teamSubscriptions.toArray()) await refreshTeam(db, sub.url, deps);
}

/** Removes the team's claims, and gives the origin back unless a site, a pack or another team needs it. */
export async function unsubscribeTeam(db: SoundFamiliarDb, url: string, deps: TeamDeps): Promise<void> {
  if (!(await removeTeam(db, url))) return;
  await deps.afterChange();
  const origin = siteOrigin(url);
  if (origin) await releaseOrigin(db, origin);
}
