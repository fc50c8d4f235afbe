// Security review of team sharing: a team's title marks every one of its claims ("Team: <title>")
// and names it on the options page. One that shows as nothing (only invisible characters, or only
// punctuation) would leave its claims with a blank mark, so the reader could not tell whose they
// are: then the address's host is used, as for no title. Real titles, in any script, are kept.
import { describe, expect, it } from 'vitest';
import { parseTeamFeed } from '../../../src/shared/team/team-feed';
import { teamClaim, teamFile } from '../../fixtures/team/make-team-file';

const titleOf = (title: unknown) => {
  const result = parseTeamFeed(teamFile([teamClaim()], { title }), Date.UTC(2026, 11, 6));
  if (!result.ok) throw new Error(result.error);
  return result.feed.title;
};

describe('a team title that shows as nothing', () => {
  it('is not used: invisible characters, a soft hyphen, punctuation only', () => {
    for (const title of ['\u200B', '\u200B\u200D\u2060', '\u00AD', '\uFEFF\u200B', '·', '-- --']) expect(titleOf(title), JSON.stringify(title)).toBe(null);
  });

  it('real titles are kept, in any script', () => {
    for (const title of ['Digital desk', 'Desg Ddigidol', 'دفتر رقمی', 'デジタル班', 'Team 7']) expect(titleOf(title)).toBe(title);
  });
});
