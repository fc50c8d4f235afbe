import { describe, expect, it } from 'vitest';
import { hasSurrogate, isJsSpace, isLetter, isLetterOrNumber, isLower, isUpper } from '../../../../src/content/scan/letter-kinds';

describe('letter kinds', () => {
  it('answer as the Unicode-property expressions do for every BMP character outside the surrogates', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      const want = [/\p{Lu}/u.test(ch), /\p{Ll}/u.test(ch), /\p{L}/u.test(ch), /[\p{L}\p{N}]/u.test(ch), /\s/u.test(ch)];
      const got = [isUpper(code), isLower(code), isLetter(code), isLetterOrNumber(code), isJsSpace(code)];
      if (want.some((w, i) => w !== got[i])) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('say no character for -1 and find surrogate halves', () => {
    expect([isUpper(-1), isLower(-1), isLetter(-1), isLetterOrNumber(-1)]).toEqual([false, false, false, false]);
    expect(hasSurrogate('plain text, café – “quoted”')).toBe(false);
    expect(hasSurrogate('a 𝐀 b')).toBe(true);
    expect(hasSurrogate('a 𝐀 b', 0, 2)).toBe(false);
  });
});

describe('word edges of a title (title-context.ts)', () => {
  it('are where the Unicode-property expressions put them', async () => {
    const { wordEdges } = await import('../../../../src/content/scan/title-context');
    const { prng } = await import('../../helpers/corpus');
    const random = prng(7);
    const pieces = ['former', ' ', 'Cabinet', 'Office', '-', '’', 'Ærø', 'x²', '½', '3rd', '—', 'ǅemal', 'абв', '.', ',', '\u00a0', 'ª', 'é', '\u0301'];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let k = 0, count = Math.floor(random() * 10); k < count; k++) text += pieces[Math.floor(random() * pieces.length)]!;
      expect(wordEdges(text), text).toEqual({
        starts: [...text.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu)].map((m) => m.index),
        ends: [...text.matchAll(/[\p{L}\p{N}](?![\p{L}\p{N}])/gu)].map((m) => m.index + 1),
      });
    }
  });
});
