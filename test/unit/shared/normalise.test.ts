import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { charClass, CharClass, exactChar, foldedChar, foldText, isWordChar, normalise, normaliseAlias, SPACE } from '../../../src/shared/normalise';

describe('normalise', () => {
  it('collapses whitespace runs to one space and maps offsets back to the source', () => {
    const text = 'Greg \n\t  Clark said';
    const n = normalise(text);
    expect(n.exact).toBe('Greg Clark said');
    expect(n.folded).toBe('greg clark said');
    // "C" of Clark sits after the run in the source.
    const c = n.exact.indexOf('C');
    expect(text[n.sourceOffset[c]!]).toBe('C');
    expect(n.sourceOffset[c]).toBe(text.indexOf('C'));
    // The space maps to the first character of the run.
    expect(n.sourceOffset[4]).toBe(4);
    // One extra entry for the end of the text.
    expect(n.sourceOffset.length).toBe(n.exact.length + 1);
    expect(n.sourceOffset[n.exact.length]).toBe(text.length);
  });

  it('keeps leading whitespace as one space so offsets stay honest', () => {
    const n = normalise('   GDS');
    expect(n.exact).toBe(' GDS');
    expect(n.sourceOffset[1]).toBe(3);
  });

  it('treats every Unicode space (NBSP, thin, ideographic, line separator) as one space', () => {
    const n = normalise('a\u00a0b\u2009c\u3000d\u2028e\u202f\u00a0 f');
    expect(n.exact).toBe('a b c d e f');
  });

  it('unifies curly and straight apostrophes and quotes', () => {
    expect(normalise('Javid\u2019s').exact).toBe("Javid's");
    expect(normalise('Javid\u2018s \u02bc \uff07').exact).toBe("Javid's ' '");
    expect(normalise('\u201cGDS\u201d \u201e').exact).toBe('"GDS" "');
  });

  it('unifies dashes and the minus sign to a hyphen', () => {
    expect(normalise('Lane\u2013Fox Lane\u2014Fox Lane\u2010Fox Lane\u2212Fox').exact).toBe('Lane-Fox Lane-Fox Lane-Fox Lane-Fox');
  });

  it('drops the soft hyphen and zero-width characters and maps around them', () => {
    const text = 'Lo\u00adcal Dig\u200bital\u200d\ufeff';
    const n = normalise(text);
    expect(n.exact).toBe('Local Digital');
    const c = n.exact.indexOf('c');
    expect(n.sourceOffset[c]).toBe(text.indexOf('c'));
    expect(n.sourceOffset[n.exact.length]).toBe(text.length);
  });

  it('does not let a dropped character split a whitespace run', () => {
    expect(normalise('a \u200b b').exact).toBe('a b');
  });

  it('folds case and accents in `folded` but keeps them in `exact`', () => {
    const n = normalise('Café ZOË Ångström');
    expect(n.exact).toBe('Café ZOË Ångström');
    expect(n.folded).toBe('cafe zoe angstrom');
  });

  it('folds fullwidth ampersand to "&"', () => {
    expect(normalise('A\uff06B').exact).toBe('A&B');
  });

  it('leaves CJK and other scripts as they are', () => {
    const n = normalise('東京 Москва');
    expect(n.exact).toBe('東京 Москва');
    expect(n.folded).toBe('東京 москва');
  });

  it('normaliseAlias gives plain ASCII aliases exactly what the general path gives', () => {
    const ascii = fc.array(fc.constantFrom('a', 'Z', '0', '.', "'", '-', '&', ' ', '  ', '\t', '~', '@'), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(ascii, (alias) => {
        const { exact, folded } = normalise(alias.trim());
        expect(normaliseAlias(alias)).toEqual({ exact, folded });
      }),
      { numRuns: 2000 },
    );
  });

  it('normaliseAlias trims and normalises like page text', () => {
    expect(normaliseAlias('  Linda O\u2019Halloran \n')).toEqual({ exact: "Linda O'Halloran", folded: "linda o'halloran" });
  });

  it('property: exact and folded have equal length, offsets increase and point at non-dropped source chars', () => {
    const chars = fc.constantFrom(
      'a', 'Z', 'é', 'É', ' ', '\n', '\t', '\u00a0', '\u00ad', '\u200b', '\u2019', '\u201c', '\u2014', '-', '東', '😀', '\u0301', '.', 'İ', 'ß',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }).map((a) => a.join('')), (text) => {
        const n = normalise(text);
        expect(n.folded.length).toBe(n.exact.length);
        expect(n.sourceOffset.length).toBe(n.exact.length + 1);
        for (let i = 0; i < n.exact.length; i++) {
          const src = n.sourceOffset[i]!;
          expect(src).toBeGreaterThanOrEqual(i === 0 ? 0 : n.sourceOffset[i - 1]! + 1);
          const code = text.charCodeAt(src);
          if (n.exact.charCodeAt(i) === SPACE) expect(exactChar(code)).toBe(SPACE);
          else expect(n.exact.charCodeAt(i)).toBe(exactChar(code));
          expect(n.folded.charCodeAt(i)).toBe(n.exact.charCodeAt(i) === SPACE ? SPACE : foldedChar(code));
        }
        expect(n.sourceOffset[n.exact.length]).toBe(text.length);
        expect(n.exact).not.toMatch(/ {2}/);
      }),
    );
  });
});

