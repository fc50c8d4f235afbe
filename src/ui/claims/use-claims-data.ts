// Loads what the claims list shows (claims, unsaved drafts, entity names) from the background, and
// loads it again whenever the page becomes visible, so an edit saved in another tab shows up.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Claim, ClaimDraft } from '../../shared/claims/claim';
import type { EntityChoice } from '../../shared/messages';
import { background } from '../shared/background';

export type ClaimsData =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; claims: Claim[]; drafts: ClaimDraft[]; entities: EntityChoice[] };

export function useClaimsData(doc: Document = document): { data: ClaimsData; reload: () => Promise<void> } {
  const [data, setData] = useState<ClaimsData>({ status: 'loading' });
  // Only the latest load may write: an old reply arriving late must not undo a newer one.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const [claims, drafts, entities] = await Promise.all([
        background('claims/list', {}),
        background('drafts/list', {}),
        background('entities/list', {}),
      ]);
      if (ticket === latest.current) setData({ status: 'ready', claims, drafts, entities });
    } catch (error) {
      if (ticket !== latest.current) return;
      const message = error instanceof Error ? error.message : String(error);
      // Keep showing what we had; a failed refresh is not worth hiding the list over.
      setData((previous) => (previous.status === 'ready' ? previous : { status: 'error', message }));
    }
  }, []);

  useEffect(() => {
    void reload();
    const controller = new AbortController();
    doc.addEventListener('visibilitychange', () => {
      if (doc.visibilityState === 'visible') void reload();
    }, { signal: controller.signal });
    return () => controller.abort();
  }, [reload, doc]);

  return { data, reload };
}
