// One recorded claim in the list: the quote, who made it and when, what it concerns, its status
// and deadline, the user's note and tags, the page it came from, and what can be done with it.

import { useId, useState } from 'preact/hooks';
import { isOverdue } from '../../shared/claims/annotation-body';
import { STATUS_LABEL, TYPE_LABEL, type Claim } from '../../shared/claims/claim';
import { formatPartialDate } from '../../shared/partial-date';
import { safeHttpsUrl } from '../../shared/safe-url';
import { truncate } from '../shared/truncate';
import { ConfirmAction } from './ConfirmAction';
import { ClaimFacts } from './ClaimFacts';
import type { EntityNames } from './entity-names';
import { siteOf } from './filter-claims';

/** Quotes longer than this start folded, with a button to show the rest. */
const LONG_QUOTE = 360;

export interface ClaimRowProps {
  claim: Claim;
  names: EntityNames;
  today: string;
  onEdit(claim: Claim): Promise<void>;
  onOpen(claim: Claim): Promise<void>;
  onDelete(claim: Claim): Promise<void>;
}

export function ClaimRow({ claim, names, today, onEdit, onOpen, onDelete }: ClaimRowProps) {
  const quoteId = useId();
  const quote = claim.target.selector[0].exact;
  const long = quote.length > LONG_QUOTE;
  const [expanded, setExpanded] = useState(false);
  const overdue = isOverdue(claim, today);
  const site = siteOf(claim.target.source);
  const href = safeHttpsUrl(claim.target.source);
  const short = truncate(quote, 60);

  return (
    <article class={`claim${overdue ? ' is-overdue' : ''}`} aria-labelledby={quoteId} tabIndex={-1}>
      <header class="claim-head">
        <span class="claim-type">{TYPE_LABEL[claim.claimType]}</span>
        <span class={`status status-${claim.status}`}>{STATUS_LABEL[claim.status]}</span>
        <span class="made">
          Made <time dateTime={claim.madeOn}>{formatPartialDate(claim.madeOn)}</time>
        </span>
      </header>

      <blockquote class={`quote${long && !expanded ? ' folded' : ''}`} id={quoteId}>
        <p>{long && !expanded ? truncate(quote, LONG_QUOTE) : quote}</p>
      </blockquote>
      {long && (
        <button type="button" class="link-button more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : 'Show the whole quote'}
        </button>
      )}

      <ClaimFacts claim={claim} names={names} overdue={overdue} />

      {claim.note.trim() && <p class="note">{claim.note}</p>}
      {claim.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {claim.tags.map((tag, i) => <li key={i} class="tag">{tag}</li>)}
        </ul>
      )}

      <footer class="claim-foot">
        <p class="source">
          <span class="site">{site || 'Unknown site'}</span>
          <span aria-hidden="true"> · </span>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer" class="page-title">{claim.pageTitle || href}</a>
          ) : (
            <span class="page-title">{claim.pageTitle || 'Untitled page'}</span>
          )}
        </p>
        <div class="actions">
          <button type="button" class="button quiet" title="Open the page, scrolled to this quote" aria-label={`Open page at claim: ${short}`} onClick={() => void onOpen(claim)}>
            Open page
          </button>
          <button type="button" class="button quiet" aria-label={`Edit claim: ${short}`} onClick={() => void onEdit(claim)}>
            Edit
          </button>
          <ConfirmAction
            label="Delete"
            ariaLabel={`Delete claim: ${short}`}
            question="Delete this claim?"
            confirmLabel="Delete claim"
            onConfirm={() => onDelete(claim)}
          />
        </div>
      </footer>
    </article>
  );
}
