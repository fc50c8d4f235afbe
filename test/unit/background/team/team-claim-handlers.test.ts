// The content script's claim calls include followed teams' claims: a page's claims and an
// entity's timeline get them, marked with the team, after the reader's own; a team claim with the
// same id as one of the reader's is left out (the reader's copy wins); and a team claim's
// namespaced id can never be edited, deleted or opened through the reader's claim calls.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../../src/platform/browser', () => ({
  default: {
    runtime: { id: 'sound-familiar-test', getURL: (path: string) => `chrome-extension://sound-familiar-test/${path}` },
    tabs: { create: async () => ({ id: 1 }), query: async () => [], sendMessage: async () => undefined },
  },
}));

import { DictionaryCache } from '../../../../src/background/dictionary-cache';
import { backgroundHandlers } from '../../../../src/background/handlers';
import { storeTeamCopy } from '../../../../src/background/team/team-store';
import type { Runtime } from '../../../../src/platform/browser';
import { backgroundValidators } from '../../../../src/shared/messages';
import { parseTeamFeed } from '../../../../src/shared/team/team-feed';
import { TEAM_PAGE, teamClaim, teamFile } from '../../../fixtures/team/make-team-file';
import { freshDbs } from '../../helpers/fresh-db';

const fresh = freshDbs('team-claim-handlers');
const TAB: Runtime.MessageSender = { id: 'sound-familiar-test', tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, url: TEAM_PAGE, frameId: 0 };
const effects = { refreshTabs: vi.fn(async () => undefined), openTab: vi.fn(async () => 1), today: () => '2026-12-06' };

async function withTeam(claims = [teamClaim()]) {
  const db = fresh();
  const result = parseTeamFeed(teamFile(claims, { title: 'Digital desk' }), Date.UTC(2026, 11, 6));
  if (!result.ok) throw new Error(result.error);
  await db.transaction('rw', db.teamSubscriptions, db.teamClaims, () => storeTeamCopy(db,
    { url: 'https://team.example.org/desk.json', team: 'team-0000abcd', title: 'x', addedAt: 1, signed: false, claims: 0, names: {}, fetchedAt: 1, lastSuccess: 1 },
    result.feed, { signed: false }, 5));
  return { db, handlers: backgroundHandlers(db, new DictionaryCache(db), Promise.resolve(), effects as never) };
}

describe('"Copy to my claims": a draft of the reader\'s own, filled from the team\'s claim', () => {
  const start = (copyOf: string, source = TEAM_PAGE) => ({ target: { ...teamClaim().target, source }, pageTitle: 'x', pageDate: null, claimant: null, entities: [], mode: 'claim' as const, copyOf });

  it('the validator takes only a team claim\'s namespaced id', () => {
    const id = `team-0000abcd:${teamClaim().id}`;
    expect(backgroundValidators['draft/start'](start(id))).toBe(true);
    for (const bad of [teamClaim().id, 'team-0000abcd:gds', `team-XYZ:${teamClaim().id}`, 7]) expect(backgroundValidators['draft/start'](start(bad as string)), String(bad)).toBe(false);
  });

  it('copies the team\'s fields, keeping only the ids the reader knows', async () => {
    const { db, handlers } = await withTeam();
    await db.entities.put({ id: 'gds', kind: 'body', name: 'GDS', aliases: [], summary: '', events: [], sources: [], confidence: '', origin: 'builtin', created: 1, modified: 1, rev: '1-a', revs: ['1-a'] });
    const [shown] = (await handlers['claims/for-page']({ url: TEAM_PAGE }, TAB)).claims;
    const { draftId } = await handlers['draft/start'](start(shown!.id), TAB);
    expect((await db.drafts.get(draftId))?.fields).toMatchObject({ claimant: null, entities: ['gds'], status: 'made', claimType: 'promise', deadline: '2025-04', note: 'Checked against the minutes.', tags: ['desk'] });
  });

  it('copies nothing from a team claim on another page', async () => {
    const { db, handlers } = await withTeam([teamClaim({ page: 'https://www.gov.uk/government/news/other', note: 'elsewhere' })]);
    const [other] = await handlers['teams/claims']({}, { id: 'sound-familiar-test', url: 'chrome-extension://sound-familiar-test/claims.html' });
    const { draftId } = await handlers['draft/start'](start(other!.id), TAB);
    expect((await db.drafts.get(draftId))?.fields.note).toBe('');
  });
});

describe('claims for a page and an entity include the team\'s', () => {
  it('a page gets the team\'s claim, marked with the team', async () => {
    const { handlers } = await withTeam();
    const { claims } = await handlers['claims/for-page']({ url: TEAM_PAGE }, TAB);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.team?.title).toBe('Digital desk');
    expect(claims[0]!.id.startsWith('team-0000abcd:')).toBe(true);
    expect((await handlers['claims/for-entity']({ entityId: 'gds' }, TAB)).map((c) => c.team?.title)).toEqual(['Digital desk']);
  });

  it('the claims list gets every team claim, marked, newest first, without the reader\'s own copies', async () => {
    const older = teamClaim({ quote: 'older', created: Date.UTC(2023, 0, 1) });
    const { handlers } = await withTeam([older, teamClaim({ quote: 'newer', page: 'https://www.gov.uk/government/news/other' })]);
    const listed = await handlers['teams/claims']({}, { id: 'sound-familiar-test', url: 'chrome-extension://sound-familiar-test/claims.html' });
    expect(listed.map((c) => [c.target.selector[0].exact, c.team?.title])).toEqual([['newer', 'Digital desk'], ['older', 'Digital desk']]);
  });

  it('another page gets none of them', async () => {
    const { handlers } = await withTeam();
    expect((await handlers['claims/for-page']({ url: 'https://www.gov.uk/government/news/other' }, { ...TAB, url: 'https://www.gov.uk/government/news/other' })).claims).toEqual([]);
  });

  it('a team claim\'s id is refused by every call that edits, deletes or opens the reader\'s claims', async () => {
    const { handlers } = await withTeam();
    const [shown] = (await handlers['claims/for-page']({ url: TEAM_PAGE }, TAB)).claims;
    for (const call of ['claim/edit', 'claim/edit-on-page', 'claim/delete', 'claim/open'] as const) {
      expect(backgroundValidators[call]({ id: shown!.id }), call).toBe(false);
    }
    // Even the id the team's file gave it finds nothing of the reader's to change.
    await expect(handlers['claim/edit']({ id: teamClaim().id }, TAB)).rejects.toThrow('no such claim');
  });
});
