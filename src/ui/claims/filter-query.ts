// Keeps the claims list's filters in the page's address (`claims.html?status=made&q=verify`), so a
// reload, or a bookmark, brings the same view back. Pure: the page reads and writes the address.

import { NO_FILTER, type ClaimFilter } from './filter-claims';

const KEYS: Record<keyof ClaimFilter, string> = { claimant: 'claimant', entity: 'entity', status: 'status', site: 'site', text: 'q' };
const MAX = 200;

export function filterFromQuery(search: string): ClaimFilter {
  const params = new URLSearchParams(search);
  const filter = { ...NO_FILTER };
  for (const [field, key] of Object.entries(KEYS) as [keyof ClaimFilter, string][]) {
    filter[field] = (params.get(key) ?? '').slice(0, MAX);
  }
  return filter;
}

/** The query string for a filter, `?…` or `''` when nothing is filtered. */
export function filterToQuery(filter: ClaimFilter): string {
  const params = new URLSearchParams();
  for (const [field, key] of Object.entries(KEYS) as [keyof ClaimFilter, string][]) {
    if (filter[field]) params.set(key, filter[field]);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
