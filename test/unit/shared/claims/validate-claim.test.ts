// The checks every claim passes at a trust boundary (editor fields, page selections, imported
// files): clean copies out, unknown fields dropped, and errors that name the field.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../src/shared/claims/claim';
import {
  parseClaimFields, parsePageTitle, parsePositionSelector, parseQuoteSelector, parseSource, parseTarget,
} from '../../../../src/shared/claims/validate-claim';
import { ValidationError } from '../../../../src/shared/validate';

const FIELDS = {
  claimant: 'jeremy-quin',
  entities: ['gov-uk-one-login', 'gds'],
  madeOn: '2022-06-09',
  claimType: 'promise',
  status: 'made',
  deadline: '2025',
  note: 'Said at the launch of the roadmap.',
  tags: ['identity'],
};

const QUOTE = { type: 'TextQuoteSelector', exact: 'We will publish a single sign-on', prefix: 'minister said: "', suffix: ' for all government' };
const POSITION = { type: 'TextPositionSelector', start: 120, end: 152 };

function errorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseClaimFields', () => {
  it('returns a clean copy with exactly the claim fields', () => {
    const parsed = parseClaimFields({ ...FIELDS, extra: 'dropped', rev: '9-x' });
    expect(parsed).toEqual(FIELDS);
    expect(Object.keys(parsed).sort()).toEqual(['claimType', 'claimant', 'deadline', 'entities', 'madeOn', 'note', 'status', 'tags']);
  });

  it('fills defaults, trims and de-duplicates tags, de-duplicates entities, and turns an empty deadline into null', () => {
    const parsed = parseClaimFields({ madeOn: '2022', claimType: 'figure', status: 'unknown', deadline: '', tags: [' a ', 'a', 'b'], entities: ['gds', 'gds'] });
    expect(parsed).toEqual({ claimant: null, entities: ['gds'], madeOn: '2022', claimType: 'figure', status: 'unknown', deadline: null, note: '', tags: ['a', 'b'] });
  });

  it.each([
    [{ madeOn: '22 June 2022' }, 'fields.madeOn: must be a date like 2017, 2017-11 or 2017-11-21'],
    [{ madeOn: '2022-13' }, 'fields.madeOn: must be a date like 2017, 2017-11 or 2017-11-21'],
    [{ deadline: 'soon' }, 'fields.deadline: must be a date like 2017, 2017-11 or 2017-11-21'],
    [{ claimType: 'lie' }, 'fields.claimType: must be one of promise, announcement, figure, assertion'],
    [{ status: 'done' }, 'fields.status: must be one of made, repeated, in-progress, delivered, dropped, unknown'],
    [{ claimant: 'Jeremy Quin' }, 'fields.claimant: must be an entity id (lower-case letters, digits, hyphens)'],
    [{ entities: ['ok', 'NOT OK'] }, 'fields.entities[1]: must be an entity id (lower-case letters, digits, hyphens)'],
    [{ entities: 'gds' }, 'fields.entities: must be a list'],
    [{ note: 42 }, 'fields.note: must be text'],
    [{ note: 'x'.repeat(LIMITS.note + 1) }, `fields.note: is longer than ${LIMITS.note} characters`],
    [{ tags: ['  '] }, 'fields.tags[0]: must not be empty'],
    [{ tags: ['t'.repeat(LIMITS.tag + 1)] }, `fields.tags[0]: is longer than ${LIMITS.tag} characters`],
    [{ tags: Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`) }, `fields.tags: has more than ${LIMITS.tags} items`],
  ])('rejects %j with a message naming the field', (change, message) => {
    expect(errorOf(() => parseClaimFields({ ...FIELDS, ...change })).message).toBe(message);
  });

  it('accepts the limits themselves', () => {
    const parsed = parseClaimFields({ ...FIELDS, note: 'x'.repeat(LIMITS.note), tags: Array.from({ length: LIMITS.tags }, (_, i) => `${i}`.padEnd(LIMITS.tag, 'x')) });
    expect(parsed.note).toHaveLength(LIMITS.note);
    expect(parsed.tags).toHaveLength(LIMITS.tags);
  });
});

describe('selectors and target', () => {
  it('parses a quote selector, defaulting missing context to empty and dropping other fields', () => {
    expect(parseQuoteSelector({ type: 'TextQuoteSelector', exact: 'We will', extra: 1 }, 'q')).toEqual({ type: 'TextQuoteSelector', exact: 'We will', prefix: '', suffix: '' });
    expect(errorOf(() => parseQuoteSelector({ ...QUOTE, exact: ' ' }, 'q')).message).toBe('q.exact: must not be empty');
    expect(errorOf(() => parseQuoteSelector({ ...QUOTE, exact: 'x'.repeat(LIMITS.quote + 1) }, 'q')).message).toBe(`q.exact: is longer than ${LIMITS.quote} characters`);
    expect(errorOf(() => parseQuoteSelector({ ...QUOTE, prefix: 'p'.repeat(LIMITS.context + 1) }, 'q')).message).toBe(`q.prefix: is longer than ${LIMITS.context} characters`);
    expect(errorOf(() => parseQuoteSelector({ ...QUOTE, type: 'RangeSelector' }, 'q')).message).toBe('q.type: must be TextQuoteSelector');
  });

  it('parses a position selector whose end is not before its start', () => {
    expect(parsePositionSelector(POSITION, 'p')).toEqual(POSITION);
    expect(parsePositionSelector({ ...POSITION, end: 120 }, 'p').end).toBe(120);
    expect(errorOf(() => parsePositionSelector({ ...POSITION, end: 119 }, 'p')).message).toBe('p.end: must be a whole number from 120 to 1000000000');
    expect(errorOf(() => parsePositionSelector({ ...POSITION, start: -1 }, 'p')).path).toBe('p.start');
    expect(errorOf(() => parsePositionSelector({ ...POSITION, start: 1.5 }, 'p')).path).toBe('p.start');
  });

  it('accepts a target with the two selectors in either order and normalises the address', () => {
    const expected = { source: 'https://www.gov.uk/government/news/roadmap', selector: [QUOTE, POSITION] };
    expect(parseTarget({ source: 'https://www.gov.uk/government/news/roadmap', selector: [QUOTE, POSITION] })).toEqual(expected);
    expect(parseTarget({ source: 'HTTPS://WWW.GOV.UK/government/news/roadmap', selector: [POSITION, QUOTE] })).toEqual(expected);
  });

  it('names what is missing or unsafe in a target', () => {
    expect(errorOf(() => parseTarget({ source: 'https://a.example/', selector: [POSITION] }, 'claim 412.target')).message).toBe('claim 412.target.selector: TextQuoteSelector missing');
    expect(errorOf(() => parseTarget({ source: 'https://a.example/', selector: [QUOTE] })).message).toBe('target.selector: TextPositionSelector missing');
    expect(errorOf(() => parseTarget({ source: 'javascript:alert(1)', selector: [QUOTE, POSITION] })).message).toBe('target.source: must be an http or https address');
    expect(errorOf(() => parseTarget({ source: 'data:text/html,<b>x</b>', selector: [QUOTE, POSITION] })).message).toBe('target.source: must be an http or https address');
    expect(errorOf(() => parseTarget({ source: 'https://a.example/', selector: 'none' })).message).toBe('target.selector: must be a list');
    expect(errorOf(() => parseTarget({ source: 'https://a.example/', selector: [QUOTE, POSITION, 3] })).message).toBe('target.selector[2]: must be an object');
    expect(errorOf(() => parseTarget(null)).message).toBe('target: must be an object');
  });

  it('accepts only http(s) sources', () => {
    expect(parseSource('http://example.org/a?b=1', 's')).toBe('http://example.org/a?b=1');
    for (const bad of ['file:///etc/passwd', 'ftp://example.org/', '/relative', 'not a url', 'chrome-extension://abc/page.html']) {
      expect(errorOf(() => parseSource(bad, 's')).message).toBe('s: must be an http or https address');
    }
    expect(errorOf(() => parseSource(`https://a.example/${'x'.repeat(LIMITS.url)}`, 's')).message).toBe(`s: is longer than ${LIMITS.url} characters`);
  });

  it('cuts a page title to the limit and treats a missing one as empty', () => {
    expect(parsePageTitle('t'.repeat(1000))).toHaveLength(LIMITS.title);
    expect(parsePageTitle(undefined)).toBe('');
    expect(parsePageTitle(null)).toBe('');
    expect(errorOf(() => parsePageTitle(5)).message).toBe('pageTitle: must be text');
    expect(errorOf(() => parsePageTitle('t'.repeat(10_001))).message).toBe('pageTitle: is longer than 10000 characters');
  });
});
