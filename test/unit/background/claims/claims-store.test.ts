// Claims in the database (fake-indexeddb): saving a draft as a W3C-shaped claim, editing with
// revision ancestry, deleting to a content-free tombstone, and the queries that skip tombstones.
import { afterEach, describe, expect, it } from 'vitest';
import { allClaims, claimsForEntity, claimsForPage, deleteClaim, saveClaimFromDraft } from '../../../../src/background/claims-store';
import { draftForClaim, startDraft } from '../../../../src/background/drafts-store';
import { describeQuote } from '../../../../src/shared/anchoring/describe-quote';
import type { Claim, ClaimFields } from '../../../../src/shared/claims/claim';
import type { DraftStart } from '../../../../src/shared/messages';
import { buildEnvelope } from '../../../../src/shared/sync/export-format';
import { readImport } from '../../../../src/shared/sync/read-import';
import { isAncestor } from '../../../../src/shared/sync/revision';
import { dropDbs, freshDb } from '../../../fixtures/sync/db';
import { ARTICLE, PROMISE, spanOf } from '../../shared/anchoring/article';

afterEach(dropDbs);

/** Draft ids are UUIDs in production; numbered ones keep expectations readable. */
const uid = (n: number) => `dddddddd-0000-4000-8000-${String(n).padStart(12, '0')}` as const;

const SOURCE = 'https://www.gov.uk/government/news/roadmap-for-digital-and-data';
const ID = '7d1f7a3e-2b1c-4a55-9d0e-2f6f4f1e9a01';
const REV = /^(\d+)-[0-9a-f]{16}$/;

function start(quote = PROMISE, source = SOURCE): DraftStart {
  const [s, e] = spanOf(ARTICLE, quote);
  return {
    target: { source, selector: describeQuote(ARTICLE, s, e) },
    pageTitle: 'Government sets out plan to fix digital public services - GOV.UK',
    pageDate: '2022-06-09',
    claimant: 'jeremy-quin',
    entities: ['gov-uk-one-login'],
    mode: 'claim',
  };
}

const FIELDS: ClaimFields = {
  claimant: 'jeremy-quin', entities: ['gov-uk-one-login', 'gds'], madeOn: '2022-06-09', claimType: 'promise', status: 'made',
  deadline: '2023-12-31', note: 'Said at the launch; repeated in 2023.', tags: ['identity', 'sso'],
};

async function recorded(db = freshDb('claims-store'), fields = FIELDS, at = 1_000) {
  const draft = await startDraft(db, start(), 7, '2024-05-01', () => at - 10, () => uid(1));
  const claim = await saveClaimFromDraft(db, draft, fields, () => at, () => ID);
  return { db, draft, claim };
}

describe('saveClaimFromDraft', () => {
  it('creates a W3C Web Annotation shaped claim from the draft and fields, and removes the draft', async () => {
    const { db, draft, claim } = await recorded();
    expect(claim).toEqual({
      ...FIELDS,
      id: ID,
      type: 'Annotation',
      motivation: 'assessing',
      target: draft.target,
      body: [
        { type: 'TextualBody', value: FIELDS.note, purpose: 'commenting', format: 'text/plain' },
        { type: 'TextualBody', value: 'identity', purpose: 'tagging', format: 'text/plain' },
        { type: 'TextualBody', value: 'sso', purpose: 'tagging', format: 'text/plain' },
      ],
      pageTitle: draft.pageTitle,
      created: 1_000,
      modified: 1_000,
      rev: claim.rev,
      revs: [claim.rev],
    });
    expect(claim.rev).toMatch(REV);
    expect(claim.rev.startsWith('1-')).toBe(true);
    const [quote, position] = claim.target.selector;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: PROMISE });
    expect(quote.prefix.length).toBeGreaterThan(0);
    expect(position).toEqual({ type: 'TextPositionSelector', start: ARTICLE.indexOf(PROMISE), end: ARTICLE.indexOf(PROMISE) + PROMISE.length });
    expect(await db.claims.get(ID)).toEqual(claim);
    expect(await db.drafts.count()).toBe(0);
  });

  it('gives two claims with the same content different ids but the same content revision hash', async () => {
    const db = freshDb('claims-store');
    const a = await saveClaimFromDraft(db, await startDraft(db, start(), 1, '2024-05-01'), FIELDS, () => 5);
    const b = await saveClaimFromDraft(db, await startDraft(db, start(), 1, '2024-05-01'), FIELDS, () => 5);
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.rev).not.toBe(b.rev); // the id is part of the content
  });

  it('edits bump the revision with ancestry, keep identity and target, and strictly increase modified', async () => {
    const { db, claim } = await recorded();
    const editDraft = await draftForClaim(db, claim, () => 1_500, () => uid(2));
    expect(editDraft.claimId).toBe(ID);
    // The clock went backwards (another timezone, a bad clock): modified must still increase.
    const edited = await saveClaimFromDraft(db, { ...editDraft, target: { ...editDraft.target, source: 'https://evil.example/' } }, { ...FIELDS, status: 'delivered', note: 'Delivered as GOV.UK One Login.' }, () => 900);
    expect(edited.id).toBe(ID);
    expect(edited.created).toBe(claim.created);
    expect(edited.modified).toBe(1_001);
    expect(edited.target).toEqual(claim.target);
    expect(edited.status).toBe('delivered');
    expect(edited.body[0]!.value).toBe('Delivered as GOV.UK One Login.');
    expect(edited.rev.startsWith('2-')).toBe(true);
    expect(edited.revs).toEqual([edited.rev, claim.rev]);
    expect(isAncestor(claim, edited)).toBe(true);

    const again = await saveClaimFromDraft(db, await draftForClaim(db, edited), { ...FIELDS, status: 'dropped' }, () => 5_000);
    expect(again.modified).toBe(5_000);
    expect(again.revs).toEqual([again.rev, edited.rev, claim.rev]);
    expect(again.rev.startsWith('3-')).toBe(true);
    expect(await db.claims.count()).toBe(1);
    expect(await db.drafts.count()).toBe(0);
  });
});

