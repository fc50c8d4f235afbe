// The facts block a claim shows in the claims list, the reader's own and a team's alike: who made
// it, its deadline (marked when overdue) and the entities it concerns, each as a chip.

import type { Claim } from '../../shared/claims/claim';
import { formatPartialDate } from '../../shared/partial-date';
import { EntityChip } from './EntityChip';
import type { EntityNames } from './entity-names';

export function ClaimFacts({ claim, names, overdue }: { claim: Pick<Claim, 'claimant' | 'deadline' | 'entities'>; names: EntityNames; overdue: boolean }) {
  return (
    <dl class="facts">
      <div>
        <dt>Claimant</dt>
        <dd>{claim.claimant ? <EntityChip id={claim.claimant} names={names} /> : <span class="muted">Not recorded</span>}</dd>
      </div>
      {claim.deadline && (
        <div>
          <dt>Deadline</dt>
          <dd>
            <time dateTime={claim.deadline} class={overdue ? 'overdue-date' : undefined}>{formatPartialDate(claim.deadline)}</time>
            {overdue && <span class="status overdue">Overdue</span>}
          </dd>
        </div>
      )}
      {claim.entities.length > 0 && (
        <div>
          <dt>Concerns</dt>
          <dd class="chips">{claim.entities.map((id) => <EntityChip key={id} id={id} names={names} />)}</dd>
        </div>
      )}
    </dl>
  );
}
