import { describe, expect, it } from 'vitest';
import { CASE_SENSITIVE, DOMAIN_LIKE, NEEDS_CONTEXT, type AliasSpec } from '../../../../src/shared/matcher/alias-rules';
import { buildAutomaton } from '../../../../src/shared/matcher/automaton';
import { createSearcher, findMatches } from '../../../../src/shared/matcher/search';
import { matchedSource, matchedTexts, searcherFor } from '../../helpers/kb';

const spec = (text: string, entity = 0, flags = 0): AliasSpec => ({ text, entity, flags });

describe('findMatches', () => {
  it('finds every occurrence, in order, with offsets in the text', () => {
    const s = searcherFor([spec('GDS', 0, CASE_SENSITIVE), spec('Local Digital Fund', 1)]);
    const text = 'GDS and the Local Digital Fund; GDS again.';
    const found = findMatches(s, text);
    expect(found.map((m) => [m.start, m.end])).toEqual([[0, 3], [12, 30], [32, 35]]);
    expect(found.map((m) => s.automaton.variantEntity[m.variants[0]!])).toEqual([0, 1, 0]);
  });

  it('returns nothing for empty text or text without aliases', () => {
    const s = searcherFor([spec('Greg Clark')]);
    expect(findMatches(s, (''))).toEqual([]);
    expect(findMatches(s, ('Nothing to see here.'))).toEqual([]);
  });

  it('prefers the longest alias at the leftmost start', () => {
    const s = searcherFor([spec('Local Digital Coalition', 0), spec('Local Digital Coalition Action Plan', 1), spec('Local Digital', 2)]);
    expect(matchedTexts(s, 'The Local Digital Coalition Action Plan was published.')).toEqual(['Local Digital Coalition Action Plan']);
    expect(matchedTexts(s, 'The Local Digital Coalition met.')).toEqual(['Local Digital Coalition']);
    expect(matchedTexts(s, 'Local Digital met.')).toEqual(['Local Digital']);
  });

  it('falls back to a shorter alias when the longer one is not complete', () => {
    const s = searcherFor([spec('Local Digital Coalition'), spec('Local Digital Coalition Action Plan', 1)]);
    expect(matchedTexts(s, 'Local Digital Coalition Action Planning')).toEqual(['Local Digital Coalition']);
    expect(matchedTexts(s, 'Local Digital Coalition Action')).toEqual(['Local Digital Coalition']);
  });

  it('resolves overlapping aliases leftmost first, then continues after the kept match', () => {
    const s = searcherFor([spec('Digital Coalition', 0), spec('Local Digital', 1), spec('Coalition Action Plan', 2)]);
    // "Local Digital" starts first and wins; "Coalition Action Plan" does not overlap it.
    expect(matchedTexts(s, 'Local Digital Coalition Action Plan')).toEqual(['Local Digital', 'Coalition Action Plan']);
    // Without "Local", "Digital Coalition" starts first and overlaps "Coalition Action Plan".
    expect(matchedTexts(s, 'Digital Coalition Action Plan')).toEqual(['Digital Coalition']);
  });

  it('finds an alias that is a suffix of another alias (via failure/output links)', () => {
    const s = searcherFor([spec('abcd x', 0), spec('bcd', 1), spec('cd', 2)]);
    expect(matchedTexts(s, 'abcd y')).toEqual([]); // bcd and cd are inside the word "abcd"
    expect(matchedTexts(s, 'a bcd y')).toEqual(['bcd']);
    expect(matchedTexts(s, 'a b cd')).toEqual(['cd']);
    const t = searcherFor([spec('she', 0), spec('he', 1), spec('hers', 2), spec('his', 3)]);
    expect(matchedTexts(t, 'ushers he his she')).toEqual(['he', 'his', 'she']);
  });

  it('respects word boundaries at both ends', () => {
    const s = searcherFor([spec('Greg Clark'), spec('GDS', 1, CASE_SENSITIVE)]);
    expect(matchedTexts(s, 'Greg Clarke, the FA chairman')).toEqual([]);
    expect(matchedTexts(s, 'McGreg Clark')).toEqual([]);
    expect(matchedTexts(s, 'GDSx and xGDS and GDS2 and 2GDS and GDSé')).toEqual([]);
    expect(matchedTexts(s, 'GDS')).toEqual(['GDS']);
    expect(matchedTexts(s, 'GDS.')).toEqual(['GDS']);
    expect(matchedTexts(s, '(GDS)')).toEqual(['GDS']);
    expect(matchedTexts(s, 'said Greg Clark')).toEqual(['Greg Clark']);
    expect(matchedTexts(s, 'Greg Clark said')).toEqual(['Greg Clark']);
  });

  it('treats a combining mark after a name as part of the word', () => {
    const s = searcherFor([spec('Javid', 0, CASE_SENSITIVE)]);
    expect(matchedTexts(s, 'Javid\u0301 said')).toEqual([]);
  });

  it('matches case-insensitively by default and exactly with CASE_SENSITIVE', () => {
    const s = searcherFor([spec('GDS', 0, CASE_SENSITIVE), spec('Local Digital Fund', 1)]);
    expect(matchedTexts(s, 'gds Gds GDS')).toEqual(['GDS']);
    expect(matchedTexts(s, 'LOCAL DIGITAL FUND and local digital fund')).toEqual(['LOCAL DIGITAL FUND', 'local digital fund']);
  });

  it('accepts only the variants whose case matches when several fold to the same text', () => {
    const s = searcherFor([spec('GOV.UK', 0, CASE_SENSITIVE), spec('gov.uk', 0, CASE_SENSITIVE), spec('Gov.uk', 1, CASE_SENSITIVE), spec('LDF', 2, CASE_SENSITIVE | NEEDS_CONTEXT)]);
    const a = s.automaton;
    const variantsOf = (text: string) =>
      findMatches(s, (text)).map((m) => m.variants.map((v) => `${a.variantEntity[v]}:${a.variantExact[v]}`));
    expect(variantsOf('on GOV.UK')).toEqual([['0:GOV.UK']]);
    expect(variantsOf('on gov.uk')).toEqual([['0:gov.uk']]);
    expect(variantsOf('on Gov.uk')).toEqual([['1:Gov.uk']]);
    expect(variantsOf('on gOV.uk')).toEqual([]);
    expect(variantsOf('ldf')).toEqual([]);
    // The variant carries its flags through to the match.
    const [m] = findMatches(s, ('the LDF'));
    expect(a.variantFlags[m!.variants[0]!]).toBe(CASE_SENSITIVE | NEEDS_CONTEXT);
  });

  it('keeps one variant per (entity, text, flags) and several when two entities share a name', () => {
    const s = searcherFor([spec('Local Digital Programme', 3), spec('Local Digital Programme', 3), spec('Local Digital programme', 7)]);
    const [m] = findMatches(s, ('The Local Digital Programme'));
    expect(m!.variants.map((v) => s.automaton.variantEntity[v])).toEqual([3, 7]);
  });

  it('does not treat a domain-like alias inside a host name, URL or e-mail address as a mention', () => {
    const s = searcherFor([spec('gov.uk', 0, CASE_SENSITIVE | DOMAIN_LIKE)]);
    expect(matchedTexts(s, 'see www.gov.uk for more')).toEqual([]);
    expect(matchedTexts(s, 'see gov.uk/guidance for more')).toEqual([]);
    expect(matchedTexts(s, 'write to a@gov.uk now')).toEqual([]);
    expect(matchedTexts(s, 'https://gov.uk')).toEqual([]);
    expect(matchedTexts(s, 'gov.uk.example.com')).toEqual([]);
    expect(matchedTexts(s, 'on gov.uk today')).toEqual(['gov.uk']);
    expect(matchedTexts(s, 'It is on gov.uk.')).toEqual(['gov.uk']);
    expect(matchedTexts(s, 'gov.uk')).toEqual(['gov.uk']);
    expect(matchedTexts(s, '(gov.uk)')).toEqual(['gov.uk']);
  });

  it('applies the address rule only to DOMAIN_LIKE variants', () => {
    const s = searcherFor([spec('gov.uk', 0, CASE_SENSITIVE)]);
    expect(matchedTexts(s, 'see www.gov.uk for more')).toEqual(['gov.uk']);
  });

  it('matches possessives, straight and curly', () => {
    const s = searcherFor([spec('Javid', 0, CASE_SENSITIVE), spec("Linda O'Halloran", 1)]);
    expect(matchedTexts(s, "Javid's plan")).toEqual(['Javid']);
    expect(matchedSource(s, 'Javid\u2019s plan')).toEqual(['Javid']);
    expect(matchedSource(s, 'Linda O\u2019Halloran\u2019s team')).toEqual(['Linda O\u2019Halloran']);
  });

  it('matches across collapsed whitespace, NBSP, soft hyphens and dashes', () => {
    const s = searcherFor([spec('Local Digital Coalition'), spec('Martha Lane-Fox', 1)]);
    expect(matchedSource(s, 'the Local\u00a0Digital \n Coalition')).toEqual(['Local\u00a0Digital \n Coalition']);
    expect(matchedSource(s, 'Lo\u00adcal Digital Coalition')).toEqual(['Lo\u00adcal Digital Coalition']);
    expect(matchedSource(s, 'Martha Lane\u2013Fox')).toEqual(['Martha Lane\u2013Fox']);
  });

  it('matches accented aliases and text in either accent form unless case-sensitive', () => {
    const s = searcherFor([spec('Zoë Smith', 0), spec('Café', 1, CASE_SENSITIVE), spec('東京都庁', 2), spec('Москва', 3)]);
    expect(matchedTexts(s, 'Zoe Smith and ZOË SMITH')).toEqual(['Zoe Smith', 'ZOË SMITH']);
    expect(matchedTexts(s, 'Cafe Café')).toEqual(['Café']);
    expect(matchedTexts(s, '私は東京都庁へ')).toEqual([]); // CJK has no spaces: the alias sits inside a "word"
    expect(matchedTexts(s, '「東京都庁」')).toEqual(['東京都庁']);
    expect(matchedTexts(s, 'в МОСКВА, москва.')).toEqual(['МОСКВА', 'москва']);
  });

  it('ignores aliases that normalise to nothing', () => {
    const s = searcherFor([spec('   '), spec('\u200b'), spec('GDS', 1)]);
    expect(s.automaton.patternVariantStart.length - 1).toBe(1);
    expect(matchedTexts(s, 'the GDS  team')).toEqual(['GDS']);
  });

  it('treats gov.uk after a hyphen, or before ?, # or a port, as part of an address; before a colon and a space as prose', () => {
    const s = searcherFor([spec('gov.uk', 0, CASE_SENSITIVE | DOMAIN_LIKE)]);
    expect(matchedTexts(s, 'see my-gov.uk today')).toEqual([]);
    expect(matchedTexts(s, 'search gov.uk?q=tax or gov.uk#top')).toEqual([]);
    expect(matchedTexts(s, 'served from gov.uk:443 only')).toEqual([]);
    expect(matchedTexts(s, 'The single domain, gov.uk: the site for government.')).toEqual(['gov.uk']);
  });

  it('reads a question mark after a domain-like alias as a query string only when something follows it', () => {
    const s = searcherFor([spec('GOV.UK', 0, CASE_SENSITIVE | DOMAIN_LIKE)]);
    expect(matchedTexts(s, 'Can we have a White Paper on the future of GOV.UK?')).toEqual(['GOV.UK']);
    expect(matchedTexts(s, 'Is it GOV.UK? Or not?')).toEqual(['GOV.UK']);
    expect(matchedTexts(s, 'Is it GOV.UK?\nYes.')).toEqual(['GOV.UK']);
    expect(matchedTexts(s, 'search GOV.UK?q=tax')).toEqual([]);
  });

  it('gives each match its offsets in the source text, across dropped and collapsed characters', () => {
    const s = searcherFor([spec('Local Digital Fund', 1), spec('GDS', 0, CASE_SENSITIVE)]);
    const text = '  The  Lo\u00adcal \n\t Digital\u200bFund? No: the Local\u00a0Digital Fund and G\u00adDS.';
    expect(findMatches(s, text).map((m) => text.slice(m.start, m.end))).toEqual(['Local\u00a0Digital Fund', 'G\u00adDS']);
  });

  it('works with an empty dictionary', () => {
    const s = createSearcher(buildAutomaton([]));
    expect(findMatches(s, ('anything at all'))).toEqual([]);
  });

  it('finds matches in a long text across many repetitions', () => {
    const s = searcherFor([spec('Local Digital'), spec('Local Digital Declaration', 1)]);
    const text = 'Local Digital Declaration, Local Digital; '.repeat(2000);
    const found = findMatches(s, (text));
    expect(found.length).toBe(4000);
    expect(found.filter((m) => m.end - m.start === 'Local Digital Declaration'.length).length).toBe(2000);
  });
});

