// A followed team's claims in the database, apart from the reader's own (their own table, ids
// prefixed by the subscription's namespace, so a team's file can never overwrite, delete or pass
// for one of the reader's claims). A new copy replaces the old in one transaction after it was
// validated whole; a refused copy changes nothing but the subscription's error line.
// Fetching and permissions are the subscriber's job (team-subscriptions.ts), not here.

import type { Claim, ClaimFields } from '../../shared/claims/claim';
import type { ShownClaim, TeamMark } from '../../shared/team/team-calls';
import { TEAM_LIMITS, type TeamFeed } from '../../shared/team/team-feed';
import type { SoundFamiliarDb, TeamClaimChunk, TeamSubscription } from '../db';

/** A team copy that cannot be used; the message says why, for the options page. */
export class TeamError extends Error {}

export interface TeamSource {
  etag?: string;
  signed: boolean;
  /** The key that signed this copy (checked against its bytes), if signed. */
  publicKey?: string;
}

const CHUNK = 100;
const shortKey = (key: string) => `${key.slice(0, 8)}…`;

/** A fresh namespace for a subscription's claim ids: random, so two addresses can never share one. */
export function newTeamNamespace(taken: ReadonlySet<string>): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(4));
    const team = `team-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    if (!taken.has(team)) return team;
  }
}

/** The claim's id as the team's file has it (the part after the namespace). */
export const originalId = (id: string): string => id.slice(id.indexOf(':') + 1);

function chunksOf(team: string, claims: readonly Claim[]): TeamClaimChunk[] {
  const out: TeamClaimChunk[] = [];
  for (let i = 0; i < claims.length; i += CHUNK) {
    const group = claims.slice(i, i + CHUNK).map((c) => ({ ...c, id: `${team}:${c.id}` }));
    const sources = new Set(group.map((c) => c.target.source));
    const entities = new Set(group.flatMap((c) => (c.claimant ? [c.claimant, ...c.entities] : c.entities)));
    out.push({ id: `${team}#${i / CHUNK}`, team, claims: group, sources: [...sources], entities: [...entities] });
  }
  return out;
}

/** Refuses a copy whose signature does not fit the key pinned by the first signed copy. */
function checkKey(current: TeamSubscription, source: TeamSource): void {
  if (source.signed && !source.publicKey) throw new TeamError('A signed copy needs the key that signed it.');
  if (!current.publicKey) return;
  if (!source.signed) {
    throw new TeamError(`This copy is not signed, but the team's file was signed by key ${shortKey(current.publicKey)} when you subscribed. It was refused; the last good copy is kept.`);
  }
  if (source.publicKey !== current.publicKey) {
    throw new TeamError(`This copy is signed by a different key (${shortKey(source.publicKey ?? '')}) from the one pinned when you subscribed (${shortKey(current.publicKey)}). It was refused; the last good copy is kept.`);
  }
}

/**
 * Swaps in a validated copy for the subscription `current` (which the caller read in the same
 * transaction, over teamSubscriptions and teamClaims). Returns the subscription as now stored.
 */
export async function storeTeamCopy(db: SoundFamiliarDb, current: TeamSubscription, feed: TeamFeed, source: TeamSource, now: number): Promise<TeamSubscription> {
  checkKey(current, source);
  await db.teamClaims.where('team').equals(current.team).delete();
  await db.teamClaims.bulkPut(chunksOf(current.team, feed.claims));
  const { lastError: _dropped, etag: _old, ...rest } = current;
  const next: TeamSubscription = {
    ...rest,
    title: feed.title ?? new URL(current.url).hostname,
    ...(source.etag !== undefined ? { etag: source.etag } : {}),
    ...(current.publicKey ?? source.publicKey ? { publicKey: current.publicKey ?? source.publicKey } : {}),
    signed: source.signed, claims: feed.claims.length, names: feed.names, fetchedAt: now, lastSuccess: now,
  };
  await db.teamSubscriptions.put(next);
  return next;
}

/** Records why a fetch or update failed, keeping the last good copy and the time of its success. */
export async function recordTeamError(db: SoundFamiliarDb, url: string, error: string, now: number): Promise<void> {
  await db.teamSubscriptions.update(url, { lastError: error.slice(0, 500), fetchedAt: now });
}

/** Removes the subscription and all its claims at once. */
export async function removeTeam(db: SoundFamiliarDb, url: string): Promise<boolean> {
  return db.transaction('rw', db.teamSubscriptions, db.teamClaims, async () => {
    const sub = await db.teamSubscriptions.get(url);
    if (!sub) return false;
    await db.teamClaims.where('team').equals(sub.team).delete();
    await db.teamSubscriptions.delete(url);
    return true;
  });
}

