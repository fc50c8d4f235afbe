// "Is this our origin?" answered once for every sender check: our pages pass, pages of the web and
// look-alike extension hosts do not.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => ({
  default: { runtime: { id: 'abc', getURL: (path: string) => `moz-extension://1234-uuid/${path}` } },
}));

import { isOwnPage } from '../../../src/platform/own-origin';

describe('isOwnPage', () => {
  it('accepts our own pages', () => {
    expect(isOwnPage('moz-extension://1234-uuid/editor.html#x')).toBe(true);
    expect(isOwnPage('moz-extension://1234-uuid/')).toBe(true);
  });

  it('refuses the web, other extensions, look-alike hosts and non-strings', () => {
    for (const url of ['https://www.gov.uk/', 'moz-extension://other/editor.html', 'moz-extension://1234-uuid.evil/editor.html', 'moz-extension://1234-uuid', undefined, null, 42]) {
      expect(isOwnPage(url), String(url)).toBe(false);
    }
  });

  it('refuses everything when given an origin without its trailing slash, rather than match a prefix of a host', () => {
    expect(isOwnPage('chrome-extension://abcd.evil/x', 'chrome-extension://abcd')).toBe(false);
  });
});
