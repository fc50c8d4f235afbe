// Security review of team sharing: "Copy to my claims" must not change the reader's own data
// beyond starting a new draft. The copy is saved under a new id of the reader's (never the team
// file's id, which may be one of the reader's own claims); a team claim on another page or with a
// forged namespace copies nothing; and a draft the reader had already started on the same quote
// keeps what the reader typed (the team's fields never overwrite the reader's unsaved work).
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => ({
  default: {
    runtime: { id: 'sound-familiar-test', getURL: (path: string) => `chrome-extension://sound-familiar-test/${path}` },
    tabs: { create: async () => ({ id: 1 }), query: async () => [], sendMessage: async () => undefined },
  },
}));

import { DictionaryCache } from '../../../src/background/dictionary-cache';
import { backgroundHandlers } from '../../../src/background/handlers';
import { storeTeamCopy } from '../../../src/background/team/team-store';
import type { Runtime } from '../../../src/platform/browser';
import type { ClaimFields } from '../../../src/shared/claims/claim';
import { parseTeamFeed } from '../../../src/shared/team/team-feed';
import { TEAM_PAGE, teamClaim, teamFile } from '../../fixtures/team/make-team-file';
import { freshDbs } from '../helpers/fresh-db';

const fresh = freshDbs('team-review-copy');
const TAB: Runtime.MessageSender = { id: 'sound-familiar-test', tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, url: TEAM_PAGE, frameId: 0 };
const EDITOR: Runtime.MessageSender = { id: 'sound-familiar-test', url: 'chrome-extension://sound-familiar-test/editor.html' };
const effects = { refreshTabs: vi.fn(async () => undefined), openTab: vi.fn(async () => 1), today: () => '2026-12-06' };
const SHARED_ID = '5eaa0000-0000-4000-8000-0000000c0222';
const OTHER_PAGE = 'https://www.gov.uk/government/news/other';

async function withTeam(claims = [teamClaim({ id: SHARED_ID, note: 'the team\'s note', tags: ['team-tag'] })]) {
  const db = fresh();
  const result = parseTeamFeed(teamFile(claims, { title: 'Desk' }), Date.UTC(2026, 11, 6));
  if (!result.ok) throw new Error(result.error);
  await db.transaction('rw', db.teamSubscriptions, db.teamClaims, () => storeTeamCopy(db,
    { url: 'https://team.example.org/desk.json', team: 'team-0000abcd', title: 'x', addedAt: 1, signed: false, claims: 0, names: {}, fetchedAt: 1, lastSuccess: 1 },
    result.feed, { signed: false }, 5));
  return { db, handlers: backgroundHandlers(db, new DictionaryCache(db), Promise.resolve(), effects as never) };
}

const start = (copyOf?: string) => ({ target: teamClaim().target, pageTitle: 'x', pageDate: null, claimant: null, entities: [], mode: 'claim' as const, ...(copyOf ? { copyOf } : {}) });
const fields = (note: string): ClaimFields => ({ claimant: null, entities: [], madeOn: '2026-12-01', claimType: 'assertion', status: 'made', deadline: null, note, tags: ['mine'] });

describe('"Copy to my claims" and the reader\'s own data', () => {
  it('saves the copy under a new id; the reader\'s own claim with the team file\'s id is untouched', async () => {
    const { db, handlers } = await withTeam();
    // The reader's own claim with the very id the team's file uses, on another page.
    const mine = teamClaim({ id: SHARED_ID, page: OTHER_PAGE, note: 'my own note' });
    await db.claims.put(mine);
    const [shown] = (await handlers['claims/for-page']({ url: TEAM_PAGE }, TAB)).claims.filter((c) => 'team' in c);
    const { draftId } = await handlers['draft/start'](start(shown!.id), TAB);
    const draft = await db.drafts.get(draftId);
    const saved = await handlers['draft/save']({ id: draftId, fields: draft!.fields }, EDITOR);
    expect(saved.id).not.toBe(SHARED_ID);
    expect(saved.note).toBe('the team\'s note');
    expect(await db.claims.get(SHARED_ID)).toEqual(mine);
    expect(await db.claims.count()).toBe(2);
  });

  it('copies nothing for a namespace the reader does not follow', async () => {
    const { db, handlers } = await withTeam();
    const { draftId } = await handlers['draft/start'](start(`team-ffffffff:${SHARED_ID}`), TAB);
    expect((await db.drafts.get(draftId))?.fields.note).toBe('');
  });

  it('keeps what the reader typed in a draft already started on the same quote', async () => {
    const { db, handlers } = await withTeam();
    const { draftId } = await handlers['draft/start'](start(), TAB);
    await handlers['draft/update']({ id: draftId, fields: fields('my unsaved words') }, EDITOR);
    const [shown] = (await handlers['claims/for-page']({ url: TEAM_PAGE }, TAB)).claims.filter((c) => 'team' in c);
    const again = await handlers['draft/start'](start(shown!.id), TAB);
    expect(again.draftId).toBe(draftId);
    expect((await db.drafts.get(draftId))?.fields).toMatchObject({ note: 'my unsaved words', tags: ['mine'] });
  });
});
