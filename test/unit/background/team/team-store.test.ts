// A followed team's claims in the database: stored apart from the reader's own with ids prefixed
// by the subscription, so a file that reuses the reader's claim ids neither overwrites nor hides
// them; a new copy replaces the old whole; a refused copy leaves the last good one; pages and
// cards get the team's claims marked as the team's, and names only the team's file knows.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TeamSubscription } from '../../../../src/background/db';
import { saveClaimFromDraft } from '../../../../src/background/claims-store';
import { startDraft } from '../../../../src/background/drafts-store';
import { recordTeamError, removeTeam, storeTeamCopy, teamClaimsForEntity, teamClaimsForPage, TeamError } from '../../../../src/background/team/team-store';
import { parseTeamFeed, type TeamFeed } from '../../../../src/shared/team/team-feed';
import { TEAM_PAGE, teamClaim, teamFile } from '../../../fixtures/team/make-team-file';
import { freshDbs } from '../../helpers/fresh-db';

const fresh = freshDbs('team-store');
const URL_ = 'https://team.example.org/desk.json';
const SUB: TeamSubscription = { url: URL_, team: 'team-0000abcd', title: 'team.example.org', addedAt: 1, signed: false, claims: 0, names: {}, fetchedAt: 1, lastSuccess: 1 };

function feed(text: string): TeamFeed {
  const result = parseTeamFeed(text, Date.UTC(2026, 11, 6));
  if (!result.ok) throw new Error(result.error);
  return result.feed;
}

async function install(db: ReturnType<typeof fresh>, f: TeamFeed, source = { signed: false }, now = 5) {
  return db.transaction('rw', db.teamSubscriptions, db.teamClaims, async () => storeTeamCopy(db, (await db.teamSubscriptions.get(URL_)) ?? SUB, f, source, now));
}

describe('team store', () => {
  it('stores the claims under the subscription\'s namespace, titled from the file or the host', async () => {
    const db = fresh();
    const stored = await install(db, feed(teamFile()));
    expect(stored).toMatchObject({ title: 'team.example.org', claims: 1, lastSuccess: 5 });
    const shown = await teamClaimsForPage(db, TEAM_PAGE, []);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.id).toMatch(/^team-0000abcd:5eaa/);
    expect(shown[0]!.team).toEqual({ team: 'team-0000abcd', title: 'team.example.org', names: { 'team-person': 'Pat Teamlead' } });
    expect(await db.claims.count()).toBe(0);
    expect((await install(db, feed(teamFile([teamClaim()], { title: 'Digital desk' })))).title).toBe('Digital desk');
  });

  it('a file reusing the reader\'s claim id never touches the reader\'s claim; on the page the reader\'s own copy is shown', async () => {
    const db = fresh();
    const draft = await startDraft(db, { target: teamClaim().target, pageTitle: 'x', pageDate: null, claimant: null, entities: [], mode: 'claim' }, null, '2026-12-06');
    const mine = await saveClaimFromDraft(db, draft, { claimant: null, entities: ['gds'], madeOn: '2026', claimType: 'promise', status: 'made', deadline: null, note: 'mine', tags: [] });
    const hostile = teamClaim({ id: mine.id, note: 'the team says otherwise' });
    await install(db, feed(teamFile([hostile, teamClaim({ quote: 'another sentence' })])));
    expect((await db.claims.get(mine.id))?.note).toBe('mine');
    const shown = await teamClaimsForPage(db, TEAM_PAGE, [mine.id]);
    expect(shown.map((c) => c.target.selector[0].exact)).toEqual(['another sentence']);
    expect((await teamClaimsForEntity(db, 'gds', [mine.id])).map((c) => c.note)).toEqual(['Checked against the minutes.']);
  });

  it('a new copy replaces the old whole: claims gone from the file are gone', async () => {
    const db = fresh();
    const [a, b] = [teamClaim({ quote: 'first' }), teamClaim({ quote: 'second' })];
    await install(db, feed(teamFile([a, b])));
    await install(db, feed(teamFile([b, teamClaim({ quote: 'third' })])), { signed: false }, 9);
    expect((await teamClaimsForPage(db, TEAM_PAGE, [])).map((c) => c.target.selector[0].exact).sort()).toEqual(['second', 'third']);
    expect((await db.teamSubscriptions.get(URL_))?.claims).toBe(2);
  });

  it('pins the first signed copy\'s key: an unsigned or otherwise signed copy is refused, the last good copy kept', async () => {
    const db = fresh();
    await install(db, feed(teamFile([teamClaim({ quote: 'signed copy' })])), { signed: true, publicKey: 'KEY-A-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=' } as never);
    await expect(install(db, feed(teamFile([teamClaim({ quote: 'forged' })])), { signed: false })).rejects.toThrow(TeamError);
    await expect(install(db, feed(teamFile([teamClaim({ quote: 'forged' })])), { signed: true, publicKey: 'KEY-B' } as never)).rejects.toThrow(/different key/);
    expect((await teamClaimsForPage(db, TEAM_PAGE, [])).map((c) => c.target.selector[0].exact)).toEqual(['signed copy']);
    await recordTeamError(db, URL_, 'The server answered HTTP 500.', 42);
    expect(await db.teamSubscriptions.get(URL_)).toMatchObject({ lastError: 'The server answered HTTP 500.', fetchedAt: 42, lastSuccess: 5, claims: 1 });
  });

  it('names from the team\'s file never rename an entity the reader knows', async () => {
    const db = fresh();
    await db.entities.put({ id: 'team-person', kind: 'person', name: 'Known Person', aliases: [], summary: '', events: [], sources: [], confidence: '', origin: 'user', created: 1, modified: 1, rev: '1-a', revs: ['1-a'] });
    await install(db, feed(teamFile()));
    expect((await teamClaimsForPage(db, TEAM_PAGE, []))[0]!.team!.names).toEqual({});
  });

  it('unsubscribing removes every claim of that team and nothing else', async () => {
    const db = fresh();
    await install(db, feed(teamFile(Array.from({ length: 250 }, (_, i) => teamClaim({ quote: `claim ${i}` })))));
    expect(await db.teamClaims.count()).toBe(3);
    await db.teamClaims.put({ id: 'team-other#0', team: 'team-other', claims: [], sources: [], entities: [] });
    expect(await removeTeam(db, URL_)).toBe(true);
    expect((await db.teamClaims.toArray()).map((c) => c.id)).toEqual(['team-other#0']);
    expect(await db.teamSubscriptions.count()).toBe(0);
  });
});

describe('how many team claims one page gets', () => {
  it('at most 200, however many the file puts on that page', async () => {
    const db = fresh();
    await install(db, feed(teamFile(Array.from({ length: 450 }, (_, i) => teamClaim({ quote: `claim ${i}` })))));
    expect(await teamClaimsForPage(db, TEAM_PAGE, [])).toHaveLength(200);
    expect(await teamClaimsForEntity(db, 'gds', [])).toHaveLength(200);
  });
});
