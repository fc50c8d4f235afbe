// @vitest-environment happy-dom
// Security review of team sharing: every string a team's file puts in a claim (quote, note, tags,
// page title, the names only the team knows) renders as text on the page's card, on an entity's
// timeline and in the claims list; the claims list links only to an https page with no user name
// or password, whatever the file's page address says.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { renderClaimCard, renderClaimEvent } from '../../../src/content/ui/claim-view';
import type { ShownClaim } from '../../../src/shared/team/team-calls';
import { entityNames } from '../../../src/ui/claims/entity-names';
import { TeamClaimRow } from '../../../src/ui/claims/TeamClaimRow';
import { teamClaim } from '../../fixtures/team/make-team-file';
import { useMountRoot } from '../ui/mount-root';

const M = (what: string) => `<img src=x data-from="${what}"><a href="javascript:alert(1)">${what}</a><script>1</script>`;
const ctx = { nameOf: (id: string) => id, today: '2026-12-06', onEdit: vi.fn(), onClose: vi.fn() };
const hostile = (source?: string): ShownClaim => {
  const base = teamClaim({ quote: M('quote'), note: M('note'), tags: [M('tag')], pageTitle: M('page') });
  return {
    ...base, id: 'team-0000abcd:x', claimant: 'team-person', entities: ['team-body'],
    ...(source ? { target: { ...base.target, source } } : {}),
    team: { team: 'team-0000abcd', title: M('title'), names: { 'team-person': M('person'), 'team-body': M('body') } },
  };
};
const noElementsFromFile = (node: Element) => expect(node.querySelectorAll('img, script, a[href^="javascript"], [data-from]').length).toBe(0);

describe('team claim text on the page', () => {
  it('the card renders every field as text', () => {
    const card = renderClaimCard(document, hostile(), { ...ctx, onCopy: vi.fn() });
    noElementsFromFile(card);
    for (const what of ['quote', 'note', 'tag', 'title', 'person', 'body']) expect(card.textContent, what).toContain(M(what));
  });

  it('the timeline entry renders every field as text', () => {
    const li = renderClaimEvent(document, hostile(), ctx);
    noElementsFromFile(li);
    for (const what of ['quote', 'note', 'title', 'person']) expect(li.textContent, what).toContain(M(what));
  });
});

const root = useMountRoot();
const names = entityNames([]);

describe('team claim text in the claims list', () => {
  it('renders every field as text', async () => {
    await act(async () => render(h(TeamClaimRow, { claim: hostile(), names, today: '2026-12-06' }), root()));
    noElementsFromFile(root());
    for (const what of ['quote', 'note', 'tag', 'title', 'person', 'body', 'page']) expect(root().textContent, what).toContain(M(what));
  });

  it('links only to an https page without a user name or password', async () => {
    for (const [source, href] of [
      ['https://www.gov.uk/x', 'https://www.gov.uk/x'],
      ['https://www.gov.uk@evil.example/x', null],
      ['https://u:p@evil.example/x', null],
    ] as const) {
      await act(async () => render(h(TeamClaimRow, { claim: hostile(source), names, today: '2026-12-06' }), root()));
      const links = [...root().querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(links, source).toEqual(href ? [href] : []);
    }
  });
});