/** Up to `limit` items, taking the first of each list, then the second of each, and so on. */
function inTurn<T>(lists: readonly (readonly T[])[], limit: number): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < limit && lists.some((l) => i < l.length); i++) {
    for (const list of lists) if (i < list.length && out.length < limit) out.push(list[i]!);
  }
  return out;
}

/**
 * Marks each claim with its team, naming from the team's file only the ids the reader's own
 * knowledge does not have (a team cannot rename what the reader knows). Claims whose original id
 * is in `skip` (the reader's own copy) are left out. Another team's claim with the same id is not:
 * team files are public, so one team could otherwise hide another's claims by reusing their ids.
 */
async function marked(db: SoundFamiliarDb, chunks: readonly TeamClaimChunk[], keep: (c: Claim) => boolean, skip: ReadonlySet<string>, limit: number = TEAM_LIMITS.shown): Promise<ShownClaim[]> {
  if (chunks.length === 0) return [];
  const subs = new Map((await db.teamSubscriptions.toArray()).map((s) => [s.team, s]));
  const byTeam = new Map<string, { claim: Claim; sub: TeamSubscription }[]>();
  for (const chunk of chunks) {
    const sub = subs.get(chunk.team);
    if (!sub) continue;
    const list = byTeam.get(chunk.team) ?? [];
    byTeam.set(chunk.team, list);
    for (const claim of chunk.claims) if (keep(claim) && !skip.has(originalId(claim.id))) list.push({ claim, sub });
  }
  // A file with thousands of claims on one page must not stall the tab that anchors them; the
  // teams take turns within the cap, so one team's file cannot crowd the others out.
  const picked = inTurn([...byTeam.values()], limit);
  const ids = [...new Set(picked.flatMap(({ claim }) => (claim.claimant ? [claim.claimant, ...claim.entities] : claim.entities)))];
  const local = await db.entities.bulkGet(ids);
  const known = new Set(ids.filter((_, i) => local[i] && local[i]!.deleted === undefined));
  return picked.map(({ claim, sub }) => {
    const names: Record<string, string> = {};
    for (const id of claim.claimant ? [claim.claimant, ...claim.entities] : claim.entities) {
      if (!known.has(id) && Object.hasOwn(sub.names, id)) names[id] = sub.names[id]!;
    }
    const team: TeamMark = { team: sub.team, title: sub.title, names };
    return { ...claim, team };
  });
}

/** The followed teams' claims on a page, leaving out any whose id is one of `ownIds` (the reader's own copy wins). */
export async function teamClaimsForPage(db: SoundFamiliarDb, page: string, ownIds: Iterable<string>): Promise<ShownClaim[]> {
  const chunks = await db.teamClaims.where('sources').equals(page).toArray();
  return marked(db, chunks, (c) => c.target.source === page, new Set(ownIds));
}

/** The followed teams' claims by or about an entity, for its card's timeline. */
export async function teamClaimsForEntity(db: SoundFamiliarDb, entityId: string, ownIds: Iterable<string>): Promise<ShownClaim[]> {
  const chunks = await db.teamClaims.where('entities').equals(entityId).toArray();
  return marked(db, chunks, (c) => c.claimant === entityId || c.entities.includes(entityId), new Set(ownIds));
}

/** Every followed team's claims for the claims list (the reader's own copies left out), newest first, within one message's size. */
export async function allTeamClaims(db: SoundFamiliarDb, ownIds: Iterable<string>): Promise<ShownClaim[]> {
  const claims = (await marked(db, await db.teamClaims.toArray(), () => true, new Set(ownIds), TEAM_LIMITS.listed)).sort((a, b) => b.created - a.created);
  const encoder = new TextEncoder();
  let bytes = 0;
  const fits = claims.findIndex((c) => (bytes += encoder.encode(JSON.stringify(c)).length) > TEAM_LIMITS.listedBytes);
  return fits === -1 ? claims : claims.slice(0, fits);
}

/**
 * A team claim's fields for the reader's own copy, if it is on `page`: who made it and what it
 * concerns kept only where the reader's knowledge has those ids (the team's own people are not).
 */
export async function teamClaimFields(db: SoundFamiliarDb, id: string, page: string): Promise<ClaimFields | null> {
  const team = id.slice(0, id.indexOf(':'));
  const chunks = await db.teamClaims.where('team').equals(team).toArray();
  const claim = chunks.flatMap((c) => c.claims).find((c) => c.id === id);
  if (!claim || claim.target.source !== page) return null;
  const ids = claim.claimant ? [claim.claimant, ...claim.entities] : claim.entities;
  const local = await db.entities.bulkGet(ids);
  const known = new Set(ids.filter((_, i) => local[i] && local[i]!.deleted === undefined));
  const { madeOn, claimType, status, deadline, note, tags } = claim;
  return { claimant: claim.claimant && known.has(claim.claimant) ? claim.claimant : null, entities: claim.entities.filter((e) => known.has(e)), madeOn, claimType, status, deadline, note, tags };
}