describe('isWordChar', () => {
  const is = (ch: string) => isWordChar(ch.charCodeAt(0));
  it('accepts ASCII letters and digits', () => {
    for (const ch of ['a', 'z', 'A', 'Z', '0', '9']) expect(is(ch)).toBe(true);
  });
  it('rejects ASCII punctuation and whitespace', () => {
    for (const ch of [' ', '.', '/', '@', "'", '-', '_', '#', '(', ')', '&', '\n', '`', '[', '{']) expect(is(ch)).toBe(false);
  });
  it('accepts accented and non-Latin letters, CJK and combining marks', () => {
    for (const ch of ['é', 'Ø', 'ß', 'Ж', 'ש', 'ع', '東', 'ア', '\u0301', '٣']) expect(is(ch)).toBe(true);
  });
  it('rejects Unicode punctuation and spaces', () => {
    for (const ch of ['\u00a0', '\u2019', '\u201c', '\u2014', '\u3002', '\u00bf', '\u00a7', '\u2022']) expect(is(ch)).toBe(false);
  });
  it('treats surrogate halves as word characters, so astral letters do not open a boundary', () => {
    expect(is('\ud835')).toBe(true);
    expect(is('\udc00')).toBe(true);
  });
  it('gives the same answer on a second (cached) call', () => {
    expect(is('ж')).toBe(true);
    expect(is('ж')).toBe(true);
    expect(is('\u2022')).toBe(false);
    expect(is('\u2022')).toBe(false);
  });
});

describe('charClass', () => {
  it('sorts characters into dropped, space, word and other', () => {
    expect(['\u00ad', ' ', '\u00a0', 'a', 'É', '7', '\u0301', "'", '.', '\u2019'].map((c) => charClass(c.charCodeAt(0)))).toEqual([
      CharClass.Dropped, CharClass.Space, CharClass.Space, CharClass.Word, CharClass.Word, CharClass.Word, CharClass.Word,
      CharClass.Other, CharClass.Other, CharClass.Other,
    ]);
  });

  // The search relies on this: it decides where words start on page text and on folded aliases alike.
  it('gives every BMP character the class of its folded form', () => {
    const changed: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (charClass(code) === CharClass.Dropped) continue;
      if (charClass(foldedChar(code)) !== charClass(code)) changed.push(code.toString(16));
    }
    expect(changed).toEqual([]);
  });
});

describe('per-character tables', () => {
  // The tables are filled on first sight with 0 meaning "not decided": characters whose answer is 0
  // (dropped ones, NUL) are decided again on every call and must get the same answer each time.
  it('answers the same on a second call for every BMP character, dropped ones included', () => {
    const first = (code: number) => [exactChar(code), foldedChar(code), charClass(code)].join();
    const answers = Array.from({ length: 0x10000 }, (_, code) => first(code));
    const differ = answers.filter((a, code) => first(code) !== a);
    expect(differ).toEqual([]);
    expect([0x00, 0xad, 0x200b, 0xfeff].map((c) => [exactChar(c), foldedChar(c)])).toEqual([[0, 0], [0, 0], [0, 0], [0, 0]]);
  });
});

describe('foldText', () => {
  it('folds case, accents, typographic quotes and dashes, and drops invisible characters', () => {
    expect(foldText('Café “quoted” – dash')).toBe('cafe "quoted" - dash');
    expect(foldText('GOV.UK Verify’s')).toBe("gov.uk verify's");
    expect(foldText('co\u00adoperation\u200b')).toBe('cooperation');
  });

  it('folds as the matcher does: normalise().folded is foldText with whitespace runs collapsed', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(foldText(s).replace(/ {2,}/g, ' ')).toBe(normalise(s).folded);
    }));
  });
});
