import { describe, expect, it } from 'vitest';
import { builtinPrecision } from '../../../src/background/builtin-kb';
import { loadDictionary } from '../../../src/content/scan/loaded-dictionary';
import { aliasSpecs } from '../../../src/shared/dictionary';
import { CASE_SENSITIVE, DOMAIN_LIKE, NEEDS_CONTEXT } from '../../../src/shared/matcher/alias-rules';
import { findMatches } from '../../../src/shared/matcher/search';
import { aliasFlags, chooseEntity, comparableDate, matchableAliases, type PrecisionData } from '../../../src/shared/precision';
import { ENTITY_PERIODS, kbDictionary, kbEntities } from '../helpers/kb';

const NONE: PrecisionData = { exactCase: new Set(), contextOnly: new Set() };

/** Override lists as a pack could give them, to exercise the mechanism (the core pack's rules are per-entity data). */
const LISTS: PrecisionData = {
  exactCase: new Set(['Local Digital', 'Marsham Street', 'Communities and Local Government', 'Digital Strategy 2.0']),
  contextOnly: new Set(['LDF', 'LDD', 'GTS', 'GaaP', 'CLG', 'IDAP', 'LGCC', 'Local Digital', 'Marsham Street', 'Local Digital programme (DCLG)', 'the housing ministry', 'Digital Strategy 2.0']),
};

describe('aliasFlags', () => {
  it('makes single-word aliases (acronyms, coined names) case-sensitive, without context', () => {
    expect(aliasFlags('GDS', 'body', LISTS)).toBe(CASE_SENSITIVE);
    expect(aliasFlags('CDDO', 'body', LISTS)).toBe(CASE_SENSITIVE);
    expect(aliasFlags('Socitm', 'body', LISTS)).toBe(CASE_SENSITIVE);
    expect(aliasFlags('LocalGovDrupal', 'initiative', LISTS)).toBe(CASE_SENSITIVE);
    expect(aliasFlags('digital-by-default', 'initiative', LISTS)).toBe(CASE_SENSITIVE);
  });

  it('adds NEEDS_CONTEXT to acronyms on the context-only list', () => {
    for (const a of ['LDF', 'LDD', 'GTS', 'GaaP', 'CLG', 'IDAP', 'LGCC']) {
      expect(aliasFlags(a, 'initiative', LISTS), a).toBe(CASE_SENSITIVE | NEEDS_CONTEXT);
      expect(aliasFlags(a, 'initiative', NONE), a).toBe(CASE_SENSITIVE);
    }
  });

  it('treats a bare surname of a person as needing context and exact case', () => {
    expect(aliasFlags('Javid', 'person', LISTS)).toBe(NEEDS_CONTEXT | CASE_SENSITIVE);
    expect(aliasFlags('Pickles', 'person', NONE)).toBe(NEEDS_CONTEXT | CASE_SENSITIVE);
    // The same single word naming a body is an acronym or a coined name, not a surname.
    expect(aliasFlags('Javid', 'body', NONE)).toBe(CASE_SENSITIVE);
  });

  it('treats honorific + surname as needing context, but not honorific + full name', () => {
    for (const a of ['Mr Javid', 'Mr. Javid', 'Ms Rayner', 'Lord Maude', 'Baroness Lane-Fox', 'Sir Eric', 'Dr Who']) {
      expect(aliasFlags(a, 'person', NONE), a).toBe(NEEDS_CONTEXT | CASE_SENSITIVE);
    }
    expect(aliasFlags('Sir Eric Pickles', 'person', NONE)).toBe(0);
    expect(aliasFlags('Lord Maude of Horsham', 'person', NONE)).toBe(0);
    expect(aliasFlags('Sajid Javid', 'person', NONE)).toBe(0);
    expect(aliasFlags('Rt Hon Greg Clark', 'person', NONE)).toBe(0);
    expect(aliasFlags('Mr Javid', 'initiative', NONE)).toBe(0);
  });

  it('applies the exact-case and context-only override lists to multi-word aliases', () => {
    expect(aliasFlags('Local Digital', 'initiative', LISTS)).toBe(CASE_SENSITIVE | NEEDS_CONTEXT);
    expect(aliasFlags('Marsham Street', 'body', LISTS)).toBe(CASE_SENSITIVE | NEEDS_CONTEXT);
    expect(aliasFlags('Communities and Local Government', 'body', LISTS)).toBe(CASE_SENSITIVE);
    expect(aliasFlags('Local Digital programme (DCLG)', 'initiative', LISTS)).toBe(NEEDS_CONTEXT);
    expect(aliasFlags('Local Digital Coalition', 'initiative', LISTS)).toBe(0);
  });

  it('makes aliases starting with a lower-case letter case-sensitive', () => {
    expect(aliasFlags('digital by default', 'initiative', LISTS)).toBe(CASE_SENSITIVE);
    expect(aliasFlags('the housing ministry', 'body', LISTS)).toBe(CASE_SENSITIVE | NEEDS_CONTEXT);
    expect(aliasFlags('Digital by Default', 'initiative', LISTS)).toBe(0);
  });

  it('marks single-word domain-like aliases DOMAIN_LIKE', () => {
    expect(aliasFlags('gov.uk', 'initiative', LISTS)).toBe(CASE_SENSITIVE | DOMAIN_LIKE);
    expect(aliasFlags('GOV.UK', 'initiative', LISTS)).toBe(CASE_SENSITIVE | DOMAIN_LIKE);
    expect(aliasFlags('GOV.UK Verify', 'initiative', LISTS)).toBe(0);
    expect(aliasFlags('Digital Strategy 2.0', 'initiative', LISTS)).toBe(CASE_SENSITIVE | NEEDS_CONTEXT);
  });

  it('trims the alias before deciding', () => {
    expect(aliasFlags('  GDS \n', 'body', LISTS)).toBe(CASE_SENSITIVE);
    expect(aliasFlags(' Local Digital ', 'initiative', LISTS)).toBe(CASE_SENSITIVE | NEEDS_CONTEXT);
  });

  it('on the real knowledge base: every person alias of one word needs context; every risky alias named in the README is guarded', () => {
    const entities = kbEntities();
    const flagsOf = new Map<string, number>();
    for (const spec of aliasSpecs(entities, LISTS)) {
      flagsOf.set(spec.text, spec.flags);
      if (entities[spec.entity]!.kind === 'person' && !/\s/.test(spec.text)) expect(spec.flags & NEEDS_CONTEXT, spec.text).toBeTruthy();
    }
    for (const a of ['Javid', 'Pickles', 'GTS', 'GaaP', 'Transformation Strategy', 'Local Digital']) expect(flagsOf.get(a)! & NEEDS_CONTEXT, a).toBeTruthy();
    for (const a of ['GTS', 'GaaP', 'LGA', 'digital by default', 'gov.uk']) expect(flagsOf.get(a)! & CASE_SENSITIVE, a).toBeTruthy();
    // Issue 11: LDF is a planning Local Development Framework, LDD a learning difficulty; neither is ours.
    for (const a of ['LDF', 'LDD']) expect(flagsOf.has(a), a).toBe(false);
  });
});

