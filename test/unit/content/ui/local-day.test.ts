// @vitest-environment happy-dom
// The card's dates are the user's calendar days: at 00:30 on a British summer morning (23:30 UTC
// the day before) a promise due yesterday is overdue, and a claim recorded then says today.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderCard } from '../../../../src/content/ui/card-view';
import { renderClaimCard } from '../../../../src/content/ui/claim-view';
import { asStored } from '../../helpers/kb';
import { HALF_PAST_MIDNIGHT_BST, useTimeZone } from '../../helpers/time-zone';
import { claim } from '../../ui/claims/claim-fixture';

useTimeZone('Europe/London');
afterEach(() => {
  vi.useRealTimers();
});

const body = asStored({ id: 'gov-uk-verify', kind: 'initiative', name: 'GOV.UK Verify', aliases: [], summary: '', events: [], sources: [], confidence: 'sourced', origin: 'builtin', created: 1, modified: 1 });

describe('the card at 00:30 BST', () => {
  it('shows a promise due yesterday as overdue, with no today passed in', () => {
    vi.useFakeTimers({ now: HALF_PAST_MIDNIGHT_BST, toFake: ['Date'] });
    const due = claim({ claimType: 'promise', status: 'made', deadline: '2024-06-30' });
    const card = renderCard(document, body, { position: { index: 1, total: 1 }, claims: [due], onStep: vi.fn(), onClose: vi.fn() });
    expect(card.querySelector('.event.mine')!.classList.contains('overdue')).toBe(true);
  });

  it('says a claim recorded then was recorded today, not yesterday', () => {
    const recorded = claim({ created: HALF_PAST_MIDNIGHT_BST });
    const card = renderClaimCard(document, recorded, { nameOf: (id) => id, today: '2024-07-01', onEdit: vi.fn(), onClose: vi.fn() });
    expect(card.querySelector('.brand')!.textContent).toBe('recorded 1 Jul 2024');
  });
});
