import { describe, expect, it } from 'vitest';
import { backgroundValidators, contentValidators, isStepAnswer, parseEnvelope } from '../../../src/shared/messages';

describe('backgroundValidators', () => {
  const start = backgroundValidators['page/start'];
  const entity = backgroundValidators['entity/get'];

  it('page/start accepts an empty payload, all a tab sends (its site is the sender\'s own)', () => {
    expect(start({})).toBe(true);
  });

  it('page/start rejects anything else: a version, the old { have: null }, a host the page would name', () => {
    for (const p of [undefined, null, [], 'x', 1, { have: null }, { have: undefined }, { have: 1 }, { have: '' }, { have: 'ABC' }, { have: '44-1a2b3c4d' },
      { have: '44 1a' }, { have: 'a'.repeat(41) }, { have: ['44-1'] }, { have: {} }, { host: 'www.gov.uk' }]) {
      expect(start(p), JSON.stringify(p)).toBe(false);
    }
  });

  it('entity/get accepts well-formed ids up to 80 characters', () => {
    expect(entity({ id: 'sajid-javid' })).toBe(true);
    expect(entity({ id: 'gds' })).toBe(true);
    expect(entity({ id: 'a'.repeat(80) })).toBe(true);
  });

  it('entity/get rejects overlong ids, upper case, spaces and other junk', () => {
    for (const p of [{ id: 'a'.repeat(81) }, { id: 'Sajid-Javid' }, { id: 'sajid javid' }, { id: '' }, { id: '-gds' },
      { id: 'gds\n' }, { id: '../etc' }, { id: 'gds_x' }, { id: 7 }, { id: null }, {}, null, [], 'gds', { ids: 'gds' }]) {
      expect(entity(p), JSON.stringify(p)).toBe(false);
    }
  });

  it('does not take an id from the prototype chain (JSON "__proto__" is an own key)', () => {
    expect(entity(JSON.parse('{"__proto__": {"id": "gds"}}'))).toBe(false);
  });
});

describe('contentValidators', () => {
  it('page/mentions takes exactly an empty object', () => {
    expect(contentValidators['page/mentions']({})).toBe(true);
    expect(contentValidators['page/mentions']({ x: 1 })).toBe(false);
    expect(contentValidators['page/mentions'](null)).toBe(false);
    expect(contentValidators['page/mentions']([])).toBe(false);
    expect(contentValidators['page/mentions'](undefined)).toBe(false);
  });

  it('page/reveal takes an entity id', () => {
    expect(contentValidators['page/reveal']({ entityId: 'gds' })).toBe(true);
    expect(contentValidators['page/reveal']({ entityId: 'GDS' })).toBe(false);
    expect(contentValidators['page/reveal']({ entityId: 'x'.repeat(81) })).toBe(false);
    expect(contentValidators['page/reveal']({ id: 'gds' })).toBe(false);
  });

  it('page/step takes direction 1 or -1 only, and where the frame starts from', () => {
    expect(contentValidators['page/step']({ direction: 1, from: 'shown' })).toBe(true);
    expect(contentValidators['page/step']({ direction: -1, from: 'edge' })).toBe(true);
    for (const direction of [0, 2, '1', -1.5, null, undefined]) {
      expect(contentValidators['page/step']({ direction, from: 'edge' }), String(direction)).toBe(false);
    }
    for (const from of [undefined, '', 'top', 'Edge', 1]) {
      expect(contentValidators['page/step']({ direction: 1, from }), String(from)).toBe(false);
    }
  });

  it('a frame\'s answer to page/step is one of four words', () => {
    for (const answer of ['moved', 'end', 'idle', 'failed']) expect(isStepAnswer(answer)).toBe(true);
    for (const answer of [true, false, 'Moved', '', null, undefined, { moved: true }, ['moved']]) expect(isStepAnswer(answer), String(answer)).toBe(false);
  });
});

describe('parseEnvelope', () => {
  it('returns call and payload for a valid message', () => {
    expect(parseEnvelope({ call: 'entity/get', payload: { id: 'gds' } }, backgroundValidators)).toEqual({ call: 'entity/get', payload: { id: 'gds' } });
    expect(parseEnvelope({ call: 'page/step', payload: { direction: -1, from: 'shown' } }, contentValidators)).toEqual({ call: 'page/step', payload: { direction: -1, from: 'shown' } });
  });

  it('rejects non-objects and messages without a string call', () => {
    for (const m of [null, undefined, 'entity/get', 42, [], ['entity/get'], {}, { call: 1, payload: {} }, { payload: { id: 'gds' } }]) {
      expect(parseEnvelope(m, backgroundValidators), JSON.stringify(m)).toBe('malformed message');
    }
  });

  it('rejects calls the map does not define, including a content call sent to the background', () => {
    expect(parseEnvelope({ call: 'page/step', payload: { direction: 1 } }, backgroundValidators)).toMatch(/^unknown call/);
    expect(parseEnvelope({ call: 'entity/get', payload: { id: 'gds' } }, contentValidators)).toMatch(/^unknown call/);
    expect(parseEnvelope({ call: 'entity/delete', payload: { id: 'gds' } }, backgroundValidators)).toMatch(/^unknown call/);
  });

  it('rejects inherited names: __proto__, constructor, toString, hasOwnProperty', () => {
    for (const call of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      expect(parseEnvelope({ call, payload: {} }, backgroundValidators), call).toMatch(/^unknown call/);
      expect(parseEnvelope(JSON.parse(`{"call": "${call}", "payload": {}}`), contentValidators), call).toMatch(/^unknown call/);
    }
  });

  it('truncates an overlong unknown call name in the error', () => {
    const error = parseEnvelope({ call: 'x'.repeat(10_000), payload: {} }, backgroundValidators);
    expect(typeof error === 'string' && error.length < 100).toBe(true);
  });

  it('rejects a missing or invalid payload', () => {
    expect(parseEnvelope({ call: 'entity/get' }, backgroundValidators)).toBe('invalid payload for entity/get');
    expect(parseEnvelope({ call: 'page/start' }, backgroundValidators)).toBe('invalid payload for page/start');
    expect(parseEnvelope({ call: 'entity/get', payload: { id: 'Not An Id' } }, backgroundValidators)).toBe('invalid payload for entity/get');
    expect(parseEnvelope({ call: 'page/mentions', payload: null }, contentValidators)).toBe('invalid payload for page/mentions');
  });
});
