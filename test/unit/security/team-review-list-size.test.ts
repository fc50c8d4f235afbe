// Security review of team sharing: the claims list gets every followed team's claims in one
// message ('teams/claims'), and Chromium refuses a message over 64 MiB. Each claim carries the
// names the team's file gives its people, so a file of many short claims, each naming twenty-one
// people with long names, grows about eleven times on the way (4.9 MB of file gave 53 MB). Two
// such files must not make the list's message too large to send: it stays under the cap,
// newest claims first.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { allTeamClaims, storeTeamCopy } from '../../../src/background/team/team-store';
import { parseTeamFeed, type TeamFeed } from '../../../src/shared/team/team-feed';
import { teamClaim, teamFile, teamPerson } from '../../fixtures/team/make-team-file';
import { freshDbs } from '../helpers/fresh-db';

const fresh = freshDbs('team-review-list-size');
const MESSAGE_CAP = 64 * 1024 * 1024;

/** A file just under 5 MB: 6,300 short claims, each by and about 21 of the team's people named in 120 CJK characters. */
function amplifyingFeed(): TeamFeed {
  const people = Array.from({ length: 21 }, (_, i) => ({ ...teamPerson('名'.repeat(120)), id: `p${i}` }));
  const claims = Array.from({ length: 6300 }, (_, i) => teamClaim({ quote: `q${i}`, note: '', tags: [], pageTitle: '', claimant: 'p0', entities: people.slice(1).map((p) => p.id), created: Date.UTC(2024, 0, 1) + i, modified: Date.UTC(2024, 0, 1) + i }));
  const text = teamFile(claims, { entities: people as never });
  expect(new TextEncoder().encode(text).length).toBeLessThan(5_000_000);
  const result = parseTeamFeed(text, Date.UTC(2026, 11, 6));
  if (!result.ok) throw new Error(result.error);
  return result.feed;
}

describe('the claims list\'s message', () => {
  it('stays under the browsers\' message cap with two amplifying team files, newest claims first', async () => {
    const db = fresh();
    const feed = amplifyingFeed();
    for (const [i, team] of ['team-00000001', 'team-00000002'].entries()) {
      await db.transaction('rw', db.teamSubscriptions, db.teamClaims, () => storeTeamCopy(db,
        { url: `https://t${i}.example.org/desk.json`, team, title: `t${i}`, addedAt: 1, signed: false, claims: 0, names: {}, fetchedAt: 1, lastSuccess: 1 },
        feed, { signed: false }, 5));
    }
    const listed = await allTeamClaims(db, []);
    expect(new TextEncoder().encode(JSON.stringify(listed)).length).toBeLessThan(MESSAGE_CAP);
    expect(listed.length).toBeGreaterThan(1000);
    expect(listed[0]!.target.selector[0].exact).toBe('q6299');
  }, 60_000);
});
