// Drafts: claims being written. The editor saves into its draft on every change, so closing the
// tab, navigating away or a crashed frame loses nothing; the claims list offers to resume them.

import type { Claim, ClaimDraft, ClaimFields } from '../shared/claims/claim';
import type { DraftStart } from '../shared/messages';
import type { SoundFamiliarDb } from './db';

export function fieldsFromStart(start: DraftStart, today: string): ClaimFields {
  return {
    claimant: start.claimant,
    entities: start.entities,
    madeOn: start.pageDate ?? today,
    claimType: 'promise',
    status: 'made',
    deadline: null,
    note: '',
    tags: [],
  };
}

/** A new draft, or the unsaved one already open on the same quote of the same page. */
export async function startDraft(db: SoundFamiliarDb, start: DraftStart, tabId: number | null, today: string, now = Date.now, newId = () => crypto.randomUUID()): Promise<ClaimDraft> {
  const [quote] = start.target.selector;
  const resumable = (await db.drafts.toArray()).find((d) =>
    d.claimId === null && d.target.source === start.target.source && d.target.selector[0].exact === quote.exact);
  if (resumable) {
    const resumed = { ...resumable, tabId, mode: start.mode, modified: now() };
    await db.drafts.put(resumed);
    return resumed;
  }
  const draft: ClaimDraft = {
    id: newId(),
    tabId,
    target: start.target,
    pageTitle: start.pageTitle,
    pageDate: start.pageDate,
    fields: fieldsFromStart(start, today),
    claimId: null,
    mode: start.mode,
    modified: now(),
  };
  await db.drafts.put(draft);
  return draft;
}

export async function draftForClaim(db: SoundFamiliarDb, claim: Claim, now = Date.now, newId = () => crypto.randomUUID()): Promise<ClaimDraft> {
  const existing = (await db.drafts.toArray()).find((d) => d.claimId === claim.id);
  if (existing) return existing;
  const { claimant, entities, madeOn, claimType, status, deadline, note, tags } = claim;
  const draft: ClaimDraft = {
    id: newId(),
    tabId: null,
    target: claim.target,
    pageTitle: claim.pageTitle,
    pageDate: null,
    fields: { claimant, entities, madeOn, claimType, status, deadline, note, tags },
    claimId: claim.id,
    mode: 'claim',
    modified: now(),
  };
  await db.drafts.put(draft);
  return draft;
}

export async function updateDraft(db: SoundFamiliarDb, id: string, fields: ClaimFields, now = Date.now): Promise<void> {
  await db.drafts.update(id, { fields, modified: now() });
}
