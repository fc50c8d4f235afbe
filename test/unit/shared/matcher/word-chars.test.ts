import { describe, expect, it } from 'vitest';
import { isWordChar } from '../../../../src/shared/normalise';

// isWordChar decides Latin-1 and General Punctuation without its Unicode-property expression (so
// most pages never compile it): every answer must still be the expression's.
describe('isWordChar without the Unicode-property expression', () => {
  it('agrees with /[\\p{L}\\p{N}\\p{M}]/u on every BMP character outside the surrogates', () => {
    const expression = /[\p{L}\p{N}\p{M}]/u;
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (isWordChar(code) !== expression.test(String.fromCharCode(code))) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
