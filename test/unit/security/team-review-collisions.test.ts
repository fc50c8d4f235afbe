// Security review of team sharing: ids that collide. A hostile team's file may reuse the claim ids
// another followed team published (team exports are public), or the reader's own. Another team's
// claim must never be hidden by it (on the page, on a card's timeline, in the claims list), in
// whichever order the two random namespaces sort; the reader's own claim still wins over any team's,
// and nothing a team stores ever reaches the reader's own table.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TeamSubscription } from '../../../src/background/db';
import { allTeamClaims, removeTeam, storeTeamCopy, teamClaimsForEntity, teamClaimsForPage } from '../../../src/background/team/team-store';
import { parseTeamFeed, type TeamFeed } from '../../../src/shared/team/team-feed';
import { TEAM_PAGE, teamClaim, teamFile } from '../../fixtures/team/make-team-file';
import { freshDbs } from '../helpers/fresh-db';

const fresh = freshDbs('team-review-collisions');
type Db = ReturnType<typeof fresh>;
const SHARED_ID = '5eaa0000-0000-4000-8000-0000000c0111';

function feed(text: string): TeamFeed {
  const result = parseTeamFeed(text, Date.UTC(2026, 11, 6));
  if (!result.ok) throw new Error(result.error);
  return result.feed;
}

const sub = (url: string, team: string): TeamSubscription =>
  ({ url, team, title: new URL(url).hostname, addedAt: 1, signed: false, claims: 0, names: {}, fetchedAt: 1, lastSuccess: 1 });

async function follow(db: Db, url: string, team: string, text: string) {
  await db.transaction('rw', db.teamSubscriptions, db.teamClaims, () => storeTeamCopy(db, sub(url, team), feed(text), { signed: false }, 5));
}

const GOOD = 'https://good.example.org/desk.json';
const EVIL = 'https://evil.example.net/desk.json';
const notes = (claims: readonly { note: string }[]) => claims.map((c) => c.note).sort();

// Both orders of the namespaces: the database returns chunks sorted by their ids.
describe.each([
  ['the good team sorts first', 'team-00000000', 'team-ffffffff'],
  ['the hostile team sorts first', 'team-ffffffff', 'team-00000000'],
])('a hostile team reusing another team\'s claim id (%s)', (_, goodNs, evilNs) => {
  async function setUp() {
    const db = fresh();
    await follow(db, GOOD, goodNs, teamFile([teamClaim({ id: SHARED_ID, note: 'good team note' })]));
    await follow(db, EVIL, evilNs, teamFile([teamClaim({ id: SHARED_ID, note: 'hostile team note' })]));
    return db;
  }

  it('does not hide the other team\'s claim on the page', async () => {
    const db = await setUp();
    expect(notes(await teamClaimsForPage(db, TEAM_PAGE, []))).toContain('good team note');
  });

  it('does not hide it on an entity\'s card', async () => {
    const db = await setUp();
    expect(notes(await teamClaimsForEntity(db, 'gds', []))).toContain('good team note');
  });

  it('does not hide it in the claims list', async () => {
    const db = await setUp();
    expect(notes(await allTeamClaims(db, []))).toContain('good team note');
  });

  it('each shown claim carries its own team\'s mark, never the other\'s', async () => {
    const db = await setUp();
    for (const c of await teamClaimsForPage(db, TEAM_PAGE, [])) {
      expect(c.id.startsWith(`${c.team!.team}:`)).toBe(true);
      expect(c.team!.title).toBe(c.note === 'good team note' ? 'good.example.org' : 'evil.example.net');
    }
  });
});

describe('team claims against the reader\'s own', () => {
  it('a team claim reusing the reader\'s id is left out, and storing and removing the team never touches db.claims', async () => {
    const db = fresh();
    const mine = { ...teamClaim({ id: SHARED_ID, note: 'my own note' }) };
    await db.claims.put(mine);
    const before = JSON.stringify(await db.claims.toArray());
    await follow(db, EVIL, 'team-00000000', teamFile([teamClaim({ id: SHARED_ID, note: 'hostile team note' })]));
    expect(notes(await teamClaimsForPage(db, TEAM_PAGE, [SHARED_ID]))).toEqual([]);
    expect(notes(await allTeamClaims(db, [SHARED_ID]))).toEqual([]);
    await removeTeam(db, EVIL);
    expect(JSON.stringify(await db.claims.toArray())).toBe(before);
  });
});
