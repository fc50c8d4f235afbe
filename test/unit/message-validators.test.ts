// Every message validator in src/shared/messages.ts with one payload it must accept and one it
// must refuse, and the dispatcher's check of the envelope. A message added without a case here
// fails the "has a case" test; a case whose message was removed is skipped.
import { describe, expect, it } from 'vitest';
import { BACKGROUND_CALL_SENDERS, backgroundValidators, contentValidators, parseEnvelope } from '../../src/shared/messages';
import { MAX_CHECKED_TEXT } from '../../src/shared/page-start';

interface Case {
  good: unknown;
  bad: unknown;
}

const ID = '0b9a6c2e-4f1d-4c3a-9e7b-000000000001';
const FIELDS = { claimant: 'sajid-javid', entities: ['gds'], madeOn: '2017-11', claimType: 'promise', status: 'made', deadline: null, note: '', tags: ['digital'] };
const TARGET = {
  source: 'https://www.gov.uk/government/news/a',
  selector: [{ type: 'TextQuoteSelector', exact: 'a call to arms', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 10, end: 24 }],
};
const DRAFT_START = { target: TARGET, pageTitle: 'News', pageDate: '2017-11-21', claimant: null, entities: ['gds'], mode: 'claim' };

const BACKGROUND_CASES: Record<string, Case> = {
  'page/start': { good: {}, bad: { host: 'www.gov.uk' } },
  'page/dictionary': { good: { text: 'The Government Digital Service', needsCode: true }, bad: { text: 'x'.repeat(MAX_CHECKED_TEXT + 1), needsCode: true } },
  'page/code': { good: { part: 'session' }, bad: { part: 'evil.js' } },
  'page/styles': { good: {}, bad: { files: ['evil.css'] } },
  'page/step-tab': { good: { direction: -1 }, bad: { direction: 1, frameId: 0 } },
  'entity/get': { good: { id: 'gds' }, bad: { id: 'GDS' } },
  'claims/for-page': { good: { url: 'https://www.gov.uk/a' }, bad: { url: `https://www.gov.uk/${'a'.repeat(2048)}` } },
  'claims/for-entity': { good: { entityId: 'gds' }, bad: { entityId: 'gds/../x' } },
  'draft/start': { good: DRAFT_START, bad: { ...DRAFT_START, mode: 'script' } },
  'echoes/find': { good: { sentences: ['We will publish a new local digital strategy.'], pageDate: '2025-06' }, bad: { sentences: [''], pageDate: null } },
  'draft/get': { good: { id: ID }, bad: { id: 'not-a-uuid' } },
  'draft/update': { good: { id: ID, fields: FIELDS }, bad: { id: ID, fields: { ...FIELDS, status: 'rumoured' } } },
  'draft/discard': { good: { id: ID }, bad: { id: ID.toUpperCase() } },
  'draft/save': { good: { id: ID, fields: FIELDS }, bad: { id: ID, fields: { ...FIELDS, madeOn: 'last week' } } },
  'drafts/list': { good: {}, bad: { all: true } },
  'claims/list': { good: {}, bad: { limit: 10 } },
  'claim/edit': { good: { id: ID }, bad: { id: 7 } },
  'claim/edit-on-page': { good: { id: ID }, bad: {} },
  'claim/delete': { good: { id: ID }, bad: { id: `${ID} ` } },
  'claim/open': { good: { id: ID }, bad: { id: null } },
  'entities/list': { good: {}, bad: { kind: 'person' } },
  'entity/create': { good: { kind: 'person', name: 'Steve Reed', summary: '' }, bad: { kind: 'company', name: 'Acme', summary: '' } },
  'entity/add-alias': { good: { entityId: 'gds', alias: 'the GDS team' }, bad: { entityId: 'gds', alias: '   ' } },
  'sync/export': { good: {}, bad: { format: 'csv' } },
  'sync/export-csv': { good: {}, bad: [] },
  'sync/preview': { good: { text: '{"format":"sound-familiar"}' }, bad: { text: { format: 'sound-familiar' } } },
  'sync/apply': { good: { token: ID }, bad: { token: 'token' } },
  'sync/backup': { good: {}, bad: null },
  'sync/undo': { good: {}, bad: { confirm: true } },
  'sync/conflicts': { good: {}, bad: 'all' },
  'sync/resolve': { good: { kind: 'entity', id: 'gds', rev: '2-0123456789abcdef' }, bad: { kind: 'claim', id: 'gds', rev: '2-0123456789abcdef' } },
  'sites/list': { good: {}, bad: { origin: 'https://www.example.org' } },
  'sites/turn-on': { good: { origin: 'https://www.example.org' }, bad: { origin: 'http://www.example.org' } },
  'sites/turn-off': { good: { origin: 'https://news.example.co.uk' }, bad: { origin: 'https://www.example.org/*' } },
  'packs/list': { good: {}, bad: { url: 'https://packs.example.org/a.json' } },
  'packs/subscribe': { good: { url: 'https://packs.example.org/a.json' }, bad: { url: 'http://packs.example.org/a.json' } },
  'packs/refresh': { good: { url: 'https://packs.example.org/a.json?v=2' }, bad: { url: 'https://packs.example.org/a.json#top' } },
  'packs/unsubscribe': { good: { url: 'https://packs.example.org/a.json' }, bad: { url: 'javascript:alert(1)' } },
  'teams/list': { good: {}, bad: { url: 'https://team.example.org/desk.json' } },
  'teams/subscribe': { good: { url: 'https://team.example.org/desk.json' }, bad: { url: 'https://user:pw@team.example.org/desk.json' } },
  'teams/refresh': { good: { url: 'https://team.example.org/desk.json' }, bad: { url: 'https://team.example.org:8443/desk.json' } },
  'teams/unsubscribe': { good: { url: 'https://team.example.org/desk.json' }, bad: { url: 'https://team.example.org/desk.json', all: true } },
  'teams/claims': { good: {}, bad: { team: 'team-0000abcd' } },
};

