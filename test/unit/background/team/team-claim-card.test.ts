// @vitest-environment happy-dom
// How a followed team's claim reads on the page's card and on an entity's timeline: marked
// "Team: <title>", read-only (no edit button), the claimant named from the team's file only by
// its own keys, and every string from the file rendered as text.
import { describe, expect, it, vi } from 'vitest';
import { renderClaimCard, renderClaimEvent } from '../../../../src/content/ui/claim-view';
import type { ShownClaim } from '../../../../src/shared/team/team-calls';
import { teamClaim } from '../../../fixtures/team/make-team-file';

const ctx = { nameOf: (id: string) => (id === 'gds' ? 'Government Digital Service' : id), today: '2026-12-06', onEdit: vi.fn(), onClose: vi.fn() };
const shown = (title = 'Digital desk'): ShownClaim => ({ ...teamClaim(), id: 'team-0000abcd:x', team: { team: 'team-0000abcd', title, names: { 'team-person': 'Pat Teamlead' } } });

describe('a team\'s claim card', () => {
  it('is marked as the team\'s and offers no edit', () => {
    const card = renderClaimCard(document, shown(), ctx);
    expect(card.querySelector('.kind')!.textContent).toBe('Team claim');
    expect(card.querySelector('.team-line')!.textContent).toBe('Team: Digital desk · read-only');
    expect([...card.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['×']);
    expect(card.querySelector('h2')!.textContent).toBe('Pat Teamlead, 2 May 2024');
    expect(card.textContent).toContain('Government Digital Service');
  });

  it('offers "Copy to my claims" when the page can start a copy', () => {
    const onCopy = vi.fn();
    const card = renderClaimCard(document, shown(), { ...ctx, onCopy });
    const buttons = [...card.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['×', 'Copy to my claims']);
    buttons[1]!.click();
    expect(onCopy).toHaveBeenCalledTimes(1);
    expect(ctx.onEdit).not.toHaveBeenCalled();
  });

  it('the reader\'s own claim still offers Edit claim', () => {
    const { team: _t, ...own } = shown();
    const card = renderClaimCard(document, own, ctx);
    expect([...card.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['×', 'Edit claim']);
    expect(card.querySelector('.team-line')).toBe(null);
  });

  it('renders a title full of markup as text, and never reads a name from the prototype', () => {
    const claim = { ...shown('<img src=x onerror=alert(1)>'), claimant: 'constructor' };
    const card = renderClaimCard(document, claim, ctx);
    expect(card.querySelector('img')).toBe(null);
    expect(card.querySelector('.team-line')!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(card.querySelector('h2')!.textContent).toBe('constructor, 2 May 2024');
  });

  it('on an entity\'s timeline it is labelled with the team, not as the reader\'s', () => {
    const item = renderClaimEvent(document, shown(), ctx);
    expect(item.className).toBe('event team overdue');
    expect(item.querySelector('.team-label')!.textContent).toBe('Team: Digital desk ');
    expect(item.querySelector('.mine-label')).toBe(null);
  });
});