describe('the core pack\'s precision data (src/data/core-precision.json)', () => {
  const aliases = new Set(kbEntities().flatMap((e) => [e.name, ...e.aliases]));
  it('gives context-only status only to aliases of the same entity (a typo would silently disable a rule)', () => {
    expect(kbEntities().flatMap((e) => (e.contextAliases ?? []).filter((a) => !e.aliases.includes(a)).map((a) => `${e.id}: ${a}`))).toEqual([]);
    expect(aliases.size).toBeGreaterThan(900);
  });
  it('gives periods only to entities that exist', () => {
    const ids = new Set(kbEntities().map((e) => e.id));
    expect(Object.keys(ENTITY_PERIODS).filter((id) => !ids.has(id))).toEqual([]);
  });
  it('reads whole, as any pack\'s precision is read: nothing dropped', () => {
    expect(builtinPrecision().problems).toEqual([]);
    expect(Object.keys(ENTITY_PERIODS).sort()).toEqual(['dclg-local-digital-programme', 'local-digital-programme-mhclg']);
  });
  it('names the field of a broken rule', () => {
    expect(builtinPrecision({ periods: { 'no-such-entity': { from: '2018' }, 'local-digital-programme-mhclg': { from: 'soon' } } }).problems).toEqual([
      'core-precision.json.periods["no-such-entity"]: is not an entity of this pack',
      'core-precision.json.periods["local-digital-programme-mhclg"].from: must be a date like 2017, 2017-11 or 2017-11-21',
    ]);
  });
});

