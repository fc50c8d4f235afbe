// The claim and entity message handlers over a fake-indexeddb database, with the browser side
// effects (tabs) replaced by a recorder.
import { afterEach, describe, expect, it } from 'vitest';
import { unpackEntities } from '../../../../src/shared/packed-entities';
import { claimHandlers, type RevealQueue } from '../../../../src/background/claim-handlers';
import { DictionaryCache } from '../../../../src/background/dictionary-cache';
import type { BackgroundEffects } from '../../../../src/background/effects';
import { entityHandlers } from '../../../../src/background/entity-handlers';
import type { Runtime } from '../../../../src/platform/browser';
import { describeQuote } from '../../../../src/shared/anchoring/describe-quote';
import type { ClaimFields } from '../../../../src/shared/claims/claim';
import type { DraftStart } from '../../../../src/shared/messages';
import { dropDbs, freshDb } from '../../../fixtures/sync/db';
import { ARTICLE, PROMISE, spanOf } from '../../shared/anchoring/article';

afterEach(dropDbs);

const TAB: Runtime.MessageSender = { id: 'sf', tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, url: 'https://www.gov.uk/news', frameId: 0 };
const OTHER_TAB: Runtime.MessageSender = { ...TAB, tab: { ...TAB.tab!, id: 8 } };
const PAGE: Runtime.MessageSender = { id: 'sf', url: 'chrome-extension://sf/claims.html' };
const SOURCE = 'https://www.gov.uk/government/news/roadmap';

function recorder() {
  const calls: string[] = [];
  let nextTab = 40;
  const effects: BackgroundEffects = {
    async openTab(url) {
      calls.push(`open ${url}`);
      return nextTab++;
    },
    async refreshTabs(dictionary, tabId) {
      calls.push(`refresh ${dictionary}${tabId === undefined ? '' : ` ${tabId}`}`);
    },
    today: () => '2024-05-01',
  };
  return { calls, effects };
}

function start(source = `${SOURCE}?utm_source=newsletter#comments`): DraftStart {
  const [s, e] = spanOf(ARTICLE, PROMISE);
  return { target: { source, selector: describeQuote(ARTICLE, s, e) }, pageTitle: 'Roadmap', pageDate: null, claimant: null, entities: [], mode: 'claim' };
}

const FIELDS: ClaimFields = { claimant: null, entities: ['gds'], madeOn: '2022-06-09', claimType: 'promise', status: 'made', deadline: null, note: 'n', tags: [] };

function setup() {
  const db = freshDb('claim-handlers');
  const reveals: RevealQueue = new Map();
  const { calls, effects } = recorder();
  return { db, reveals, calls, handlers: claimHandlers(db, reveals, effects) };
}

async function saved(h: ReturnType<typeof setup>) {
  const { draftId } = await h.handlers['draft/start'](start(), TAB);
  return h.handlers['draft/save']({ id: draftId, fields: FIELDS }, PAGE);
}

describe('draft/start', () => {
  it('refuses pages that are not http(s)', async () => {
    const { handlers, db } = setup();
    for (const source of ['file:///home/me/notes.html', 'about:blank', 'chrome-extension://sf/welcome.html', 'data:text/html,hi']) {
      await expect(handlers['draft/start'](start(source), TAB)).rejects.toThrow('claims can only be recorded on http(s) pages');
    }
    expect(await db.drafts.count()).toBe(0);
  });

  it('files the draft under the page key (no fragment, no tracking) and the sender tab', async () => {
    const { handlers, db } = setup();
    const { draftId } = await handlers['draft/start'](start(), TAB);
    const draft = (await db.drafts.get(draftId))!;
    expect(draft.target.source).toBe(SOURCE);
    expect(draft.tabId).toBe(7);
    expect(draft.fields.madeOn).toBe('2024-05-01');
    expect(await handlers['draft/get']({ id: draftId }, PAGE)).toEqual({ draft, mode: 'claim' });
  });
});

describe('drafts and claims', () => {
  it('draft/update validates the fields before storing them', async () => {
    const h = setup();
    const { draftId } = await h.handlers['draft/start'](start(), TAB);
    await expect(h.handlers['draft/update']({ id: draftId, fields: { ...FIELDS, madeOn: 'last week' } }, PAGE)).rejects.toThrow('fields.madeOn');
    await h.handlers['draft/update']({ id: draftId, fields: { ...FIELDS, note: 'typed', tags: [' a ', 'a'] } }, PAGE);
    expect((await h.db.drafts.get(draftId))!.fields).toMatchObject({ note: 'typed', tags: ['a'] });
  });

  it('draft/save writes the claim, refreshes tabs, and refuses to save the same draft twice', async () => {
    const h = setup();
    const { draftId } = await h.handlers['draft/start'](start(), TAB);
    const claim = await h.handlers['draft/save']({ id: draftId, fields: FIELDS }, PAGE);
    expect(claim.target.source).toBe(SOURCE);
    expect(h.calls).toEqual(['refresh false']);
    await expect(h.handlers['draft/save']({ id: draftId, fields: FIELDS }, PAGE)).rejects.toThrow('this draft was already saved or discarded');
    expect(await h.handlers['claims/list']({}, PAGE)).toEqual([claim]);
    expect(await h.handlers['draft/get']({ id: draftId }, PAGE)).toBeNull();
  });

  it('claim/delete leaves it out of every list; editing or opening it then fails', async () => {
    const h = setup();
    const claim = await saved(h);
    await h.handlers['claim/delete']({ id: claim.id }, PAGE);
    expect(await h.handlers['claims/list']({}, PAGE)).toEqual([]);
    expect((await h.handlers['claims/for-page']({ url: SOURCE }, TAB)).claims).toEqual([]);
    expect(await h.handlers['claims/for-entity']({ entityId: 'gds' }, TAB)).toEqual([]);
    await expect(h.handlers['claim/edit']({ id: claim.id }, PAGE)).rejects.toThrow('no such claim');
    await expect(h.handlers['claim/open']({ id: claim.id }, PAGE)).rejects.toThrow('no such claim');
  });

  it('claim/edit opens one draft per claim; draft/discard drops it', async () => {
    const h = setup();
    const claim = await saved(h);
    const { draftId } = await h.handlers['claim/edit']({ id: claim.id }, PAGE);
    expect((await h.handlers['claim/edit']({ id: claim.id }, PAGE)).draftId).toBe(draftId);
    expect((await h.handlers['drafts/list']({}, PAGE)).map((d) => d.id)).toEqual([draftId]);
    await h.handlers['draft/discard']({ id: draftId }, PAGE);
    expect(await h.handlers['drafts/list']({}, PAGE)).toEqual([]);
  });
});

