// Security review of team sharing: a followed team's claims never become the reader's own data.
// They are not in the reader's claims list, nor in the reader's export (which the reader may share
// or merge into a team's file in turn, where the claims would come back as their own), nor in the
// CSV export, and unsubscribing leaves the reader's own claims exactly as they were.
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
import { removeTeam, storeTeamCopy } from '../../../src/background/team/team-store';
import type { Runtime } from '../../../src/platform/browser';
import { parseTeamFeed } from '../../../src/shared/team/team-feed';
import { teamClaim, teamFile } from '../../fixtures/team/make-team-file';
import { freshDbs } from '../helpers/fresh-db';

const fresh = freshDbs('team-review-own-data');
const OPTIONS: Runtime.MessageSender = { id: 'sound-familiar-test', url: 'chrome-extension://sound-familiar-test/options.html' };
const effects = { refreshTabs: vi.fn(async () => undefined), openTab: vi.fn(async () => 1), today: () => '2026-12-06' };
const URL_ = 'https://team.example.org/desk.json';
const TEAM_QUOTE = 'The team recorded this sentence on its own page';
const MY_QUOTE = 'The reader recorded this sentence themselves';

async function setUp() {
  const db = fresh();
  const mine = teamClaim({ quote: MY_QUOTE, note: 'mine' });
  await db.claims.put(mine);
  const result = parseTeamFeed(teamFile([teamClaim({ quote: TEAM_QUOTE, note: 'the team\'s' })]), Date.UTC(2026, 11, 6));
  if (!result.ok) throw new Error(result.error);
  await db.transaction('rw', db.teamSubscriptions, db.teamClaims, () => storeTeamCopy(db,
    { url: URL_, team: 'team-0000abcd', title: 'x', addedAt: 1, signed: false, claims: 0, names: {}, fetchedAt: 1, lastSuccess: 1 },
    result.feed, { signed: false }, 5));
  return { db, mine, handlers: backgroundHandlers(db, new DictionaryCache(db), Promise.resolve(), effects as never) };
}

describe('a followed team\'s claims stay the team\'s', () => {
  it('the reader\'s claims list has only the reader\'s own', async () => {
    const { handlers } = await setUp();
    const listed = await handlers['claims/list']({}, OPTIONS);
    expect(listed.map((c) => c.target.selector[0].exact)).toEqual([MY_QUOTE]);
  });

  it('the reader\'s export and CSV export leave them out', async () => {
    const { handlers } = await setUp();
    const json = await handlers['sync/export']({}, OPTIONS);
    expect(json.claims).toBe(1);
    expect(json.json).toContain(MY_QUOTE);
    expect(json.json).not.toContain(TEAM_QUOTE);
    expect(json.json).not.toContain('team-0000abcd');
    const csv = await handlers['sync/export-csv']({}, OPTIONS);
    expect(csv.csv).toContain(MY_QUOTE);
    expect(csv.csv).not.toContain(TEAM_QUOTE);
  });

  it('unsubscribing leaves the reader\'s own claims exactly as they were', async () => {
    const { db, mine } = await setUp();
    await removeTeam(db, URL_);
    expect(await db.claims.toArray()).toEqual([mine]);
  });
});
