// @vitest-environment happy-dom
// The claims list's "Team claims" section: shown only when a followed team has claims; each row
// marked "Team: <title>" with no edit, delete or open-at-quote button; filterable by team and by
// words; the claimant named from the team's file only where the reader's names have nothing.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';

const reply: { claims: unknown[] } = { claims: [] };
vi.mock('../../../../src/ui/shared/background', () => ({ background: vi.fn(async () => reply.claims) }));

import { entityNames } from '../../../../src/ui/claims/entity-names';
import { TeamClaims } from '../../../../src/ui/claims/TeamClaims';
import type { ShownClaim } from '../../../../src/shared/team/team-calls';
import { teamClaim } from '../../../fixtures/team/make-team-file';
import { useMountRoot } from '../../ui/mount-root';

const root = useMountRoot();
const names = entityNames([{ id: 'gds', kind: 'body', name: 'Government Digital Service', summary: '', aliases: [] } as never]);
const of = (team: string, title: string, quote: string): ShownClaim => ({ ...teamClaim({ quote }), id: `${team}:${quote}`, team: { team, title, names: { 'team-person': 'Pat Teamlead' } } });

async function show(claims: ShownClaim[]) {
  reply.claims = claims;
  await act(async () => render(h(TeamClaims, { names, today: '2026-12-06' }), root()));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}
const quotes = () => [...root().querySelectorAll('.claim blockquote')].map((q) => q.textContent);

describe('TeamClaims on the claims list', () => {
  it('renders nothing when no team has claims', async () => {
    await show([]);
    expect(root().innerHTML).toBe('');
  });

  it('marks each row with its team and offers no action that would change it', async () => {
    await show([of('team-a', 'Digital desk', 'first quote')]);
    expect(root().querySelector('h2')!.textContent).toBe('Team claims');
    expect(root().querySelector('.team-badge')!.textContent).toBe('Team: Digital desk');
    expect(root().querySelector('.claim .chip')!.textContent).toBe('Pat Teamlead');
    expect([...root().querySelectorAll('.claim button')]).toEqual([]);
    expect(root().querySelector('.read-only')!.textContent).toContain('Read-only');
  });

  it('filters by team and by words', async () => {
    await show([of('team-a', 'Digital desk', 'alpha promise'), of('team-b', 'Health desk', 'beta promise'), of('team-a', 'Digital desk', 'gamma launch')]);
    expect(quotes()).toHaveLength(3);
    const select = root().querySelector<HTMLSelectElement>('#team-filter-team')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Every team', 'Digital desk (2)', 'Health desk (1)']);
    await act(() => {
      select.value = 'team-b';
      select.dispatchEvent(new Event('change'));
    });
    expect(quotes()).toEqual(['beta promise']);
    await act(() => {
      select.value = '';
      select.dispatchEvent(new Event('change'));
    });
    const input = root().querySelector<HTMLInputElement>('#team-filter-text')!;
    await act(() => {
      input.value = 'promise';
      input.dispatchEvent(new Event('input'));
    });
    expect(quotes()).toEqual(['alpha promise', 'beta promise']);
    expect(root().querySelector('.count')!.textContent).toBe('2 of 3 team claims');
  });
});
