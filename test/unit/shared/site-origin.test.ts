// The reader's own sites are named by https origin only: what counts as one, its pattern, and
// whether the built-in list already covers an address.
import { describe, expect, it } from 'vitest';
import { coveredByPatterns, isSiteOrigin, originPattern, patternOrigin, siteOrigin } from '../../../src/shared/site-origin';

const LISTED = ['https://*.gov.uk/*', 'https://*.bbc.co.uk/*', 'https://exact.example.net/*'];

describe('siteOrigin', () => {
  it.each([
    ['https://www.example.org/news/a?b=c#d', 'https://www.example.org'],
    ['https://WWW.Example.ORG/', 'https://www.example.org'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example'],
    ['https://www.example.org:443/', 'https://www.example.org'],
  ])('%s is %s', (url, origin) => {
    expect(siteOrigin(url)).toBe(origin);
  });

  it.each([
    'http://www.example.org/', 'https://www.example.org:8443/', 'https://user:pw@www.example.org/', 'https://192.168.1.1/',
    'https://[::1]/', 'https://localhost/', 'file:///etc/passwd', 'chrome://extensions', 'about:blank', 'not a url', undefined, '',
  ])('refuses %s', (url) => {
    expect(siteOrigin(url)).toBeNull();
  });
});

describe('isSiteOrigin (the message validators use it)', () => {
  it.each(['https://www.example.org', 'https://a-b.example.co.uk'])('accepts %s', (o) => expect(isSiteOrigin(o)).toBe(true));
  it.each([
    'https://www.example.org/', 'https://*.example.org', 'https://WWW.example.org', 'https://www.example.org:443', 'http://www.example.org',
    'https://-bad.example.org', 'https://' + 'a'.repeat(64) + '.org', 'https://1.2.3.4', 7, null, ['https://www.example.org'],
  ])('refuses %j', (o) => expect(isSiteOrigin(o)).toBe(false));
});

describe('patterns', () => {
  it('makes one pattern per origin and reads it back', () => {
    expect(originPattern('https://www.example.org')).toBe('https://www.example.org/*');
    expect(patternOrigin('https://www.example.org/*')).toBe('https://www.example.org');
    expect(patternOrigin('https://*/*')).toBeNull();
    expect(patternOrigin('<all_urls>')).toBeNull();
  });

  it('knows what the built-in list covers', () => {
    expect(coveredByPatterns('https://www.gov.uk/a', LISTED)).toBe(true);
    expect(coveredByPatterns('https://gov.uk/', LISTED)).toBe(true);
    expect(coveredByPatterns('https://www.bbc.co.uk/news', LISTED)).toBe(true);
    expect(coveredByPatterns('https://exact.example.net/x', LISTED)).toBe(true);
    expect(coveredByPatterns('https://sub.exact.example.net/x', LISTED)).toBe(false);
    expect(coveredByPatterns('https://notgov.uk/', LISTED)).toBe(false);
    expect(coveredByPatterns('https://www.gov.uk.example.org/', LISTED)).toBe(false);
    expect(coveredByPatterns('http://www.gov.uk/', LISTED)).toBe(false);
    expect(coveredByPatterns('https://www.example.org/', LISTED)).toBe(false);
  });
});
