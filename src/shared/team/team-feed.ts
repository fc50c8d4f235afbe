// A team's published export (the sync file) read as a read-only feed of claims (issue 14, team
// sharing). The file is hostile: it goes through the import's own validators whole (readImport:
// size, JSON, nesting, forbidden keys, every field of every claim and entity), then the feed's
// tighter rules: a Sound Familiar export only, at most 5 MB and 20,000 claims, every claim's page
// https. Deleted claims are dropped; only the team's entity names are kept (to name claimants).

import type { Claim } from '../claims/claim';
import { hasControlCharacters } from '../sync/alias-policy';
import { ImportError, readImport } from '../sync/read-import';

/**
 * `shown`: at most this many of all teams' claims go to one page or one card (each is anchored in
 * the page's text); `listed`: to the claims list, and `listedBytes` of it as UTF-8 JSON (one
 * message, under Chromium's 64 MiB cap: each claim carries its people's names, so a file of short
 * claims naming many people grows about elevenfold on the way).
 */
export const TEAM_LIMITS = { bytes: 5_000_000, claims: 20_000, titleChars: 80, names: 10_000, shown: 200, listed: 20_000, listedBytes: 32_000_000 } as const;

/** A team file, validated: its live claims and the names of the entities it defines. */
export interface TeamFeed {
  /** The file's own `title`, if it has a usable one. */
  title: string | null;
  claims: Claim[];
  /** Entity id → name for the team's entities (a card names a claimant the reader does not know by it). */
  names: Record<string, string>;
}

export type TeamFeedResult = { ok: true; feed: TeamFeed } | { ok: false; error: string };

/** Top-level facts looked at before the full walk: whether it claims to be an export, its title, how many claims. */
function peek(text: string): { format: unknown; title: unknown; claims: number } | null {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { format: undefined, title: undefined, claims: 0 };
    const top = data as Record<string, unknown>;
    return {
      format: Object.hasOwn(top, 'format') ? top.format : undefined,
      title: Object.hasOwn(top, 'title') ? top.title : undefined,
      claims: Array.isArray(top.claims) ? top.claims.length : 0,
    };
  } catch {
    // readImport names the fault (not JSON, too deep) itself.
    return null;
  }
}

/** The file's title if it is plain text of a sensible length; otherwise none (the URL's host is used). */
function readTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const title = value.trim().replace(/\s+/g, ' ');
  if (title.length > TEAM_LIMITS.titleChars || hasControlCharacters(title)) return null;
  // It marks every claim of the team's: one with no letter or digit would show as a blank mark.
  if (!/[\p{L}\p{N}]/u.test(title)) return null;
  return title;
}

export function parseTeamFeed(text: string, now = Date.now()): TeamFeedResult {
  if (text.length > TEAM_LIMITS.bytes) return { ok: false, error: `The team file is larger than ${TEAM_LIMITS.bytes / 1_000_000} MB.` };
  const top = peek(text);
  if (top && top.format !== 'sound-familiar') {
    return { ok: false, error: 'This is not a Sound Familiar export: a team shares the file that "Export" on the options page writes.' };
  }
  if (top && top.claims > TEAM_LIMITS.claims) {
    return { ok: false, error: `The team file holds ${top.claims} claims; at most ${TEAM_LIMITS.claims.toLocaleString('en-GB')} can be followed.` };
  }
  let data;
  try {
    data = readImport(text, now);
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: error.message };
    throw error;
  }
  if (data.kind !== 'sound-familiar') return { ok: false, error: 'This is not a Sound Familiar export.' };
  const byId = new Map<string, Claim>();
  for (const [i, claim] of data.claims.entries()) {
    if (claim.deleted !== undefined) continue;
    // The card links to the page; and our content script runs on https pages only.
    if (!claim.target.source.startsWith('https://')) {
      return { ok: false, error: `claim ${i + 1}.target.source: must be an https address (a team's claims are shown on https pages only)` };
    }
    byId.set(claim.id, claim);
  }
  const names: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  for (const entity of data.entities) {
    if (entity.deleted !== undefined || count >= TEAM_LIMITS.names) continue;
    names[entity.id] = entity.name;
    count++;
  }
  return { ok: true, feed: { title: top ? readTitle(top.title) : null, claims: [...byId.values()], names } };
}
