// @vitest-environment happy-dom
// The claims list renders a page at a time: a large shared store must not build every row, and
// "Show more" must add the next page and put keyboard focus on its first claim.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useMountRoot } from '../mount-root';
import { CLAIMS_PER_PAGE, ClaimList } from '../../../../src/ui/claims/ClaimList';
import { entityNames } from '../../../../src/ui/claims/entity-names';
import { claim, ENTITIES } from './claim-fixture';

const names = entityNames(ENTITIES);
const root = useMountRoot();
const noop = async () => undefined;

async function show(count: number) {
  const claims = Array.from({ length: count }, (_, i) => claim({ quote: `Quote number ${i + 1}` }));
  await act(() => render(h(ClaimList, { claims, names, today: '2025-06-01', onEdit: noop, onOpen: noop, onDelete: noop }), root()));
  return claims;
}

const rows = () => [...root().querySelectorAll<HTMLLIElement>('.claim-list > li')];
const moreButton = () => [...root().querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show '));

describe('ClaimList', () => {
  it('renders the first page only, and says how many are not shown yet', async () => {
    await show(120);
    expect(rows()).toHaveLength(CLAIMS_PER_PAGE);
    expect(rows()[0]!.querySelector('blockquote')!.textContent).toBe('Quote number 1');
    expect(moreButton()!.textContent).toBe('Show 50 more');
    expect(root().querySelector('.more-count')!.textContent).toBe('50 of 120 shown');
  });

  it('adds a page per click, focusing the first new claim, until all are shown', async () => {
    await show(120);
    await act(() => moreButton()!.click());
    expect(rows()).toHaveLength(100);
    expect(document.activeElement).toBe(rows()[50]!.querySelector('article'));
    expect(rows()[50]!.querySelector('blockquote')!.textContent).toBe('Quote number 51');
    expect(moreButton()!.textContent).toBe('Show 20 more');
    await act(() => moreButton()!.click());
    expect(rows()).toHaveLength(120);
    expect(document.activeElement).toBe(rows()[100]!.querySelector('article'));
    expect(moreButton()).toBeUndefined();
    expect(root().querySelector('.more-count')).toBeNull();
  });

  it('shows no button when everything fits on one page', async () => {
    await show(CLAIMS_PER_PAGE);
    expect(rows()).toHaveLength(CLAIMS_PER_PAGE);
    expect(moreButton()).toBeUndefined();
  });
});
