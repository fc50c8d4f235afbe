// Security review of team sharing: a page or a card gets at most TEAM_LIMITS.shown team claims
// (so a file with thousands of claims on one page cannot stall the tab). That cap must not let one
// hostile team crowd every other followed team off the page or the card by putting the cap's worth
// of claims there, in whichever order the random namespaces sort; the cap itself still holds.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TeamSubscription } from '../../../src/background/db';
import { storeTeamCopy, teamClaimsForEntity, teamClaimsForPage } from '../../../src/background/team/team-store';
import { parseTeamFeed, TEAM_LIMITS, type TeamFeed } from '../../../src/shared/team/team-feed';
import { TEAM_PAGE, teamClaim, teamFile } from '../../fixtures/team/make-team-file';
import { freshDbs } from '../helpers/fresh-db';

const fresh = freshDbs('team-review-crowding');
type Db = ReturnType<typeof fresh>;

function feed(text: string): TeamFeed {
  const result = parseTeamFeed(text, Date.UTC(2026, 11, 6));
  if (!result.ok) throw new Error(result.error);
  return result.feed;
}

async function follow(db: Db, url: string, team: string, text: string) {
  const sub: TeamSubscription = { url, team, title: new URL(url).hostname, addedAt: 1, signed: false, claims: 0, names: {}, fetchedAt: 1, lastSuccess: 1 };
  await db.transaction('rw', db.teamSubscriptions, db.teamClaims, () => storeTeamCopy(db, sub, feed(text), { signed: false }, 5));
}

const FLOOD = TEAM_LIMITS.shown + 50;

describe.each([
  ['the good team sorts first', 'team-00000000', 'team-ffffffff'],
  ['the flooding team sorts first', 'team-ffffffff', 'team-00000000'],
])('a team that floods a page with claims (%s)', (_, goodNs, floodNs) => {
  async function setUp() {
    const db = fresh();
    await follow(db, 'https://good.example.org/desk.json', goodNs, teamFile([teamClaim({ quote: 'the good team\'s claim', note: 'good' })]));
    await follow(db, 'https://flood.example.net/desk.json', floodNs, teamFile(Array.from({ length: FLOOD }, (_, i) => teamClaim({ quote: `flood ${i}`, note: 'flood' }))));
    return db;
  }

  it('leaves room on the page for the other team\'s claim, within the cap', async () => {
    const db = await setUp();
    const shown = await teamClaimsForPage(db, TEAM_PAGE, []);
    expect(shown.length).toBe(TEAM_LIMITS.shown);
    expect(shown.map((c) => c.note)).toContain('good');
  });

  it('leaves room on an entity\'s card too', async () => {
    const db = await setUp();
    const shown = await teamClaimsForEntity(db, 'gds', []);
    expect(shown.length).toBe(TEAM_LIMITS.shown);
    expect(shown.map((c) => c.note)).toContain('good');
  });
});
