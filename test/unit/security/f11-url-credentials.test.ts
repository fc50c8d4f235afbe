// F11: a link with a user name or password ("https://www.gov.uk@evil.example/") reads as one
// site and opens another, so the link gate refuses it.
import { describe, expect, it } from 'vitest';
import { safeHttpsUrl } from '../../../src/shared/safe-url';

describe('F11: https links with credentials', () => {
  it.each([
    'https://www.gov.uk@evil.example/',
    'https://www.gov.uk:secret@evil.example/path',
    'https://:secret@evil.example/',
    'https://www.gov.uk%40x@evil.example/',
  ])('%s is refused', (url) => {
    expect(safeHttpsUrl(url)).toBeUndefined();
  });

  it('an ordinary https address still passes, and an @ in its path is not a user name', () => {
    expect(safeHttpsUrl('https://www.gov.uk/government/organisations/government-digital-service')).toBe('https://www.gov.uk/government/organisations/government-digital-service');
    expect(safeHttpsUrl('https://example.org/people/@someone')).toBe('https://example.org/people/@someone');
  });
});
