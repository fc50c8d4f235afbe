// The few numbers worth seeing at a glance: how many claims, how many promises are still open,
// how many are overdue (a shortcut to the overdue filter) and how many claims were delivered.

import { isOverdue } from '../../shared/claims/annotation-body';
import type { Claim } from '../../shared/claims/claim';
import { formatCount } from '../../shared/format-count';

interface Props {
  claims: Claim[];
  today: string;
  onShowOverdue(): void;
}

export function ClaimSummary({ claims, today, onShowOverdue }: Props) {
  const promises = claims.filter((c) => c.claimType === 'promise');
  const open = promises.filter((c) => c.status !== 'delivered' && c.status !== 'dropped').length;
  const overdue = claims.filter((c) => isOverdue(c, today)).length;
  const delivered = claims.filter((c) => c.status === 'delivered').length;
  return (
    <ul class="summary" aria-label="Summary">
      <li><strong>{formatCount(claims.length)}</strong> {claims.length === 1 ? 'claim' : 'claims'}</li>
      <li><strong>{formatCount(open)}</strong> open {open === 1 ? 'promise' : 'promises'}</li>
      <li class={overdue ? 'has-overdue' : undefined}>
        {overdue > 0 ? (
          <button type="button" class="link-button" onClick={onShowOverdue}>
            <strong>{formatCount(overdue)}</strong> overdue
          </button>
        ) : (
          <><strong>0</strong> overdue</>
        )}
      </li>
      <li><strong>{formatCount(delivered)}</strong> delivered</li>
    </ul>
  );
}
