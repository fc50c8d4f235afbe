// Reads and writes claims. Every write sets `modified` and re-derives the annotation body; a
// delete leaves a tombstone (the record with `deleted` set) so the deletion can travel in exports.

import { annotationBody } from '../shared/claims/annotation-body';
import { claimTombstone } from '../shared/sync/export-format';
import { withNextRevision } from '../shared/sync/revision';
import type { Claim, ClaimDraft, ClaimFields } from '../shared/claims/claim';
import type { SoundFamiliarDb } from './db';
import { createEntity } from './user-entities';

const live = (c: Claim) => c.deleted === undefined;

export async function claimsForPage(db: SoundFamiliarDb, source: string): Promise<Claim[]> {
  return (await db.claims.onPage(source)).filter(live);
}

export async function claimsForEntity(db: SoundFamiliarDb, entityId: string): Promise<Claim[]> {
  return (await db.claims.aboutEntity(entityId)).filter(live);
}

export async function allClaims(db: SoundFamiliarDb): Promise<Claim[]> {
  return (await db.claims.toArray()).filter(live).sort((a, b) => b.modified - a.modified);
}

/** Writes a draft as a claim: a new one, or an edit of the claim the draft was opened from. */
export async function saveClaimFromDraft(db: SoundFamiliarDb, draft: ClaimDraft, fields: ClaimFields, now = Date.now, newId = () => crypto.randomUUID()): Promise<Claim> {
  return db.transaction('rw', db.claimBuckets, db.drafts, async () => {
    const stored = draft.claimId ? await db.claims.get(draft.claimId) : undefined;
    // Deleted while the editor was open: saving brings it back, with the page and quote the
    // draft kept (the tombstone has neither), as a revision after the deletion.
    const existing = stored?.deleted === undefined ? stored : undefined;
    const t = now();
    const claim: Claim = withNextRevision({
      ...fields,
      id: existing?.id ?? newId(),
      type: 'Annotation',
      motivation: 'assessing',
      target: existing?.target ?? draft.target,
      body: annotationBody(fields),
      pageTitle: existing?.pageTitle ?? draft.pageTitle,
      created: existing?.created ?? t,
      // Strictly increasing, so an edit always wins over the version it replaced.
      modified: Math.max(t, (stored?.modified ?? 0) + 1),
    }, stored);
    await db.claims.put(claim);
    await db.drafts.delete(draft.id);
    return claim;
  });
}

/**
 * Writes a draft as a claim made by a person not yet known, `name`: the person is created (or the
 * one of that name found) and the claim written in one transaction, so if the claim cannot be
 * written no person is left behind without it.
 */
export async function saveClaimWithNewClaimant(db: SoundFamiliarDb, draft: ClaimDraft, fields: ClaimFields, name: string, now = Date.now, newId = () => crypto.randomUUID()): Promise<Claim> {
  return db.transaction('rw', [db.entities, db.claimBuckets, db.drafts], async () => {
    const person = await createEntity(db, 'person', name, '', now);
    return saveClaimFromDraft(db, draft, { ...fields, claimant: person.id, entities: fields.entities.filter((e) => e !== person.id) }, now, newId);
  });
}

export async function deleteClaim(db: SoundFamiliarDb, id: string, now = Date.now): Promise<void> {
  await db.transaction('rw', db.claimBuckets, async () => {
    const claim = await db.claims.get(id);
    if (!claim || claim.deleted !== undefined) return;
    const t = Math.max(now(), claim.modified + 1);
    // The tombstone keeps identity and history only: the deleted words are gone, here and in exports.
    await db.claims.put(withNextRevision(claimTombstone(claim.id, claim.created, t), claim));
  });
}
