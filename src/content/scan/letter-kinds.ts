// What sentences.ts and title-context.ts ask of a character: letter (upper or lower case), number,
// JS white space. Answered from tables spelt out for ASCII and Latin-1 and, for any other BMP
// character, from a Unicode-property expression tried once per character and cached. Compiling a
// \p{…} expression costs milliseconds in every frame that starts (V8 builds its class tables then),
// and an English page asks about Latin-1 characters and General Punctuation only, so most frames
// never compile one. Surrogate halves are not answered here: callers fall back to the expressions
// themselves for text that holds any (an astral letter is one code point to them).

const UPPER = 1;
const LOWER = 2;
const LETTER = 4;
const NUMBER = 8;
const DECIDED = 16;

const table = new Uint8Array(0x10000);
for (let c = 0x41; c <= 0x5a; c++) table[c] = UPPER | LETTER;
for (let c = 0x61; c <= 0x7a; c++) table[c] = LOWER | LETTER;
for (let c = 0x30; c <= 0x39; c++) table[c] = NUMBER;
for (let c = 0xc0; c <= 0xde; c++) if (c !== 0xd7) table[c] = UPPER | LETTER;
for (let c = 0xdf; c <= 0xff; c++) if (c !== 0xf7) table[c] = LOWER | LETTER;
table[0xb5] = LOWER | LETTER; // µ
table[0xaa] = LETTER; // ª (Lo)
table[0xba] = LETTER; // º (Lo)
for (const c of [0xb2, 0xb3, 0xb9, 0xbc, 0xbd, 0xbe]) table[c] = NUMBER; // ² ³ ¹ ¼ ½ ¾ (No)
for (let c = 0; c < 0x100; c++) table[c]! |= DECIDED;
// General Punctuation (dashes, curly quotes, bullets, ellipsis) holds no letter or number.
for (let c = 0x2000; c <= 0x206f; c++) table[c] = DECIDED;

let expressions: { upper: RegExp; lower: RegExp; letter: RegExp; number: RegExp } | undefined;

/** The kind bits of a code unit; none for -1 (no character: past the end of a text). */
function kind(code: number): number {
  if (code < 0) return 0;
  const known = table[code]!;
  if (known & DECIDED) return known;
  expressions ??= { upper: /\p{Lu}/u, lower: /\p{Ll}/u, letter: /\p{L}/u, number: /\p{N}/u };
  const ch = String.fromCharCode(code);
  const k = DECIDED | (expressions.upper.test(ch) ? UPPER : 0) | (expressions.lower.test(ch) ? LOWER : 0)
    | (expressions.letter.test(ch) ? LETTER : 0) | (expressions.number.test(ch) ? NUMBER : 0);
  table[code] = k;
  return k;
}

/** \p{Lu} for a BMP code unit that is not a surrogate half. */
export const isUpper = (code: number): boolean => (kind(code) & UPPER) !== 0;
/** \p{Ll}, likewise. */
export const isLower = (code: number): boolean => (kind(code) & LOWER) !== 0;
/** \p{L}, likewise. */
export const isLetter = (code: number): boolean => (kind(code) & LETTER) !== 0;
/** [\p{L}\p{N}], likewise. */
export const isLetterOrNumber = (code: number): boolean => (kind(code) & (LETTER | NUMBER)) !== 0;

/** JavaScript's \s (white space and line terminators, with or without the u flag). */
export function isJsSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680
    || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Whether `text[from, to)` holds a surrogate half, so the tables above cannot answer for it. */
export function hasSurrogate(text: string, from = 0, to = text.length): boolean {
  for (let i = Math.max(0, from); i < to && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}
