import { describe, expect, it } from 'vitest';
import { entityNames } from '../../../../src/ui/claims/entity-names';
import {
  filterClaims, filterOptions, isFiltering, matchesText, newestFirst, NO_CLAIMANT, NO_FILTER, OVERDUE,
  reconcileFilter, siteOf,
} from '../../../../src/ui/claims/filter-claims';
import { claim, ENTITIES } from './claim-fixture';

const names = entityNames(ENTITIES);
const TODAY = '2025-06-01';

const roadmap = claim({ quote: 'We will publish the roadmap by the end of the year.', deadline: '2024-12', status: 'made', tags: ['roadmap'] });
const verify = claim({
  quote: 'GOV.UK Verify’s users will move to One Login.', url: 'https://www.bbc.co.uk/news/technology-1', pageTitle: 'Verify to close',
  claimant: 'gds', entities: ['gov-uk-verify', 'gds'], claimType: 'announcement', status: 'delivered', note: 'Confirmed in the select committee.',
});
const noClaimant = claim({ quote: 'Digital identity will be voluntary.', url: 'https://gov.uk/x', claimant: null, entities: [], status: 'in-progress', claimType: 'assertion' });
const all = [roadmap, verify, noClaimant];

describe('siteOf', () => {
  it('is the host name without www', () => {
    expect(siteOf('https://www.gov.uk/a?b#c')).toBe('gov.uk');
    expect(siteOf('https://www.bbc.co.uk/news')).toBe('bbc.co.uk');
    expect(siteOf('https://wwwfoo.example/')).toBe('wwwfoo.example');
  });
  it('is empty for something that is not a URL', () => {
    expect(siteOf('not a url')).toBe('');
  });
});

describe('newestFirst', () => {
  it('orders by when the claim was recorded, newest first, without changing its input', () => {
    const a = claim({ created: 1, modified: 50 });
    const b = claim({ created: 3, modified: 3 });
    const c = claim({ created: 2, modified: 2 });
    const input = [a, b, c];
    expect(newestFirst(input).map((x) => x.created)).toEqual([3, 2, 1]);
    expect(input).toEqual([a, b, c]);
  });
  it('breaks ties on the most recent change', () => {
    const a = claim({ created: 5, modified: 6 });
    const b = claim({ created: 5, modified: 9 });
    expect(newestFirst([a, b])).toEqual([b, a]);
  });
});

describe('free-text matching', () => {
  it('looks in the quote, note, tags and page title, ignoring case', () => {
    expect(matchesText(verify, 'one login')).toBe(true);
    expect(matchesText(verify, 'SELECT COMMITTEE')).toBe(true);
    expect(matchesText(verify, 'to close')).toBe(true);
    expect(matchesText(roadmap, 'ROADMAP')).toBe(true);
    expect(matchesText(roadmap, 'publish roadmap')).toBe(true); // every word, anywhere
    expect(matchesText(roadmap, 'publish login')).toBe(false);
  });
  it('folds typographic apostrophes and accents', () => {
    expect(matchesText(verify, "verify's")).toBe(true);
    expect(matchesText(claim({ quote: 'The Café “Digital” – phase two' }), 'cafe "digital" - PHASE')).toBe(true);
  });
  it('does not look at entity names or the URL', () => {
    expect(matchesText(verify, 'bbc')).toBe(false);
  });
  it('an empty or blank query matches everything', () => {
    expect(matchesText(roadmap, '   ')).toBe(true);
  });
});