describe('claims/for-page and the reveal queue', () => {
  it('returns the page’s claims for any form of its address, and the queued reveal exactly once', async () => {
    const h = setup();
    const claim = await saved(h);
    await h.handlers['claim/open']({ id: claim.id }, PAGE);
    expect(h.calls).toContain(`open ${SOURCE}`);
    expect(h.reveals.get(40)).toBe(claim.id);
    const opened: Runtime.MessageSender = { ...TAB, tab: { ...TAB.tab!, id: 40 } };

    const first = await h.handlers['claims/for-page']({ url: `${SOURCE}?utm_medium=email#x` }, opened);
    expect(first.claims.map((c) => c.id)).toEqual([claim.id]);
    expect(first.reveal).toBe(claim.id);
    const second = await h.handlers['claims/for-page']({ url: SOURCE }, opened);
    expect(second.claims).toHaveLength(1);
    expect(second.reveal).toBeNull();
    expect(h.reveals.size).toBe(0);
  });

  it('keeps the reveal queued while the tab is on a page without that claim (a redirect on the way)', async () => {
    const h = setup();
    const claim = await saved(h);
    h.reveals.set(7, claim.id);
    const elsewhere = await h.handlers['claims/for-page']({ url: 'https://www.gov.uk/login-redirect' }, TAB);
    expect(elsewhere.claims).toEqual([]);
    expect(h.reveals.get(7)).toBe(claim.id);
    expect((await h.handlers['claims/for-page']({ url: SOURCE }, OTHER_TAB)).reveal).toBeNull();
    expect((await h.handlers['claims/for-page']({ url: SOURCE }, TAB)).reveal).toBe(claim.id);
    expect(h.reveals.has(7)).toBe(false);
  });

  it('answers a non-http page with no claims', async () => {
    const h = setup();
    await saved(h);
    expect(await h.handlers['claims/for-page']({ url: 'file:///x.html' }, TAB)).toEqual({ claims: [], reveal: null });
  });
  it('lets a content script ask only about pages of its own origin, and start drafts only there', async () => {
    const h = setup();
    await saved(h);
    const elsewhere = { ...TAB, url: 'https://evil.example/page' };
    await expect(h.handlers['claims/for-page']({ url: SOURCE }, elsewhere)).rejects.toThrow('a page can only ask about itself');
    await expect(h.handlers['draft/start'](start(SOURCE), elsewhere)).rejects.toThrow('a page can only ask about itself');
  });
});

describe('entity handlers', () => {
  it('create and add-alias write, invalidate the dictionary and refresh tabs with it; list waits for seeding', async () => {
    const db = freshDb('entity-handlers');
    const { calls, effects } = recorder();
    const dictionary = new DictionaryCache(db);
    let invalidated = 0;
    const invalidate = dictionary.invalidate.bind(dictionary);
    dictionary.invalidate = () => {
      invalidated++;
      invalidate();
    };
    let release!: () => void;
    const ready = new Promise<void>((resolve) => (release = resolve));
    const handlers = entityHandlers(db, dictionary, ready, effects);
    let listed = false;
    const listing = Promise.resolve(handlers['entities/list']({}, PAGE)).then((l) => ((listed = true), l));
    await new Promise((r) => setTimeout(r, 10));
    expect(listed).toBe(false);
    release();
    expect(await listing).toEqual([]);

    const created = await handlers['entity/create']({ kind: 'body', name: 'Central Digital and Data Office', summary: 'CDDO' }, PAGE);
    expect(created).toEqual({ id: 'central-digital-and-data-office', kind: 'body', name: 'Central Digital and Data Office', aliases: ['Central Digital and Data Office'] });
    const aliased = await handlers['entity/add-alias']({ entityId: created.id, alias: 'CDDO' }, PAGE);
    expect(aliased.aliases).toEqual(['Central Digital and Data Office', 'CDDO']);
    expect(invalidated).toBe(2);
    expect(calls).toEqual(['refresh true', 'refresh true']);
    const dict = await dictionary.get();
    expect(unpackEntities(dict.entities).map((e) => e.id)).toContain('central-digital-and-data-office');
    expect(await handlers['entities/list']({}, PAGE)).toEqual([aliased]);
  });
});
