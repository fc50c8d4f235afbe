// Unsaved drafts: claims the user started (or edits they began) and never saved. Each can be
// resumed in the editor or discarded; nothing typed into the editor is ever lost silently.

import type { ClaimDraft } from '../../shared/claims/claim';
import { truncate } from '../shared/truncate';
import { ConfirmAction } from './ConfirmAction';
import { siteOf } from './filter-claims';
import { formatDay, timeAgo } from './time-ago';

interface Props {
  drafts: ClaimDraft[];
  now: number;
  onResume(draft: ClaimDraft): Promise<void>;
  onDiscard(draft: ClaimDraft): Promise<void>;
}

function draftKind(draft: ClaimDraft): string {
  if (draft.claimId) return 'Changes to a saved claim';
  return draft.mode === 'entity' ? 'New knowledge-base entry' : 'New claim';
}

export function DraftsList({ drafts, now, onResume, onDiscard }: Props) {
  if (drafts.length === 0) return null;
  return (
    <section class="drafts" aria-labelledby="drafts-heading">
      <div class="section-head">
        <h2 id="drafts-heading">Unfinished drafts</h2>
        <p class="section-note">Started but not saved yet. Pick up where you left off, or let them go.</p>
      </div>
      <ul class="draft-list">
        {drafts.map((draft) => {
          const quote = draft.target.selector[0].exact;
          const short = truncate(quote, 60);
          const site = siteOf(draft.target.source);
          return (
            <li key={draft.id} class="draft">
              <div class="draft-body">
                <p class="draft-meta">
                  <span class="draft-kind">{draftKind(draft)}</span>
                  <span aria-hidden="true"> · </span>
                  <span>
                    edited <time dateTime={new Date(draft.modified).toISOString()} title={formatDay(draft.modified)}>{timeAgo(draft.modified, now)}</time>
                  </span>
                </p>
                <p class="draft-quote" title={quote}>“{truncate(quote, 180)}”</p>
                <p class="draft-page">
                  <span class="site">{site || 'Unknown site'}</span>
                  {draft.pageTitle && <><span aria-hidden="true"> · </span><span>{draft.pageTitle}</span></>}
                </p>
              </div>
              <div class="actions">
                <button type="button" class="button primary" aria-label={`Resume draft: ${short}`} onClick={() => void onResume(draft)}>
                  Resume
                </button>
                <ConfirmAction
                  label="Discard"
                  ariaLabel={`Discard draft: ${short}`}
                  question="Discard this draft?"
                  confirmLabel="Discard draft"
                  onConfirm={() => onDiscard(draft)}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
