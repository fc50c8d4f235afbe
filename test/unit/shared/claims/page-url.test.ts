// The page identity claims are filed under (src/shared/page-url.ts): no fragment, no tracking
// parameters, http(s) only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageKey } from '../../../../src/shared/page-url';

describe('pageKey', () => {
  it('drops the fragment and tracking parameters, keeping the others in order', () => {
    expect(pageKey('https://www.bbc.co.uk/news/uk-politics-1?utm_source=twitter&page=2&fbclid=abc&utm_medium=social#comments'))
      .toBe('https://www.bbc.co.uk/news/uk-politics-1?page=2');
    expect(pageKey('https://www.gov.uk/government/news/roadmap?gclid=1&mc_cid=2&mc_eid=3&at_medium=4&at_campaign=5&ocid=6&cmpid=7'))
      .toBe('https://www.gov.uk/government/news/roadmap');
    expect(pageKey('https://www.gov.uk/search?q=digital&order=updated')).toBe('https://www.gov.uk/search?q=digital&order=updated');
  });

  it('gives the same key for links that differ only in tracking, fragment or host case', () => {
    const keys = new Set([
      'https://www.gov.uk/guidance/x',
      'https://WWW.GOV.UK/guidance/x#part-2',
      'https://www.gov.uk/guidance/x?utm_campaign=newsletter',
      'https://www.gov.uk/guidance/x?utm_source=a&utm_content=b#top',
    ].map(pageKey));
    expect([...keys]).toEqual(['https://www.gov.uk/guidance/x']);
  });

  it('keeps parameters that only look like tracking ones', () => {
    expect(pageKey('https://example.org/?utm=1&fbclid2=3&source=x')).toBe('https://example.org/?utm=1&fbclid2=3&source=x');
  });

  it('refuses anything that is not an http(s) address', () => {
    for (const bad of ['file:///home/me/a.html', 'javascript:alert(1)', 'about:blank', 'chrome://settings', 'not a url', '']) {
      expect(pageKey(bad)).toBeUndefined();
    }
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
      const key = pageKey(url);
      if (key !== undefined) expect(pageKey(key)).toBe(key);
    }), { numRuns: 300 });
  });
});
