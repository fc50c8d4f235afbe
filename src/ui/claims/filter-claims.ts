// The claims list's filtering, as pure functions: which claims pass the chosen filters, and which
// choices each filter offers given the claims there are. No DOM, no browser APIs, no rendering.

import { isOverdue } from '../../shared/claims/annotation-body';
import { CLAIM_STATUSES, STATUS_LABEL, type Claim, type ClaimStatus } from '../../shared/claims/claim';
import { foldText } from '../../shared/normalise';
import type { EntityNames } from './entity-names';

/** `''` means "any". `claimant` may be NO_CLAIMANT; `status` may be OVERDUE. */
export interface ClaimFilter {
  claimant: string;
  entity: string;
  status: string;
  site: string;
  text: string;
}

export const NO_FILTER: ClaimFilter = { claimant: '', entity: '', status: '', site: '', text: '' };
/** The claimant choice for claims recorded without one. */
export const NO_CLAIMANT = '-none';
/** A status choice that is not a status: promises past their deadline, still open. */
export const OVERDUE = 'overdue';

export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

export interface FilterOptions {
  claimants: FilterOption[];
  entities: FilterOption[];
  statuses: FilterOption[];
  sites: FilterOption[];
}

/** The site a claim was recorded on: its page's host name, without a leading `www.`. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Newest recorded first; the most recently changed first among claims recorded together. */
export function newestFirst(claims: readonly Claim[]): Claim[] {
  return [...claims].sort((a, b) => b.created - a.created || b.modified - a.modified || a.id.localeCompare(b.id));
}

export function isFiltering(filter: ClaimFilter): boolean {
  return filter.claimant !== '' || filter.entity !== '' || filter.status !== '' || filter.site !== '' || filter.text.trim() !== '';
}

/** The text a free-text search looks in: quote, note, tags and page title, one per line. */
function searchableText(claim: Claim): string {
  return foldText([claim.target.selector[0].exact, claim.note, ...claim.tags, claim.pageTitle].join('\n'));
}

/** Every word of the query must appear somewhere in the claim's quote, note, tags or page title. */
export function matchesText(claim: Claim, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchableText(claim);
  return words.every((w) => haystack.includes(w));
}

export function matchesFilter(claim: Claim, filter: ClaimFilter, today: string): boolean {
  if (filter.claimant === NO_CLAIMANT ? claim.claimant !== null : filter.claimant && claim.claimant !== filter.claimant) return false;
  if (filter.entity && !claim.entities.includes(filter.entity)) return false;
  if (filter.status === OVERDUE ? !isOverdue(claim, today) : filter.status && claim.status !== filter.status) return false;
  if (filter.site && siteOf(claim.target.source) !== filter.site) return false;
  return matchesText(claim, filter.text);
}

export function filterClaims(claims: readonly Claim[], filter: ClaimFilter, today: string): Claim[] {
  return claims.filter((c) => matchesFilter(c, filter, today));
}

function tally(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label, 'en-GB', { sensitivity: 'base' });

/**
 * The choices each filter offers: only values some claim has, each with how many claims have it,
 * so a filter can never be set to something that shows nothing.
 */
export function filterOptions(claims: readonly Claim[], names: EntityNames, today: string): FilterOptions {
  const claimantCounts = tally(claims.map((c) => c.claimant ?? NO_CLAIMANT));
  const claimants = [...claimantCounts]
    .filter(([id]) => id !== NO_CLAIMANT)
    .map(([id, count]) => ({ value: id, label: names.nameOf(id), count }))
    .sort(byLabel);
  const unattributed = claimantCounts.get(NO_CLAIMANT);
  if (unattributed) claimants.push({ value: NO_CLAIMANT, label: 'No claimant recorded', count: unattributed });

  const entities = [...tally(claims.flatMap((c) => [...new Set(c.entities)]))]
    .map(([id, count]) => ({ value: id, label: names.nameOf(id), count }))
    .sort(byLabel);

  const statusCounts = tally(claims.map((c) => c.status));
  const statuses: FilterOption[] = CLAIM_STATUSES.filter((s: ClaimStatus) => statusCounts.has(s))
    .map((s) => ({ value: s, label: STATUS_LABEL[s], count: statusCounts.get(s) ?? 0 }));
  const overdue = claims.filter((c) => isOverdue(c, today)).length;
  if (overdue) statuses.push({ value: OVERDUE, label: 'Overdue promises', count: overdue });

  const sites = [...tally(claims.map((c) => siteOf(c.target.source)).filter(Boolean))]
    .map(([site, count]) => ({ value: site, label: site, count }))
    .sort(byLabel);

  return { claimants, entities, statuses, sites };
}

/**
 * Drops choices the current claims no longer offer (a claim was deleted in another tab), so the
 * selects never hold a value they cannot show.
 */
export function reconcileFilter(filter: ClaimFilter, options: FilterOptions): ClaimFilter {
  const keep = (value: string, list: FilterOption[]) => (value && list.some((o) => o.value === value) ? value : '');
  return {
    claimant: keep(filter.claimant, options.claimants),
    entity: keep(filter.entity, options.entities),
    status: keep(filter.status, options.statuses),
    site: keep(filter.site, options.sites),
    text: filter.text,
  };
}
