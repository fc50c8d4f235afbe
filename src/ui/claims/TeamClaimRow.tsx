// One of a followed team's claims in the claims list: the quote, who made it and when, what it
// concerns, its status, the team's note and tags, and the page, marked "Team: <title>". Read-only:
// no edit, delete or "open at the quote" (those are for the reader's own claims); the page is a link.

import { isOverdue } from '../../shared/claims/annotation-body';
import { STATUS_LABEL, TYPE_LABEL } from '../../shared/claims/claim';
import { formatPartialDate } from '../../shared/partial-date';
import { safeHttpsUrl } from '../../shared/safe-url';
import type { ShownClaim } from '../../shared/team/team-calls';
import { ClaimFacts } from './ClaimFacts';
import type { EntityNames } from './entity-names';
import { siteOf } from './filter-claims';

/** The reader's names first; a name only the team's file has, by own key. */
function teamNames(claim: ShownClaim, names: EntityNames): EntityNames {
  const own = claim.team?.names ?? {};
  return {
    nameOf: (id) => (Object.hasOwn(own, id) ? own[id]! : names.nameOf(id)),
    kindOf: (id) => names.kindOf(id),
  };
}

export function TeamClaimRow({ claim, names, today }: { claim: ShownClaim; names: EntityNames; today: string }) {
  const quote = claim.target.selector[0].exact;
  const overdue = isOverdue(claim, today);
  const href = safeHttpsUrl(claim.target.source);
  const named = teamNames(claim, names);
  return (
    <article class={`claim team${overdue ? ' is-overdue' : ''}`} aria-label={`Team claim: ${quote.slice(0, 80)}`} tabIndex={-1}>
      <header class="claim-head">
        <span class="claim-type">{TYPE_LABEL[claim.claimType]}</span>
        <span class={`status status-${claim.status}`}>{STATUS_LABEL[claim.status]}</span>
        <span class="team-badge">Team: {claim.team?.title}</span>
        <span class="made">Made <time dateTime={claim.madeOn}>{formatPartialDate(claim.madeOn)}</time></span>
      </header>
      <blockquote class="quote"><p>{quote}</p></blockquote>
      <ClaimFacts claim={claim} names={named} overdue={overdue} />
      {claim.note.trim() && <p class="note">{claim.note}</p>}
      {claim.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">{claim.tags.map((tag, i) => <li key={i} class="tag">{tag}</li>)}</ul>
      )}
      <footer class="claim-foot">
        <p class="source">
          <span class="site">{siteOf(claim.target.source) || 'Unknown site'}</span>
          <span aria-hidden="true"> · </span>
          {href
            ? <a href={href} target="_blank" rel="noopener noreferrer" class="page-title">{claim.pageTitle || href}</a>
            : <span class="page-title">{claim.pageTitle || 'Untitled page'}</span>}
        </p>
        <p class="read-only">Read-only: only the team’s file can change it</p>
      </footer>
    </article>
  );
}
