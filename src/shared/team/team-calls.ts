// The part of the message contract for team sharing (issue 14): subscribing to a team's published
// export as a read-only feed of claims. Declared here and merged into BackgroundCalls in
// messages.ts. Every call is for extension pages only: a web page can neither see nor change
// which teams the reader follows.

import type { Claim } from '../claims/claim';
import { isPackUrl } from '../pack-url';

/** Marks a claim that comes from a team the reader follows: shown as the team's, never editable. */
export interface TeamMark {
  /** The subscription's namespace ("team-1a2b3c4d"); the claim's id starts with it. */
  team: string;
  /** The team's title (from its file, or the address's host): render as text. */
  title: string;
  /** Names of the claim's claimant and entities that only the team's file knows. */
  names: Record<string, string>;
}

/** A team claim's id as pages see it: the subscription's namespace, then the claim's uuid. */
const TEAM_CLAIM_ID = /^team-[0-9a-f]{8}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isTeamClaimId = (value: unknown): value is string => typeof value === 'string' && TEAM_CLAIM_ID.test(value);

/** A claim as a page or a card receives it: the reader's own, or a team's (with `team`). */
export type ShownClaim = Claim & { team?: TeamMark };

/** A team subscription as the options page lists it. All text came from the file: render it as text. */
export interface TeamView {
  url: string;
  title: string;
  claims: number;
  signed: boolean;
  keyStart?: string;
  /** When the last good copy was fetched or confirmed unchanged (ms since 1970). */
  lastSuccess?: number;
  /** When it was last tried. */
  checkedAt?: number;
  /** Why the last attempt was refused, in plain words; the last good copy stays. */
  lastError?: string;
}

export interface TeamCalls {
  /** The teams followed. */
  'teams/list': { request: Record<string, never>; response: TeamView[] };
  /** Follows the team file at an https URL (the page asked for its origin first); nothing is kept if it fails its checks. */
  'teams/subscribe': { request: { url: string }; response: TeamView };
  /** Fetches a team file now; a refused or unreachable copy is recorded on the subscription, never thrown. */
  'teams/refresh': { request: { url: string }; response: TeamView };
  /** Removes the team's claims and subscription, and gives the origin back unless still needed. */
  'teams/unsubscribe': { request: { url: string }; response: null };
  /** Every followed team's claims (at most TEAM_LIMITS.listed, newest first, within listedBytes), for the claims list, read-only. */
  'teams/claims': { request: Record<string, never>; response: ShownClaim[] };
}

export const TEAM_CALL_SENDERS: { [K in keyof TeamCalls]: 'extension' } = {
  'teams/list': 'extension',
  'teams/subscribe': 'extension',
  'teams/refresh': 'extension',
  'teams/unsubscribe': 'extension',
  'teams/claims': 'extension',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (p: unknown): p is Record<string, never> => isObject(p) && Object.keys(p).length === 0;
const hasUrl = (p: unknown): p is { url: string } => isObject(p) && Object.keys(p).length === 1 && isPackUrl(p.url);

export const teamValidators: { [K in keyof TeamCalls]: (payload: unknown) => payload is TeamCalls[K]['request'] } = {
  'teams/list': isEmpty,
  'teams/subscribe': hasUrl,
  'teams/refresh': hasUrl,
  'teams/unsubscribe': hasUrl,
  'teams/claims': isEmpty,
};