describe('matchableAliases', () => {
  it('drops "the X" when X is an alias too', () => {
    expect(matchableAliases(['Local Digital Coalition', 'the Local Digital Coalition', 'Local Government Coalition']))
      .toEqual(['Local Digital Coalition', 'Local Government Coalition']);
    expect(matchableAliases(['the LGA', 'LGA'])).toEqual(['LGA']);
  });
  it('keeps "the X" when X is not an alias', () => {
    expect(matchableAliases(['iNetwork', 'the iNetwork Partnership'])).toEqual(['iNetwork', 'the iNetwork Partnership']);
  });
  it('trims, removes empties and duplicates', () => {
    expect(matchableAliases([' GDS ', 'GDS', '', '   ', 'Government Digital Service'])).toEqual(['GDS', 'Government Digital Service']);
  });
});

describe('comparableDate', () => {
  it('widens partial dates to the start or the end of their period', () => {
    expect(comparableDate('2018', 'start')).toBe('2018-01-01');
    expect(comparableDate('2018', 'end')).toBe('2018-12-31');
    expect(comparableDate('2018-02', 'start')).toBe('2018-02-01');
    expect(comparableDate('2018-02', 'end') >= '2018-02-28').toBe(true);
    expect(comparableDate('2018-02', 'end') < '2018-03-01').toBe(true);
    expect(comparableDate('2018-02-14', 'start')).toBe('2018-02-14');
    expect(comparableDate('2018-02-14', 'end')).toBe('2018-02-14');
  });
});

describe('chooseEntity', () => {
  const DCLG = 'dclg-local-digital-programme';
  const MHCLG = 'local-digital-programme-mhclg';
  const both = [{ entity: DCLG }, { entity: MHCLG }];
  const reversed = [{ entity: MHCLG }, { entity: DCLG }];

  it('picks the entity whose period contains the page date, whatever the candidate order', () => {
    for (const candidates of [both, reversed]) {
      expect(chooseEntity(candidates, ENTITY_PERIODS, '2014-05-01', '2025-06-01')?.entity).toBe(DCLG);
      expect(chooseEntity(candidates, ENTITY_PERIODS, '2019-03-01', '2025-06-01')?.entity).toBe(MHCLG);
      expect(chooseEntity(candidates, ENTITY_PERIODS, '2017-06-01', '2025-06-01')?.entity).toBe(DCLG);
      expect(chooseEntity(candidates, ENTITY_PERIODS, '2017-12-31', '2025-06-01')?.entity).toBe(DCLG);
      expect(chooseEntity(candidates, ENTITY_PERIODS, '2018-01-01', '2025-06-01')?.entity).toBe(MHCLG);
      expect(chooseEntity(candidates, ENTITY_PERIODS, '2018', '2025-06-01')?.entity).toBe(MHCLG);
    }
  });

  it('without a page date (or one outside every period), picks the entity current today', () => {
    for (const candidates of [both, reversed]) {
      expect(chooseEntity(candidates, ENTITY_PERIODS, undefined, '2025-06-01')?.entity).toBe(MHCLG);
      expect(chooseEntity(candidates, ENTITY_PERIODS, undefined, '2015-06-01')?.entity).toBe(DCLG);
      expect(chooseEntity(candidates, ENTITY_PERIODS, '2009-01-01', '2025-06-01')?.entity).toBe(MHCLG);
    }
  });

  it('falls back to the first candidate when no period applies, and handles 0 or 1 candidates', () => {
    expect(chooseEntity([{ entity: 'a' }, { entity: 'b' }], ENTITY_PERIODS, '2019-01-01', '2025-01-01')?.entity).toBe('a');
    expect(chooseEntity([{ entity: 'solo' }], ENTITY_PERIODS, '2019-01-01', '2025-01-01')?.entity).toBe('solo');
    expect(chooseEntity([], ENTITY_PERIODS, '2019-01-01', '2025-01-01')).toBeUndefined();
  });

  it('resolves "Local Digital Programme" in text through the real dictionary by page date', () => {
    const loaded = loadDictionary(kbDictionary());
    const a = loaded.searcher.automaton;
    const meaning = (pageDate: string | undefined) => {
      const [m] = findMatches(loaded.searcher, ('Councils joined the Local Digital Programme last year.'));
      const candidates = m!.variants.map((v) => ({ entity: loaded.entities[a.variantEntity[v]!]!.id }));
      return chooseEntity(candidates, loaded.periods, pageDate, '2025-06-01')?.entity;
    };
    expect(meaning('2014-03-10')).toBe(DCLG);
    expect(meaning('2019-07-01')).toBe(MHCLG);
    expect(meaning('2017-11-20')).toBe(DCLG);
    expect(meaning(undefined)).toBe(MHCLG);
  });
});
