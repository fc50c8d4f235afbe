// Security review of team sharing: a content script (a compromised page context) asks the
// background for team claims. It never gets those recorded on another site's pages, and cannot
// start a copy of one; and a page whose sender URL is not a web page gets nothing.
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
import { parseTeamFeed } from '../../../src/shared/team/team-feed';
import { TEAM_PAGE, teamClaim, teamFile } from '../../fixtures/team/make-team-file';
import { freshDbs } from '../helpers/fresh-db';

const fresh = freshDbs('team-review-page-scope');
const TAB = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };
const from = (url: string | undefined): Runtime.MessageSender => ({ id: 'sound-familiar-test', tab: TAB, frameId: 0, ...(url ? { url } : {}) });
const effects = { refreshTabs: vi.fn(async () => undefined), openTab: vi.fn(async () => 1), today: () => '2026-12-06' };
const NS = 'team-0000abcd';

async function withTeam() {
  const db = fresh();
  const result = parseTeamFeed(teamFile([teamClaim({ note: 'secret team note' })]), Date.UTC(2026, 11, 6));
  if (!result.ok) throw new Error(result.error);
  await db.transaction('rw', db.teamSubscriptions, db.teamClaims, () => storeTeamCopy(db,
    { url: 'https://team.example.org/desk.json', team: NS, title: 'x', addedAt: 1, signed: false, claims: 0, names: {}, fetchedAt: 1, lastSuccess: 1 },
    result.feed, { signed: false }, 5));
  return { db, handlers: backgroundHandlers(db, new DictionaryCache(db), Promise.resolve(), effects as never) };
}

describe('a content script asking for team claims of a page that is not its own', () => {
  it('from another site: refused', async () => {
    const { handlers } = await withTeam();
    for (const sender of [from('https://evil.example.net/'), from('https://www.gov.uk.evil.example.net/x'), from(undefined), from('about:blank')]) {
      await expect(handlers['claims/for-page']({ url: TEAM_PAGE }, sender), String(sender.url)).rejects.toThrow('a page can only ask about itself');
    }
  });

  it('from another site: cannot start a copy of the team\'s claim', async () => {
    const { db, handlers } = await withTeam();
    const start = { target: teamClaim().target, pageTitle: 'x', pageDate: null, claimant: null, entities: [], mode: 'claim' as const, copyOf: `${NS}:${teamClaim().id}` };
    await expect(handlers['draft/start'](start, from('https://evil.example.net/'))).rejects.toThrow('a page can only ask about itself');
    expect(await db.drafts.count()).toBe(0);
  });

  it('its own page gets the team\'s claim', async () => {
    const { handlers } = await withTeam();
    const { claims } = await handlers['claims/for-page']({ url: TEAM_PAGE }, from(TEAM_PAGE));
    expect(claims.map((c) => c.note)).toEqual(['secret team note']);
  });
});
