// Saving a claim made by someone not yet known is one call and one transaction: the person and
// the claim are written together, or neither is (two calls from the editor once left the person
// behind, an orphan, when saving the claim failed).
import { afterEach, describe, expect, it } from 'vitest';
import { claimHandlers, type RevealQueue } from '../../../../src/background/claim-handlers';
import { saveClaimWithNewClaimant } from '../../../../src/background/claims-store';
import { startDraft } from '../../../../src/background/drafts-store';
import type { BackgroundEffects } from '../../../../src/background/effects';
import type { Runtime } from '../../../../src/platform/browser';
import { describeQuote } from '../../../../src/shared/anchoring/describe-quote';
import type { ClaimFields } from '../../../../src/shared/claims/claim';
import { backgroundValidators, type DraftStart } from '../../../../src/shared/messages';
import { dropDbs, freshDb } from '../../../fixtures/sync/db';
import { ARTICLE, PROMISE, spanOf } from '../../shared/anchoring/article';

afterEach(dropDbs);

const PAGE: Runtime.MessageSender = { id: 'sf', url: 'chrome-extension://sf/editor.html' };
const ID = '7d1f7a3e-2b1c-4a55-9d0e-2f6f4f1e9a01';
const FIELDS: ClaimFields = { claimant: null, entities: ['gds'], madeOn: '2022-06-09', claimType: 'promise', status: 'made', deadline: null, note: '', tags: [] };

function start(): DraftStart {
  const [s, e] = spanOf(ARTICLE, PROMISE);
  return { target: { source: 'https://www.gov.uk/government/news/roadmap', selector: describeQuote(ARTICLE, s, e) }, pageTitle: 'Roadmap', pageDate: null, claimant: null, entities: [], mode: 'claim' };
}

const people = async (db: ReturnType<typeof freshDb>) => (await db.entities.toArray()).filter((e) => e.kind === 'person');

describe('saveClaimWithNewClaimant', () => {
  it('creates the person and the claim made by them, and removes the draft', async () => {
    const db = freshDb('new-claimant');
    const draft = await startDraft(db, start(), 7, '2024-05-01');
    const claim = await saveClaimWithNewClaimant(db, draft, FIELDS, '  Ada   Lovelace ', () => 5_000, () => ID);
    expect(await people(db)).toEqual([expect.objectContaining({ id: 'ada-lovelace', name: 'Ada Lovelace', origin: 'user' })]);
    expect(claim).toMatchObject({ id: ID, claimant: 'ada-lovelace', entities: ['gds'] });
    expect(await db.claims.get(ID)).toEqual(claim);
    expect(await db.drafts.get(draft.id)).toBeUndefined();
  });

  it('leaves no orphan person when the claim cannot be written, and keeps the draft', async () => {
    const db = freshDb('new-claimant-fails');
    const draft = await startDraft(db, start(), 7, '2024-05-01');
    const failing = () => {
      throw new Error('disk full');
    };
    await expect(saveClaimWithNewClaimant(db, draft, FIELDS, 'Ada Lovelace', () => 5_000, failing)).rejects.toThrow('disk full');
    expect(await people(db)).toEqual([]);
    expect(await db.claims.toArray()).toEqual([]);
    expect(await db.drafts.get(draft.id)).toEqual(draft);
  });

  it('takes the person of that name who is already known rather than make a second', async () => {
    const db = freshDb('new-claimant-known');
    const first = await saveClaimWithNewClaimant(db, await startDraft(db, start(), 7, '2024-05-01'), FIELDS, 'Ada Lovelace');
    const second = await saveClaimWithNewClaimant(db, await startDraft(db, start(), 7, '2024-05-01'), { ...FIELDS, entities: ['ada-lovelace'] }, 'ada lovelace');
    expect(await people(db)).toHaveLength(1);
    expect(second.claimant).toBe(first.claimant);
    expect(second.entities).toEqual([]); // the claimant is not also what the claim is about
  });
});

describe('draft/save with newClaimant', () => {
  function setup() {
    const db = freshDb('new-claimant-handler');
    const calls: string[] = [];
    const effects: BackgroundEffects = { openTab: async () => 1, refreshTabs: async (dictionary) => void calls.push(`refresh ${dictionary}`), today: () => '2024-05-01' };
    const reveals: RevealQueue = new Map();
    const handlers = claimHandlers(db, reveals, effects, { ready: Promise.resolve(), changed: () => void calls.push('dictionary changed') });
    return { db, calls, handlers };
  }

  it('saves the claim and its new maker in one call, and tells the dictionary and the tabs', async () => {
    const { db, calls, handlers } = setup();
    const draft = await startDraft(db, start(), 7, '2024-05-01');
    const claim = await handlers['draft/save']({ id: draft.id, fields: FIELDS, newClaimant: 'Ada Lovelace' }, PAGE);
    expect(claim.claimant).toBe('ada-lovelace');
    expect(await people(db)).toHaveLength(1);
    expect(calls).toEqual(['dictionary changed', 'refresh true']);
  });

  it('creates nobody when the draft is already gone', async () => {
    const { db, calls, handlers } = setup();
    await expect(handlers['draft/save']({ id: ID, fields: FIELDS, newClaimant: 'Ada Lovelace' }, PAGE)).rejects.toThrow('already saved or discarded');
    expect(await people(db)).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('is validated: a name within limits, and only for a claim that names no claimant yet', () => {
    const ok = backgroundValidators['draft/save'];
    expect(ok({ id: ID, fields: FIELDS, newClaimant: 'Ada Lovelace' })).toBe(true);
    expect(ok({ id: ID, fields: FIELDS })).toBe(true);
    expect(ok({ id: ID, fields: FIELDS, newClaimant: '   ' })).toBe(false);
    expect(ok({ id: ID, fields: FIELDS, newClaimant: 'x'.repeat(10_000) })).toBe(false);
    expect(ok({ id: ID, fields: FIELDS, newClaimant: 42 })).toBe(false);
    expect(ok({ id: ID, fields: { ...FIELDS, claimant: 'gds' }, newClaimant: 'Ada Lovelace' })).toBe(false);
  });
});
