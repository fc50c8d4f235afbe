// A team's export file is hostile (issue 14, team sharing): parseTeamFeed refuses files that are
// huge, nested too deep, carry `__proto__` keys, are not a Sound Familiar export, hold too many
// claims, put a claim on a non-https page, or have wrong shapes; each with a precise message.
// What it accepts is text only: titles with control characters are not used.
import { describe, expect, it } from 'vitest';
import { parseTeamFeed, TEAM_LIMITS } from '../../../src/shared/team/team-feed';
import { teamClaim, teamFile } from '../../fixtures/team/make-team-file';

const NOW = Date.UTC(2026, 11, 6);
const refused = (text: string) => {
  const result = parseTeamFeed(text, NOW);
  if (result.ok) throw new Error('accepted');
  return result.error;
};

describe('parseTeamFeed', () => {
  it('reads a team export: live claims, the team\'s entity names, and its title', () => {
    const deleted = { ...teamClaim({ quote: 'gone' }), deleted: Date.UTC(2024, 5, 1) };
    const result = parseTeamFeed(teamFile([teamClaim(), deleted], { title: '  Digital   desk ' }), NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.feed.title).toBe('Digital desk');
    expect(result.feed.claims.map((c) => c.target.selector[0].exact)).toEqual(['The Test Digital Office will run the service from next spring']);
    expect(result.feed.names['team-person']).toBe('Pat Teamlead');
  });

  it('uses no title that is not plain text of a sensible length', () => {
    for (const title of [7, 'Desk\u202Eknil', 'x'.repeat(TEAM_LIMITS.titleChars + 1), '   ', ['Desk']]) {
      const result = parseTeamFeed(teamFile([teamClaim()], { title }), NOW);
      expect(result.ok && result.feed.title, JSON.stringify(title)).toBe(null);
    }
  });

  it('refuses a file over 5 MB before reading it', () => {
    expect(refused(' '.repeat(TEAM_LIMITS.bytes + 1))).toBe('The team file is larger than 5 MB.');
  });

  it('refuses more than 20,000 claims before validating any', () => {
    const text = JSON.stringify({ format: 'sound-familiar', version: 1, claims: Array.from({ length: TEAM_LIMITS.claims + 1 }, () => 0), entities: [] });
    expect(refused(text)).toBe('The team file holds 20001 claims; at most 20,000 can be followed.');
  });

  it('refuses deep nesting and __proto__ keys, naming where', () => {
    const deep = JSON.stringify({ format: 'sound-familiar', version: 1, claims: [], entities: [], x: JSON.parse('['.repeat(40) + ']'.repeat(40)) });
    expect(refused(deep)).toMatch(/nests more than 24 levels deep/);
    const proto = teamFile().replace('"soundFamiliar":{', '"soundFamiliar":{"__proto__":{"status":"delivered"},');
    expect(refused(proto)).toBe('The file contains a forbidden key "__proto__" (at claims[0].soundFamiliar).');
  });

  it('refuses what is not a Sound Familiar export: other JSON, a Hypothesis export, not JSON at all', () => {
    expect(refused('{"format":"other"}')).toMatch(/^This is not a Sound Familiar export/);
    expect(refused('[]')).toMatch(/^This is not a Sound Familiar export/);
    expect(refused('{"rows":[]}')).toMatch(/^This is not a Sound Familiar export/);
    expect(refused('not json')).toBe('The file is not valid JSON.');
  });

  it('refuses a claim on a non-https page, and a claim whose fields have the wrong shape', () => {
    expect(refused(teamFile([teamClaim({ page: 'http://www.gov.uk/news/a' })]))).toBe('claim 1.target.source: must be an https address (a team\'s claims are shown on https pages only)');
    const wrong = JSON.parse(teamFile()) as { claims: { soundFamiliar: Record<string, unknown>; target: { selector: unknown[] } }[] };
    wrong.claims[0]!.soundFamiliar.status = { html: '<img src=x onerror=alert(1)>' };
    expect(refused(JSON.stringify(wrong))).toMatch(/^claim 1\.soundFamiliar\.status: /);
    const noQuote = JSON.parse(teamFile()) as typeof wrong;
    noQuote.claims[0]!.target.selector = noQuote.claims[0]!.target.selector.slice(1);
    expect(refused(JSON.stringify(noQuote))).toBe('claim 1.target.selector: TextQuoteSelector missing');
    const javascript = teamFile([teamClaim({ page: 'javascript:alert(1)' })]);
    expect(refused(javascript)).toMatch(/^claim 1\.target\.source: /);
  });

  it('keeps one claim per id, and names from own keys only', () => {
    const a = teamClaim();
    const result = parseTeamFeed(teamFile([a, { ...a, note: 'later copy' }]), NOW);
    expect(result.ok && result.feed.claims.map((c) => c.note)).toEqual(['later copy']);
    expect(result.ok && Object.getPrototypeOf(result.feed.names)).toBe(null);
  });
});