const CONTENT_CASES: Record<string, Case> = {
  'page/mentions': { good: {}, bad: { all: 1 } },
  'page/reveal': { good: { entityId: 'gds' }, bad: { entityId: '' } },
  'page/step': { good: { direction: -1, from: 'edge' }, bad: { direction: -1 } },
  'page/record': { good: { mode: 'entity' }, bad: { mode: 'claims' } },
  'page/refresh': { good: { dictionary: false }, bad: { dictionary: 'yes' } },
  'page/unplaced': { good: {}, bad: undefined },
  'page/echoes': { good: {}, bad: { count: 1 } },
  'page/sites': { good: { off: ['www.gov.uk'], on: [] }, bad: { off: ['www.gov.uk', 7], on: [] } },
};

const validatorSets = [
  ['background', backgroundValidators as Record<string, (p: unknown) => boolean>, BACKGROUND_CASES],
  ['content', contentValidators as Record<string, (p: unknown) => boolean>, CONTENT_CASES],
] as const;

describe.each(validatorSets)('%s validators', (_side, validators, cases) => {
  it('has a case for every message', () => {
    expect(Object.keys(validators).filter((call) => !(call in cases))).toEqual([]);
  });

  describe.each(Object.entries(cases))('%s', (call, { good, bad }) => {
    const validate = validators[call];
    it.skipIf(!validate)('accepts a good payload', () => {
      expect(validate!(structuredClone(good))).toBe(true);
    });
    it.skipIf(!validate)('refuses a bad payload', () => {
      expect(validate!(bad)).toBe(false);
    });
    it.skipIf(!validate)('refuses a payload that is not an object', () => {
      for (const p of [undefined, null, 'x', 1, [good]]) expect(validate!(p), JSON.stringify(p)).toBe(false);
    });
  });
});

