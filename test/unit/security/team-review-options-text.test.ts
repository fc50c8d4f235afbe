// @vitest-environment happy-dom
// Security review of team sharing: what the options page's Team claims panel shows from a team's
// file and server (its title, the reason an update was refused, its address) is text only. Markup
// there never becomes elements, and no link is made from it.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { TeamView } from '../../../src/shared/team/team-calls';

const MARKUP = '<img src=x onerror="window.__sfTeamPwned=1"><a href="javascript:alert(1)">x</a>';
const teams: TeamView[] = [{
  url: 'https://team.example.org/desk.json', title: MARKUP, claims: 3, signed: true, keyStart: '<b>key</b>',
  lastSuccess: 1, checkedAt: 2, lastError: `claim 1.note: ${MARKUP}<script>window.__sfTeamPwned=2</script>`,
}];
vi.mock('../../../src/ui/shared/background', () => ({ background: vi.fn(async () => teams) }));
vi.mock('../../../src/platform/host-permissions', () => ({ requestOrigin: vi.fn(async () => false) }));

import { TeamPanel } from '../../../src/ui/options/TeamPanel';
import { useMountRoot } from '../ui/mount-root';

const root = useMountRoot();

describe('the Team claims panel renders what a team\'s file says as text', () => {
  it('a title, key and refusal reason full of markup stay text; no element or link comes from them', async () => {
    await act(async () => render(h(TeamPanel, {}), root()));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    const item = root().querySelector('li.pack')!;
    expect(item.querySelector('.pack-title')!.textContent).toBe(MARKUP);
    expect(item.querySelector('.pack-error')!.textContent).toContain('<script>');
    expect(item.querySelectorAll('img, script, a, b').length).toBe(0);
    expect((window as unknown as { __sfTeamPwned?: number }).__sfTeamPwned).toBeUndefined();
  });
});
