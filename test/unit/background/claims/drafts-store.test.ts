// Drafts: a selection starts one, typing updates it, the same quote resumes it, and editing a
// claim opens (or reuses) a draft for that claim.
import { afterEach, describe, expect, it } from 'vitest';
import { draftForClaim, fieldsFromStart, startDraft, updateDraft } from '../../../../src/background/drafts-store';
import { saveClaimFromDraft } from '../../../../src/background/claims-store';
import { describeQuote } from '../../../../src/shared/anchoring/describe-quote';
import type { DraftStart } from '../../../../src/shared/messages';
import { dropDbs, freshDb } from '../../../fixtures/sync/db';
import { ARTICLE, PROMISE, spanOf } from '../../shared/anchoring/article';

afterEach(dropDbs);

/** Draft ids are UUIDs in production; numbered ones keep expectations readable. */
const uid = (n: number) => `dddddddd-0000-4000-8000-${String(n).padStart(12, '0')}` as const;

const SOURCE = 'https://www.gov.uk/government/news/roadmap';

function start(quote = PROMISE, overrides: Partial<DraftStart> = {}): DraftStart {
  const [s, e] = spanOf(ARTICLE, quote);
  return {
    target: { source: SOURCE, selector: describeQuote(ARTICLE, s, e) },
    pageTitle: 'Roadmap - GOV.UK', pageDate: null, claimant: 'jeremy-quin', entities: ['gds'], mode: 'claim',
    ...overrides,
  };
}

describe('fieldsFromStart', () => {
  it('prefills claimant and entities, dates the claim by the page (or today), and leaves the rest open', () => {
    expect(fieldsFromStart(start(PROMISE, { pageDate: '2022-06-09' }), '2024-05-01')).toEqual({
      claimant: 'jeremy-quin', entities: ['gds'], madeOn: '2022-06-09', claimType: 'promise', status: 'made', deadline: null, note: '', tags: [],
    });
    expect(fieldsFromStart(start(), '2024-05-01').madeOn).toBe('2024-05-01');
  });
});

describe('startDraft', () => {
  it('stores a new draft from the selection', async () => {
    const db = freshDb('drafts');
    const draft = await startDraft(db, start(), 12, '2024-05-01', () => 50, () => uid(1));
    expect(draft).toEqual({
      id: uid(1), tabId: 12, target: start().target, pageTitle: 'Roadmap - GOV.UK', pageDate: null,
      fields: fieldsFromStart(start(), '2024-05-01'), claimId: null, mode: 'claim', modified: 50,
    });
    expect(await db.drafts.get(uid(1))).toEqual(draft);
  });

  it('resumes the unsaved draft for the same quote on the same page, keeping what was typed', async () => {
    const db = freshDb('drafts');
    const first = await startDraft(db, start(), 12, '2024-05-01', () => 50, () => uid(1));
    await updateDraft(db, first.id, { ...first.fields, note: 'half-written note' }, () => 60);
    const again = await startDraft(db, start(PROMISE, { mode: 'entity' }), 13, '2024-05-02', () => 70, () => uid(2));
    expect(again.id).toBe(uid(1));
    expect(again.fields.note).toBe('half-written note');
    expect(again).toMatchObject({ tabId: 13, mode: 'entity', modified: 70 });
    expect(await db.drafts.count()).toBe(1);
    expect(await db.drafts.get(uid(1))).toEqual(again);
  });

  it('starts a separate draft for another quote, another page, or once the first was saved', async () => {
    const db = freshDb('drafts');
    const first = await startDraft(db, start(), 1, '2024-05-01', () => 1, () => uid(1));
    expect((await startDraft(db, start('The roadmap commits departments'), 1, '2024-05-01', () => 2, () => uid(2))).id).toBe(uid(2));
    const other = start();
    other.target = { ...other.target, source: 'https://www.gov.uk/other' };
    expect((await startDraft(db, other, 1, '2024-05-01', () => 3, () => uid(3))).id).toBe(uid(3));
    await saveClaimFromDraft(db, first, first.fields, () => 4, () => '11111111-1111-4111-8111-111111111111');
    expect((await startDraft(db, start(), 1, '2024-05-01', () => 5, () => uid(4))).id).toBe(uid(4));
    expect((await db.drafts.toArray()).map((d) => d.id).sort()).toEqual([uid(2), uid(3), uid(4)]);
  });

  it('does not resume a draft that is editing an existing claim, even on the same quote', async () => {
    const db = freshDb('drafts');
    const draft = await startDraft(db, start(), 1, '2024-05-01', () => 1, () => uid(1));
    const claim = await saveClaimFromDraft(db, draft, draft.fields, () => 2, () => '11111111-1111-4111-8111-111111111111');
    const editing = await draftForClaim(db, claim, () => 3, () => uid(13));
    const fresh = await startDraft(db, start(), 1, '2024-05-01', () => 4, () => uid(2));
    expect(fresh.id).toBe(uid(2));
    expect(fresh.claimId).toBeNull();
    expect((await db.drafts.get(uid(13)))!.claimId).toBe(claim.id);
    expect(editing.id).toBe(uid(13));
  });
});

describe('draftForClaim and updateDraft', () => {
  it('opens a claim for editing with its fields, and reuses that draft if opened again', async () => {
    const db = freshDb('drafts');
    const d = await startDraft(db, start(), 1, '2024-05-01', () => 1, () => uid(1));
    const fields = { ...d.fields, note: 'checked', tags: ['x'], deadline: '2025' };
    const claim = await saveClaimFromDraft(db, d, fields, () => 2, () => '11111111-1111-4111-8111-111111111111');
    const editing = await draftForClaim(db, claim, () => 3, () => uid(11));
    expect(editing).toEqual({ id: uid(11), tabId: null, target: claim.target, pageTitle: claim.pageTitle, pageDate: null, fields, claimId: claim.id, mode: 'claim', modified: 3 });
    expect(await draftForClaim(db, claim, () => 4, () => uid(12))).toEqual(editing);
    await updateDraft(db, uid(11), { ...fields, status: 'delivered' }, () => 9);
    expect(await db.drafts.get(uid(11))).toMatchObject({ fields: { ...fields, status: 'delivered' }, modified: 9 });
  });
});