describe('validators that read numbers and text from a page', () => {
  it('take a page\'s text to check only as one string under the cap, or null, with whether the code is needed', () => {
    const check = backgroundValidators['page/dictionary'];
    expect(check({ text: null, needsCode: false })).toBe(true);
    expect(check({ text: 'x'.repeat(MAX_CHECKED_TEXT), needsCode: true })).toBe(true);
    const bad = [{}, { text: null }, { text: 1, needsCode: true }, { text: ['a'], needsCode: true }, { text: 'a', needsCode: 'yes' }, { text: 'a', needsCode: true, url: 'https://evil.example/' }];
    for (const p of bad) expect(check(p), JSON.stringify(p)).toBe(false);
  });

  it('refuse a position JSON could not carry back out (1e400 parses as Infinity)', () => {
    const payload = JSON.parse(JSON.stringify(DRAFT_START).replace('"start":10', '"start":1e400'));
    expect(payload.target.selector[1].start).toBe(Infinity);
    expect(backgroundValidators['draft/start'](payload)).toBe(false);
  });

  it('answer false for wrong-shaped lists instead of throwing (a validator that throws skips the refusal path)', () => {
    const bad = [
      ['draft/start', { ...DRAFT_START, entities: 'gds' }],
      ['draft/start', { ...DRAFT_START, repeats: 'x' }],
      ['draft/start', { ...DRAFT_START, repeats: [7] }],
      ['echoes/find', { sentences: 'We will.', pageDate: null }],
      // More than an article's worth of text in all, each sentence within its own limit.
      ['echoes/find', { sentences: Array.from({ length: 201 }, () => 'We will. '.repeat(111)), pageDate: null }],
    ] as const;
    for (const [call, payload] of bad) expect(() => backgroundValidators[call](payload), `${call} ${JSON.stringify(payload)}`).not.toThrow();
    for (const [call, payload] of bad) expect(backgroundValidators[call](payload)).toBe(false);
  });

  it('do not read fields from the prototype chain', () => {
    expect(backgroundValidators['claim/open'](JSON.parse(`{"__proto__": {"id": "${ID}"}}`))).toBe(false);
  });
});

describe('parseEnvelope (the dispatcher’s check)', () => {
  it('passes a known call with a valid payload through', () => {
    expect(parseEnvelope({ call: 'entity/get', payload: { id: 'gds' } }, backgroundValidators)).toEqual({ call: 'entity/get', payload: { id: 'gds' } });
  });

  it.each([null, [], 'entity/get', { call: 7, payload: {} }, { payload: {} }])('refuses the malformed message %j', (message) => {
    expect(parseEnvelope(message, backgroundValidators)).toBe('malformed message');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'entity/GET'])('refuses %j as an unknown call', (call) => {
    expect(parseEnvelope({ call, payload: {} }, backgroundValidators)).toBe(`unknown call: ${call}`);
  });

  it('quotes at most 40 characters of an unknown call', () => {
    expect(parseEnvelope({ call: 'x'.repeat(1000), payload: {} }, backgroundValidators)).toBe(`unknown call: ${'x'.repeat(40)}`);
  });

  it('refuses a known call with an invalid payload, and does not mix up the two sides', () => {
    expect(parseEnvelope({ call: 'entity/get', payload: { id: 'GDS' } }, backgroundValidators)).toBe('invalid payload for entity/get');
    expect(parseEnvelope({ call: 'page/step', payload: { direction: 1 } }, backgroundValidators)).toBe('unknown call: page/step');
    expect(parseEnvelope({ call: 'sync/undo', payload: {} }, contentValidators)).toBe('unknown call: sync/undo');
  });

  it('knows who may send every background call', () => {
    expect(Object.keys(BACKGROUND_CALL_SENDERS).sort()).toEqual(Object.keys(backgroundValidators).sort());
  });
});
