// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { useMountRoot } from '../mount-root';
import { UnplacedClaims } from '../../../../src/ui/popup/UnplacedClaims';

const root = useMountRoot();

describe('UnplacedClaims', () => {
  it('shows nothing when every claim was placed', () => {
    render(h(UnplacedClaims, { claims: [] }), root());
    expect(root().innerHTML).toBe('');
  });

  it('lists quotes shortened, with the full text in a title, and says they are kept', () => {
    const long = `${'The service will be switched off '.repeat(8)}in March.`;
    render(h(UnplacedClaims, { claims: [{ id: 'a', quote: long }, { id: 'b', quote: '<b>short</b>' }] }), root());
    expect(root().querySelector('h2')!.textContent).toBe('Claims on this page that could not be placed');
    expect(root().textContent).toContain('they are kept, not lost');
    const items = [...root().querySelectorAll('li')];
    expect(items[0]!.getAttribute('title')).toBe(long);
    expect(items[0]!.textContent!.length).toBeLessThanOrEqual(142);
    expect(items[0]!.textContent!.endsWith('…”')).toBe(true);
    expect(items[1]!.textContent).toBe('“<b>short</b>”');
    expect(root().querySelector('b')).toBeNull();
  });
});
