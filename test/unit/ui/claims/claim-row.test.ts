// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useMountRoot } from '../mount-root';
import { ClaimRow } from '../../../../src/ui/claims/ClaimRow';
import { entityNames } from '../../../../src/ui/claims/entity-names';
import { claim, ENTITIES } from './claim-fixture';

const names = entityNames(ENTITIES);
const root = useMountRoot();

const noop = async () => undefined;
async function show(c = claim(), today = '2025-06-01', handlers: Partial<Record<'onEdit' | 'onOpen' | 'onDelete', () => Promise<void>>> = {}) {
  await act(() => render(h(ClaimRow, { claim: c, names, today, onEdit: noop, onOpen: noop, onDelete: noop, ...handlers }), root()));
  return root().querySelector('article')!;
}

describe('ClaimRow', () => {
  it('shows the quote, who made it, what it concerns, when, and the page it came from', async () => {
    const article = await show(claim({ madeOn: '2022-06-09', note: 'Said at the launch.', tags: ['identity', 'verify'] }));
    expect(article.querySelector('blockquote')!.textContent).toBe('We will publish the roadmap by the end of the year.');
    expect(article.textContent).toContain('Cabinet Office');
    expect(article.textContent).toContain('GOV.UK Verify');
    expect(article.textContent).toContain('9 Jun 2022');
    expect(article.textContent).toContain('Promise');
    expect(article.querySelector('.status')!.textContent).toBe('Made');
    expect(article.querySelector('.note')!.textContent).toBe('Said at the launch.');
    expect([...article.querySelectorAll('.tag')].map((t) => t.textContent)).toEqual(['identity', 'verify']);
    expect(article.querySelector('.site')!.textContent).toBe('gov.uk');
    const link = article.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://www.gov.uk/government/news/roadmap');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(article.getAttribute('aria-labelledby')).toBe(article.querySelector('blockquote')!.id);
  });

  it('renders markup in user text as text', async () => {
    const article = await show(claim({ quote: '<img src=x onerror=alert(1)>', note: '<b>bold</b>', pageTitle: '<script>x</script>' }));
    expect(article.querySelector('img, b, script')).toBeNull();
    expect(article.querySelector('blockquote')!.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('never links a page address that is not http(s)', async () => {
    const article = await show(claim({ url: 'javascript:alert(1)', pageTitle: 'Evil' }));
    expect(article.querySelector('a')).toBeNull();
    expect(article.querySelector('.page-title')!.textContent).toBe('Evil');
  });

  it('marks an overdue promise by its deadline', async () => {
    const overdue = await show(claim({ deadline: '2024-12', status: 'in-progress' }));
    expect(overdue.classList.contains('is-overdue')).toBe(true);
    expect(overdue.querySelector('.status.overdue')!.textContent).toBe('Overdue');
    expect(overdue.textContent).toContain('Dec 2024');
    const delivered = await show(claim({ deadline: '2024-12', status: 'delivered' }));
    expect(delivered.querySelector('.status.overdue')).toBeNull();
  });

  it('names its buttons after the claim, for screen readers moving between buttons', async () => {
    const article = await show();
    const labels = [...article.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    expect(labels).toEqual([
      'Open page at claim: We will publish the roadmap by the end of the year.',
      'Edit claim: We will publish the roadmap by the end of the year.',
      'Delete claim: We will publish the roadmap by the end of the year.',
    ]);
  });

  it('folds a long quote behind a button that says whether it is expanded', async () => {
    const long = 'word '.repeat(200).trim();
    const article = await show(claim({ quote: long }));
    const more = article.querySelector<HTMLButtonElement>('.more')!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(article.querySelector('blockquote')!.textContent!.endsWith('…')).toBe(true);
    await act(() => more.click());
    expect(article.querySelector('blockquote')!.textContent).toBe(long);
    expect(more.getAttribute('aria-expanded')).toBe('true');
  });

  it('calls its handlers', async () => {
    const onEdit = vi.fn(noop);
    const onOpen = vi.fn(noop);
    const article = await show(claim(), '2025-06-01', { onEdit, onOpen });
    const [open, edit] = article.querySelectorAll('button');
    await act(() => open!.click());
    await act(() => edit!.click());
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onEdit).toHaveBeenCalledTimes(1);
  });
});