describe('filterClaims', () => {
  it('passes everything with no filter', () => {
    expect(filterClaims(all, NO_FILTER, TODAY)).toEqual(all);
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, text: '  ' })).toBe(false);
  });
  it('filters by claimant, including claims with none', () => {
    expect(filterClaims(all, { ...NO_FILTER, claimant: 'gds' }, TODAY)).toEqual([verify]);
    expect(filterClaims(all, { ...NO_FILTER, claimant: NO_CLAIMANT }, TODAY)).toEqual([noClaimant]);
  });
  it('filters by an entity the claim concerns', () => {
    expect(filterClaims(all, { ...NO_FILTER, entity: 'gds' }, TODAY)).toEqual([verify]);
    expect(filterClaims(all, { ...NO_FILTER, entity: 'gov-uk-verify' }, TODAY)).toEqual([roadmap, verify]);
  });
  it('filters by status, and by overdue promises', () => {
    expect(filterClaims(all, { ...NO_FILTER, status: 'delivered' }, TODAY)).toEqual([verify]);
    expect(filterClaims(all, { ...NO_FILTER, status: OVERDUE }, TODAY)).toEqual([roadmap]);
    expect(filterClaims(all, { ...NO_FILTER, status: OVERDUE }, '2024-11-30')).toEqual([]);
  });
  it('filters by site', () => {
    expect(filterClaims(all, { ...NO_FILTER, site: 'gov.uk' }, TODAY)).toEqual([roadmap, noClaimant]);
    expect(filterClaims(all, { ...NO_FILTER, site: 'bbc.co.uk' }, TODAY)).toEqual([verify]);
  });
  it('combines filters: every one must pass', () => {
    expect(filterClaims(all, { ...NO_FILTER, site: 'gov.uk', entity: 'gov-uk-verify' }, TODAY)).toEqual([roadmap]);
    expect(filterClaims(all, { ...NO_FILTER, site: 'gov.uk', text: 'identity' }, TODAY)).toEqual([noClaimant]);
    expect(filterClaims(all, { ...NO_FILTER, site: 'bbc.co.uk', status: 'made' }, TODAY)).toEqual([]);
  });
});

describe('filterOptions', () => {
  const options = filterOptions(all, names, TODAY);
  it('offers the claimants present, by name, with "none" last', () => {
    expect(options.claimants).toEqual([
      { value: 'cabinet-office', label: 'Cabinet Office', count: 1 },
      { value: 'gds', label: 'Government Digital Service', count: 1 },
      { value: NO_CLAIMANT, label: 'No claimant recorded', count: 1 },
    ]);
  });
  it('offers the entities present with how many claims concern each', () => {
    expect(options.entities).toEqual([
      { value: 'gov-uk-verify', label: 'GOV.UK Verify', count: 2 },
      { value: 'gds', label: 'Government Digital Service', count: 1 },
    ]);
  });
  it('offers statuses in their natural order, then overdue when there is any', () => {
    expect(options.statuses.map((o) => o.value)).toEqual(['made', 'in-progress', 'delivered', OVERDUE]);
    expect(filterOptions([verify], names, TODAY).statuses.map((o) => o.value)).toEqual(['delivered']);
  });
  it('offers the sites present', () => {
    expect(options.sites).toEqual([
      { value: 'bbc.co.uk', label: 'bbc.co.uk', count: 1 },
      { value: 'gov.uk', label: 'gov.uk', count: 2 },
    ]);
  });
  it('names an entity the knowledge base does not know after its id', () => {
    const stray = claim({ claimant: 'mystery-minister', entities: [] });
    expect(filterOptions([stray], names, TODAY).claimants[0]?.label).toBe('mystery minister');
  });
  it('counts an entity once per claim even if listed twice', () => {
    const twice = claim({ entities: ['gds', 'gds'] });
    expect(filterOptions([twice], names, TODAY).entities).toEqual([{ value: 'gds', label: 'Government Digital Service', count: 1 }]);
  });
});

describe('reconcileFilter', () => {
  it('drops choices that no claim offers any more and keeps the text', () => {
    const options = filterOptions([verify], names, TODAY);
    const filter = { claimant: 'cabinet-office', entity: 'gds', status: OVERDUE, site: 'bbc.co.uk', text: 'x' };
    expect(reconcileFilter(filter, options)).toEqual({ claimant: '', entity: 'gds', status: '', site: 'bbc.co.uk', text: 'x' });
  });
});
