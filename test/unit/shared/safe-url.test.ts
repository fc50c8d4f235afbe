import { describe, expect, it } from 'vitest';
import { safeHttpsUrl } from '../../../src/shared/safe-url';

describe('safeHttpsUrl', () => {
  it('passes absolute http and https URLs (normalised)', () => {
    expect(safeHttpsUrl('https://www.gov.uk/government/news')).toBe('https://www.gov.uk/government/news');
    expect(safeHttpsUrl('http://philrumens.blogspot.com/2017/11/back-to-future.html')).toBeUndefined();
    expect(safeHttpsUrl('HTTPS://EXAMPLE.org')).toBe('https://example.org/');
  });

  it('rejects script, data and other schemes, however they are spelled', () => {
    for (const u of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd', 'ftp://example.org/', 'blob:https://x/y',
      'chrome-extension://abc/popup.html', 'moz-extension://abc/', 'mailto:a@gov.uk', 'about:blank']) {
      expect(safeHttpsUrl(u), u).toBeUndefined();
    }
  });

  it('rejects relative URLs and garbage', () => {
    for (const u of ['/relative/path', 'relative', '//example.org/x', '#frag', '?q=1', '', ' ', 'https://', 'http://exa mple.org']) {
      expect(safeHttpsUrl(u), u).toBeUndefined();
    }
  });

  it('rejects non-strings', () => {
    for (const u of [undefined, null, 42, {}, [], new URL('https://example.org/'), { toString: () => 'https://example.org/' }]) {
      expect(safeHttpsUrl(u)).toBeUndefined();
    }
  });

  it('rejects URLs longer than 2048 characters', () => {
    const base = 'https://example.org/';
    expect(safeHttpsUrl(base + 'a'.repeat(2048 - base.length))).toBe(base + 'a'.repeat(2048 - base.length));
    expect(safeHttpsUrl(base + 'a'.repeat(2049 - base.length))).toBeUndefined();
  });
});