describe('deleteClaim', () => {
  it('leaves a tombstone with identity and history but none of the quote, note, tags or page', async () => {
    const { db, claim } = await recorded();
    await deleteClaim(db, ID, () => 500);
    const tombstone = (await db.claims.get(ID))!;
    expect(tombstone.deleted).toBe(1_001);
    expect(tombstone.modified).toBe(1_001);
    expect(tombstone.created).toBe(claim.created);
    expect(tombstone.rev.startsWith('2-')).toBe(true);
    expect(tombstone.revs).toEqual([tombstone.rev, claim.rev]);
    expect(tombstone).toMatchObject({ note: '', tags: [], body: [], pageTitle: '', claimant: null, entities: [] });
    expect(tombstone.target.source).toBe('');
    expect(tombstone.target.selector[0]).toMatchObject({ exact: '', prefix: '', suffix: '' });
    const stored = JSON.stringify(tombstone);
    for (const secret of [PROMISE.slice(0, 20), 'Said at the launch', 'identity', 'roadmap-for-digital', 'jeremy-quin', 'GOV.UK']) {
      expect(stored).not.toContain(secret);
    }
  });

  it('is a no-op for an unknown id or a claim already deleted', async () => {
    const { db } = await recorded();
    await deleteClaim(db, ID, () => 2_000);
    const first = await db.claims.get(ID);
    await deleteClaim(db, ID, () => 3_000);
    expect(await db.claims.get(ID)).toEqual(first);
    await deleteClaim(db, '00000000-0000-4000-8000-000000000000', () => 3_000);
    expect(await db.claims.count()).toBe(1);
  });

  // Regression test: this failed before the fix in the same commit.
  it('never turns a claim deleted during an edit into a live claim without page or quote', async () => {
    const { db, claim } = await recorded();
    const editing = await draftForClaim(db, claim, () => 1_100, () => uid(3));
    await deleteClaim(db, ID, () => 1_200);
    await saveClaimFromDraft(db, editing, { ...FIELDS, note: 'saved after the delete' }, () => 1_300).catch(() => null);
    const stored = (await db.claims.get(ID))!;
    if (stored.deleted === undefined) {
      expect(stored.target).toEqual(claim.target);
      expect(stored.pageTitle).toBe(claim.pageTitle);
    }
    // Whatever happened, the next export must still import.
    const exported = JSON.stringify(buildEnvelope(await db.claims.toArray(), [], 'd', 2_000));
    expect(() => readImport(exported)).not.toThrow();
  });
});

describe('claim queries', () => {
  async function three() {
    const db = freshDb('claims-store');
    const save = async (quote: string, source: string, fields: Partial<ClaimFields>, id: ReturnType<typeof crypto.randomUUID>, at: number): Promise<Claim> =>
      saveClaimFromDraft(db, await startDraft(db, start(quote, source), 1, '2024-05-01'), { ...FIELDS, ...fields }, () => at, () => id);
    const a = await save(PROMISE, SOURCE, { claimant: 'jeremy-quin', entities: ['gds'] }, 'a0000000-0000-4000-8000-000000000001', 10);
    const b = await save('The roadmap commits departments', SOURCE, { claimant: null, entities: ['jeremy-quin', 'gds'] }, 'b0000000-0000-4000-8000-000000000002', 30);
    const c = await save('GOV.UK Verify, launched in 2016', 'https://www.bbc.co.uk/news/technology-1', { claimant: 'gds', entities: [] }, 'c0000000-0000-4000-8000-000000000003', 20);
    return { db, a, b, c };
  }
  const ids = (claims: Claim[]) => claims.map((c) => c.id).sort();

  it('finds live claims by page, by entity (concerning or claimant, once each) and lists them newest first', async () => {
    const { db, a, b, c } = await three();
    expect(ids(await claimsForPage(db, SOURCE))).toEqual(ids([a, b]));
    expect(ids(await claimsForPage(db, 'https://www.bbc.co.uk/news/technology-1'))).toEqual([c.id]);
    expect(await claimsForPage(db, 'https://www.gov.uk/')).toEqual([]);
    expect(ids(await claimsForEntity(db, 'jeremy-quin'))).toEqual(ids([a, b]));
    expect(ids(await claimsForEntity(db, 'gds'))).toEqual(ids([a, b, c]));
    expect(await claimsForEntity(db, 'gds')).toHaveLength(3);
    expect((await allClaims(db)).map((x) => x.id)).toEqual([b.id, c.id, a.id]);
  });

  it('leaves tombstones out of every query', async () => {
    const { db, a, b, c } = await three();
    await deleteClaim(db, a.id, () => 100);
    await deleteClaim(db, c.id, () => 100);
    expect(ids(await claimsForPage(db, SOURCE))).toEqual([b.id]);
    expect(await claimsForPage(db, '')).toEqual([]);
    expect(ids(await claimsForEntity(db, 'gds'))).toEqual([b.id]);
    expect((await allClaims(db)).map((x) => x.id)).toEqual([b.id]);
    expect(await db.claims.count()).toBe(3);
  });
});
