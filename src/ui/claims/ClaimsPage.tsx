// The "Your claims" page: every recorded claim, newest first, with filters, unfinished drafts and
// the actions on each. Holds the page's state; the pieces it renders each do one thing.

import { useMemo, useRef, useState } from 'preact/hooks';
import type { Claim, ClaimDraft } from '../../shared/claims/claim';
import { ClaimFilters } from './ClaimFilters';
import { ClaimList } from './ClaimList';
import { ClaimSummary } from './ClaimSummary';
import { DraftsList } from './DraftsList';
import { TeamClaims } from './TeamClaims';
import { EmptyState } from './EmptyState';
import { deleteClaim, discardDraft, editClaim, openClaimPage, openEditor } from './claim-actions';
import { entityNames } from './entity-names';
import { filterClaims, filterOptions, newestFirst, NO_FILTER, OVERDUE, reconcileFilter, type ClaimFilter } from './filter-claims';
import { filterFromQuery, filterToQuery } from './filter-query';
import { useClaimsData } from './use-claims-data';
import { formatCount } from '../../shared/format-count';
import { today as localToday } from '../../shared/today';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function ClaimsPage({ now = Date.now, loc = location }: { now?: () => number; loc?: Location }) {
  const { data, reload } = useClaimsData();
  const [filter, setFilterState] = useState<ClaimFilter>(() => filterFromQuery(loc.search));
  const [notice, setNotice] = useState<Notice>(null);
  const countRef = useRef<HTMLParagraphElement>(null);
  // The same "today" the in-page card uses for overdue promises.
  const today = localToday(now);

  const setFilter = (next: ClaimFilter) => {
    setFilterState(next);
    history.replaceState(null, '', `${loc.pathname}${filterToQuery(next)}`);
  };

  const ready = data.status === 'ready' ? data : null;
  const names = useMemo(() => entityNames(ready?.entities ?? []), [ready?.entities]);
  const all = useMemo(() => newestFirst(ready?.claims ?? []), [ready?.claims]);
  const options = useMemo(() => filterOptions(all, names, today), [all, names, today]);
  // A choice that no claim has any more (deleted elsewhere, or an old bookmark) is dropped.
  const effective = ready ? reconcileFilter(filter, options) : filter;
  const shown = useMemo(() => filterClaims(all, effective, today), [all, effective.claimant, effective.entity, effective.status, effective.site, effective.text, today]);

  const act = async (what: () => Promise<unknown>, failure: string) => {
    setNotice(null);
    try {
      await what();
    } catch (e) {
      setNotice({ tone: 'error', text: `${failure}: ${message(e)}` });
    }
  };

  const onEdit = (claim: Claim) => act(() => editClaim(claim.id), 'Couldn’t open the editor');
  const onOpen = (claim: Claim) => act(() => openClaimPage(claim.id), 'Couldn’t open the page');
  const onResume = (draft: ClaimDraft) => act(() => openEditor(draft.id), 'Couldn’t open the editor');
  // Errors here go back to the inline confirm, which shows them beside the buttons.
  const onDelete = async (claim: Claim) => {
    await deleteClaim(claim.id);
    await reload();
    setNotice({ tone: 'ok', text: 'Claim deleted.' });
    // Its row is gone; put focus somewhere sensible rather than on the page's body.
    countRef.current?.focus();
  };
  const onDiscard = async (draft: ClaimDraft) => {
    await discardDraft(draft.id);
    await reload();
    setNotice({ tone: 'ok', text: 'Draft discarded.' });
    countRef.current?.focus();
  };

  return (
    <div class="page">
      <header class="masthead">
        <div class="masthead-inner">
          <span class="brand">
            <img src="icons/icon-32.png" alt="" width={22} height={22} />
            Sound Familiar
          </span>
        </div>
      </header>

      <main class="content" id="main">
        <div class="title-block">
          <h1>Your claims</h1>
          <p class="lede">Who promised what, and when: everything you have recorded, newest first.</p>
        </div>

        <div class="notices">
          <div role="status" class={notice?.tone === 'ok' ? 'notice ok' : 'visually-hidden'}>{notice?.tone === 'ok' ? notice.text : ''}</div>
          <div role="alert" class={notice?.tone === 'error' ? 'notice error' : 'visually-hidden'}>{notice?.tone === 'error' ? notice.text : ''}</div>
        </div>

        {data.status === 'loading' && <p class="loading">Loading your claims…</p>}
        {data.status === 'error' && (
          <div class="notice error" role="alert">
            Couldn’t load your claims: {data.message}{' '}
            <button type="button" class="button" onClick={() => void reload()}>Try again</button>
          </div>
        )}

        {ready && (
          <>
            {all.length > 0 && <ClaimSummary claims={all} today={today} onShowOverdue={() => setFilter({ ...NO_FILTER, status: OVERDUE })} />}
            <DraftsList drafts={ready.drafts} now={now()} onResume={onResume} onDiscard={onDiscard} />
            {all.length === 0 ? (
              <EmptyState />
            ) : (
              <section class="claims" aria-labelledby="claims-heading">
                <h2 id="claims-heading" class="visually-hidden">Claims</h2>
                <ClaimFilters filter={effective} options={options} onChange={setFilter} />
                <p class="count" ref={countRef} tabIndex={-1} aria-live="polite">
                  <strong>{formatCount(shown.length)}</strong> of {formatCount(all.length)} {all.length === 1 ? 'claim' : 'claims'}
                </p>
                {shown.length === 0 ? (
                  <div class="no-match">
                    <p>No claims match these filters.</p>
                    <button type="button" class="button" onClick={() => setFilter(NO_FILTER)}>Clear filters</button>
                  </div>
                ) : (
                  // A filter the user changes starts again from the first page.
                  <ClaimList key={filterToQuery(filter)} claims={shown} names={names} today={today} onEdit={onEdit} onOpen={onOpen} onDelete={onDelete} />
                )}
              </section>
            )}
            <TeamClaims names={names} today={today} />
          </>
        )}
      </main>

      <footer class="page-foot">
        <p>Your claims are kept in this browser’s extension storage. Nothing is sent anywhere.</p>
      </footer>
    </div>
  );
}
