// Message handlers for claims and drafts: recording from a page, editing, deleting, and opening a
// claim's page scrolled to its quote.

import type { Runtime } from '../platform/browser';
import type { Handlers } from '../platform/messaging';
import type { BackgroundCalls } from '../shared/messages';
import { LIMITS } from '../shared/claims/claim';
import { pageKey } from '../shared/page-url';
import { parseClaimFields } from '../shared/claims/validate-claim';
import { allClaims, claimsForEntity, claimsForPage, deleteClaim, saveClaimFromDraft, saveClaimWithNewClaimant } from './claims-store';
import type { SoundFamiliarDb } from './db';
import { draftForClaim, startDraft, updateDraft } from './drafts-store';
import type { BackgroundEffects } from './effects';
import { teamClaimFields, teamClaimsForEntity, teamClaimsForPage } from './team/team-store';

/** Tab id → the claim its page should scroll to once loaded (set by "open source page"). */
export type RevealQueue = Map<number, string>;

/** A content script speaks only for its own page: the URL it names must share the sender's origin. */
function assertOwnPage(url: string, sender: Runtime.MessageSender): void {
  const origin = (u: string | undefined) => {
    try {
      return u ? new URL(u).origin : null;
    } catch {
      return null;
    }
  };
  const own = origin(sender.url);
  if (own === null || own !== origin(url)) throw new Error('a page can only ask about itself');
}

/** "Repeats: Local Digital Alliance, Mar 2015 — …": the earlier promises, for the new claim's note. */
async function describeRepeats(db: SoundFamiliarDb, ids: readonly string[]): Promise<string> {
  const lines: string[] = [];
  for (const id of ids) {
    const [entityId, index] = id.split('#');
    if (index !== undefined) {
      const entity = await db.entities.get(entityId!);
      const event = entity?.events[Number(index)];
      if (entity && event) lines.push(`${entity.name}, ${event.dateLabel ?? event.date}: ${event.text}`);
    } else {
      const claim = await db.claims.get(id);
      if (claim && claim.deleted === undefined) lines.push(`your claim of ${claim.madeOn}: “${claim.target.selector[0].exact}”`);
    }
  }
  return lines.length > 0 ? `Repeats ${lines.join(' | ')}` : '';
}

type ClaimCalls = 'claims/for-page' | 'claims/for-entity' | 'draft/start' | 'draft/get' | 'draft/update' | 'draft/discard'
  | 'draft/save' | 'drafts/list' | 'claims/list' | 'claim/edit' | 'claim/edit-on-page' | 'claim/delete' | 'claim/open';

/** What a save that creates a person needs: seeding finished first, and the dictionary told after. */
export interface EntityWrites {
  ready: Promise<unknown>;
  changed(): void;
}

export function claimHandlers(
  db: SoundFamiliarDb,
  reveals: RevealQueue,
  effects: BackgroundEffects,
  entities: EntityWrites = { ready: Promise.resolve(), changed: () => undefined },
): Pick<Handlers<BackgroundCalls>, ClaimCalls> {
  return {
    async 'claims/for-page'({ url }, sender) {
      const key = pageKey(url);
      if (!key) return { claims: [], reveal: null };
      assertOwnPage(url, sender);
      const own = await claimsForPage(db, key);
      const tabId = sender.tab?.id;
      const reveal = tabId !== undefined ? reveals.get(tabId) ?? null : null;
      if (tabId !== undefined && reveal && own.some((c) => c.id === reveal)) reveals.delete(tabId);
      // Followed teams' claims too, read-only; where the reader has the same claim, theirs is shown.
      return { claims: [...own, ...(await teamClaimsForPage(db, key, own.map((c) => c.id)))], reveal };
    },
    async 'claims/for-entity'({ entityId }) {
      const own = await claimsForEntity(db, entityId);
      return [...own, ...(await teamClaimsForEntity(db, entityId, own.map((c) => c.id)))];
    },
    async 'draft/start'(start, sender) {
      const source = pageKey(start.target.source);
      if (!source) throw new Error('claims can only be recorded on http(s) pages');
      assertOwnPage(start.target.source, sender);
      // A copy fills only a new draft: one the reader already started on this quote keeps their words.
      const earlier = start.copyOf ? new Set((await db.drafts.toArray()).map((d) => d.id)) : null;
      const draft = await startDraft(db, { ...start, target: { ...start.target, source } }, sender.tab?.id ?? null, effects.today());
      if (start.repeats) {
        // "Record as repeated" from a Sound familiar? card: the claim starts as a repeat of those promises.
        const note = (await describeRepeats(db, start.repeats)).slice(0, LIMITS.note);
        await updateDraft(db, draft.id, { ...draft.fields, status: 'repeated', note, tags: ['sound-familiar'] });
      }
      // "Copy to my claims" on a team's claim card: the reader's draft starts with the team's fields.
      const copied = start.copyOf && !earlier?.has(draft.id) ? await teamClaimFields(db, start.copyOf, source) : null;
      if (copied) await updateDraft(db, draft.id, copied);
      return { draftId: draft.id };
    },
    async 'draft/get'({ id }) {
      const draft = await db.drafts.get(id);
      return draft ? { draft, mode: draft.mode } : null;
    },
    async 'draft/update'({ id, fields }) {
      await updateDraft(db, id, parseClaimFields(fields));
      return null;
    },
    async 'draft/discard'({ id }) {
      await db.drafts.delete(id);
      return null;
    },
    async 'draft/save'({ id, fields, newClaimant }) {
      const draft = await db.drafts.get(id);
      if (!draft) throw new Error('this draft was already saved or discarded');
      if (newClaimant === undefined) {
        const claim = await saveClaimFromDraft(db, draft, parseClaimFields(fields));
        await effects.refreshTabs(false);
        return claim;
      }
      await entities.ready;
      const claim = await saveClaimWithNewClaimant(db, draft, parseClaimFields(fields), newClaimant);
      entities.changed();
      await effects.refreshTabs(true);
      return claim;
    },
    'drafts/list': async () => (await db.drafts.orderBy('modified').reverse().toArray()),
    'claims/list': () => allClaims(db),
    async 'claim/edit'({ id }) {
      const claim = await db.claims.get(id);
      if (!claim || claim.deleted !== undefined) throw new Error('no such claim');
      return { draftId: (await draftForClaim(db, claim)).id };
    },
    async 'claim/edit-on-page'({ id }, sender) {
      const claim = await db.claims.get(id);
      if (!claim || claim.deleted !== undefined) throw new Error('no such claim');
      // A page's script never reaches this call, but a tab may only open the claims of its own site.
      assertOwnPage(claim.target.source, sender);
      return { draftId: (await draftForClaim(db, claim)).id };
    },
    async 'claim/delete'({ id }) {
      await deleteClaim(db, id);
      await effects.refreshTabs(false);
      return null;
    },
    async 'claim/open'({ id }) {
      const claim = await db.claims.get(id);
      if (!claim || claim.deleted !== undefined) throw new Error('no such claim');
      const tabId = await effects.openTab(claim.target.source);
      if (tabId !== undefined) reveals.set(tabId, id);
      return null;
    },
  };
}
