// The editor page: loads its draft, shows the quote and where it came from, and offers the two
// things a selection can become: a claim, or a new name in the knowledge base.

import { useEffect, useState } from 'preact/hooks';
import type { ClaimDraft } from '../../shared/claims/claim';
import type { EntityChoice } from '../../shared/messages';
import { safeHttpsUrl } from '../../shared/safe-url';
import { background } from '../shared/background';
import { ClaimForm } from './ClaimForm';
import { closeEditor } from './close-editor';
import { KnowledgeForm } from './KnowledgeForm';

type Loaded = { draft: ClaimDraft; mode: 'claim' | 'entity'; entities: EntityChoice[] };

export function Editor({ draftId }: { draftId: string }) {
  const [state, setState] = useState<Loaded | 'missing' | null>(null);
  const [tab, setTab] = useState<'claim' | 'entity'>('claim');

  useEffect(() => {
    void Promise.all([background('draft/get', { id: draftId }), background('entities/list', {})])
      .then(([found, entities]) => {
        if (!found) return setState('missing');
        setTab(found.mode);
        setState({ ...found, entities });
      })
      .catch(() => setState('missing'));
  }, [draftId]);

  const done = async (saved: boolean) => {
    // Cancelling, or adding a name rather than a claim, leaves no draft behind.
    if (!saved || tab === 'entity') await background('draft/discard', { id: draftId }).catch(() => undefined);
    closeEditor(saved);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        void done(false);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  if (state === null) return <p class="loading">Loading…</p>;
  if (state === 'missing') {
    return (
      <div class="editor-page">
        <p>This draft was already saved or discarded.</p>
        <button type="button" class="secondary" onClick={() => closeEditor(false)}>Close</button>
      </div>
    );
  }

  const { draft, entities } = state;
  const [quote] = draft.target.selector;
  const href = safeHttpsUrl(draft.target.source);
  const editing = !!draft.claimId;
  return (
    <div class="editor-page">
      <header>
        <p class="eyebrow">Sound Familiar</p>
        <h1>{editing ? 'Edit claim' : tab === 'claim' ? 'Record a claim' : 'Add to the knowledge base'}</h1>
        <blockquote>{quote.exact}</blockquote>
        <p class="source">
          {href ? <a href={href} target="_blank" rel="noopener noreferrer">{draft.pageTitle || new URL(href).hostname}</a> : draft.pageTitle}
        </p>
      </header>
      {!editing && (
        <div class="tabs" role="tablist" aria-label="What to do with the selection">
          <button type="button" role="tab" aria-selected={tab === 'claim'} onClick={() => setTab('claim')}>Claim</button>
          <button type="button" role="tab" aria-selected={tab === 'entity'} onClick={() => setTab('entity')}>Name to remember</button>
        </div>
      )}
      <div role="tabpanel">
        {tab === 'claim'
          ? <ClaimForm draft={draft} entities={entities} onDone={(saved) => void done(saved)} />
          : <KnowledgeForm selected={quote.exact} entities={entities} onDone={(saved) => void done(saved)} />}
      </div>
    </div>
  );
}
