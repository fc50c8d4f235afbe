// The list of claims, a page at a time: a team's shared notes can hold tens of thousands, and
// rendering 20,000 rows at once took Chromium 13-24 s and 600,000 elements. "Show more" adds
// the next page and moves focus to its first claim, so keyboard users carry on where they were.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Claim } from '../../shared/claims/claim';
import { ClaimRow, type ClaimRowProps } from './ClaimRow';
import { formatCount } from '../../shared/format-count';

/** Claims rendered at first, and added by each "Show more". */
export const CLAIMS_PER_PAGE = 50;

/** Every row's props, for a list of claims. */
type Props = Omit<ClaimRowProps, 'claim'> & { claims: readonly Claim[] };

export function ClaimList({ claims, names, today, onEdit, onOpen, onDelete }: Props) {
  const [limit, setLimit] = useState(CLAIMS_PER_PAGE);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const visible = claims.slice(0, limit);
  const hidden = claims.length - visible.length;

  useEffect(() => {
    if (focusFrom === null) return;
    // The row's article, which is named by its quote: focusing the <li> would read out all of it.
    listRef.current?.children[focusFrom]?.querySelector<HTMLElement>('article')?.focus();
    setFocusFrom(null);
  }, [focusFrom]);

  const showMore = () => {
    setFocusFrom(visible.length);
    setLimit(limit + CLAIMS_PER_PAGE);
  };

  return (
    <>
      <ol class="claim-list" ref={listRef}>
        {visible.map((claim) => (
          <li key={claim.id}>
            <ClaimRow claim={claim} names={names} today={today} onEdit={onEdit} onOpen={onOpen} onDelete={onDelete} />
          </li>
        ))}
      </ol>
      {hidden > 0 && (
        <div class="more">
          <button type="button" class="button" onClick={showMore}>
            Show {formatCount(Math.min(hidden, CLAIMS_PER_PAGE))} more
          </button>
          <span class="more-count">{formatCount(visible.length)} of {formatCount(claims.length)} shown</span>
        </div>
      )}
    </>
  );
}
