// The validation toolkit (src/shared/validate.ts) the claim and import checks are built from.
import { describe, expect, it } from 'vitest';
import {
  array, entityId, integer, object, oneOf, optionalPartialDate, optionalString, partialDate, passes, string, uuid, ValidationError,
} from '../../../../src/shared/validate';

const message = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as Error).message;
  }
  throw new Error('expected a ValidationError');
};

describe('validate', () => {
  it('object accepts plain objects only', () => {
    const o = { a: 1 };
    expect(object(o, 'x')).toBe(o);
    for (const bad of [null, [], 'a', 1, undefined]) expect(message(() => object(bad, 'x'))).toBe('x: must be an object');
  });

  it('string checks type, length and emptiness', () => {
    expect(string('abc', 's', 3)).toBe('abc');
    expect(string('', 's', 3)).toBe('');
    expect(message(() => string('abcd', 's', 3))).toBe('s: is longer than 3 characters');
    expect(message(() => string(' ', 's', 3, { allowEmpty: false }))).toBe('s: must not be empty');
    expect(message(() => string(['a'], 's', 3))).toBe('s: must be text');
    expect(optionalString(null, 's', 3)).toBeNull();
    expect(optionalString(undefined, 's', 3)).toBeNull();
    expect(message(() => optionalString(3, 's', 3))).toBe('s: must be text');
  });

  it('oneOf, integer and array', () => {
    expect(oneOf('b', 'k', ['a', 'b'] as const)).toBe('b');
    expect(message(() => oneOf('c', 'k', ['a', 'b']))).toBe('k: must be one of a, b');
    expect(integer(5, 'n', 0, 5)).toBe(5);
    for (const bad of [6, -1, 1.5, '3', NaN, Infinity]) expect(message(() => integer(bad, 'n', 0, 5))).toBe('n: must be a whole number from 0 to 5');
    expect(array([1, 2], 'l', 2, (v, p) => integer(v, p, 0, 9))).toEqual([1, 2]);
    expect(message(() => array([1, 2, 3], 'l', 2, (v) => v))).toBe('l: has more than 2 items');
    expect(message(() => array([1, 'x'], 'l', 2, (v, p) => integer(v, p, 0, 9)))).toBe('l[1]: must be a whole number from 0 to 9');
    expect(message(() => array({ length: 1 }, 'l', 2, (v) => v))).toBe('l: must be a list');
  });

  it('partial dates: year, month or day, with month 01–12 and day 01–31', () => {
    for (const ok of ['2017', '2017-11', '2017-11-21', '1999-01-31']) expect(partialDate(ok, 'd')).toBe(ok);
    for (const bad of ['17', '2017-1', '2017-00', '2017-13', '2017-11-32', '2017-11-00', '2017/11', ' 2017', 2017]) {
      expect(message(() => partialDate(bad, 'd'))).toBe('d: must be a date like 2017, 2017-11 or 2017-11-21');
    }
    expect(optionalPartialDate('', 'd')).toBeNull();
    expect(optionalPartialDate(null, 'd')).toBeNull();
  });

  it('entity ids and uuids', () => {
    expect(entityId('gov-uk-verify', 'e')).toBe('gov-uk-verify');
    for (const bad of ['-gds', 'GDS', 'a b', '', 'x'.repeat(81), 'a_b']) expect(() => entityId(bad, 'e')).toThrow(ValidationError);
    expect(entityId('x'.repeat(80), 'e')).toHaveLength(80);
    expect(uuid('0f8fad5b-d9cb-469f-a165-70867728950e', 'u')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    for (const bad of ['0F8FAD5B-D9CB-469F-A165-70867728950E', 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e', '0f8fad5b']) {
      expect(message(() => uuid(bad, 'u'))).toBe('u: must be a UUID');
    }
  });

  it('passes turns validation errors into false and lets other errors through', () => {
    expect(passes(() => string('a', 's', 1))).toBe(true);
    expect(passes(() => string('ab', 's', 1))).toBe(false);
    expect(() => passes(() => { throw new TypeError('boom'); })).toThrow(TypeError);
  });
});
