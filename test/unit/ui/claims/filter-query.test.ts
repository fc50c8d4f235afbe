import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../../../../src/ui/claims/filter-claims';
import { filterFromQuery, filterToQuery } from '../../../../src/ui/claims/filter-query';

describe('filters in the address', () => {
  it('round-trips every field', () => {
    const filter = { claimant: 'gds', entity: 'gov-uk-verify', status: 'overdue', site: 'gov.uk', text: 'one login & more' };
    expect(filterFromQuery(filterToQuery(filter))).toEqual(filter);
  });
  it('writes nothing when nothing is filtered', () => {
    expect(filterToQuery(NO_FILTER)).toBe('');
    expect(filterFromQuery('')).toEqual(NO_FILTER);
  });
  it('ignores unknown parameters and caps long values', () => {
    const filter = filterFromQuery(`?evil=1&q=${'a'.repeat(5000)}`);
    expect(filter.text).toHaveLength(200);
    expect(Object.keys(filter).sort()).toEqual(['claimant', 'entity', 'site', 'status', 'text']);
  });
});
