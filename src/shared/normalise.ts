// Text normalisation for matching: folds case, accents, typographic punctuation and
// whitespace runs, while keeping a map back to the original offsets so a match can be
// turned into a DOM range without a second pass. Not a general Unicode normaliser.

/** Characters dropped entirely: soft hyphen and zero-width characters sit inside words on real pages. */
const DROPPED = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

const APOSTROPHES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0xff07]);
const QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xff02]);
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]);
const AMPERSANDS = new Set([0xff06, 0xfe60]);

/** Code 0x20, the one whitespace every run folds to. */
export const SPACE = 0x20;

// Lazily filled per-character tables: computing all 65,536 up front would be a ~30 ms task in
// every tab, and real pages use a few hundred distinct characters. 0 means not decided yet, so a
// table needs no fill at load; the few characters whose answer is 0 (dropped ones, NUL) are
// decided again at each call, which is cheap.
const exactTable = new Uint16Array(0x10000);
const foldedTable = new Uint16Array(0x10000);

/**
 * The one definition of whitespace, shared by matching (here) and anchoring (content/anchoring/
 * page-text.ts): where they disagreed, a quote spanning a line separator could not be found.
 */
export function isWhitespace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000
  );
}

/** Punctuation unified, case and accents kept. Whitespace maps to SPACE; dropped chars to 0. */
export function exactChar(code: number): number {
  let v = exactTable[code]!;
  if (v !== 0) return v;
  if (DROPPED.has(code)) v = 0;
  else if (isWhitespace(code)) v = SPACE;
  else if (APOSTROPHES.has(code)) v = 0x27;
  else if (QUOTES.has(code)) v = 0x22;
  else if (DASHES.has(code)) v = 0x2d;
  else if (AMPERSANDS.has(code)) v = 0x26;
  else v = code;
  exactTable[code] = v;
  return v;
}

/** As exactChar, then lower-cased and stripped of accents (é → e). One code unit in, one out. */
export function foldedChar(code: number): number {
  let v = foldedTable[code]!;
  if (v !== 0) return v;
  v = exactChar(code);
  if (v > 0x7f) {
    const base = String.fromCharCode(v).normalize('NFD').charCodeAt(0);
    const lower = String.fromCharCode(base).toLowerCase();
    // Multi-unit lower cases (e.g. İ → i̇) keep their first unit, which is the base letter.
    v = lower.length >= 1 ? lower.charCodeAt(0) : base;
  } else if (v >= 0x41 && v <= 0x5a) {
    v += 0x20;
  }
  foldedTable[code] = v;
  return v;
}

/** A text in both normalised forms, with a map from each normalised offset to the source offset. */
export interface NormalisedText {
  /** Case and accents kept; punctuation and whitespace unified. */
  exact: string;
  /** Lower-cased, accents stripped; same length as `exact`. */
  folded: string;
  /** `sourceOffset[i]` is the offset in the source text of normalised char i; one extra entry for the end. */
  sourceOffset: Int32Array;
}

/**
 * Normalises `text`: whitespace runs become one space, dropped characters vanish, and every
 * other character maps one to one. Leading whitespace is kept as one space so offsets stay honest.
 * The page scan does not call this (it reads page text in place, see matcher/search.ts); aliases
 * and the tests' reference matcher do.
 */
export function normalise(text: string): NormalisedText {
  const n = text.length;
  const exact = new Uint16Array(n);
  const folded = new Uint16Array(n);
  const sourceOffset = new Int32Array(n + 1);
  let out = 0;
  let lastWasSpace = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const e = exactChar(code);
    if (e === 0) continue;
    if (e === SPACE) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else {
      lastWasSpace = false;
    }
    exact[out] = e;
    folded[out] = foldedChar(code);
    sourceOffset[out] = i;
    out++;
  }
  sourceOffset[out] = n;
  return { exact: decode(exact, out), folded: decode(folded, out), sourceOffset: sourceOffset.slice(0, out + 1) };
}

const CHUNK = 8192;
function decode(codes: Uint16Array, length: number): string {
  let s = '';
  for (let i = 0; i < length; i += CHUNK) {
    s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]);
  }
  return s;
}

/**
 * `text` folded as the matcher folds page text, one character at a time (foldedChar): case, accents,
 * typographic quotes, apostrophes and dashes, and every whitespace character as a plain space;
 * dropped characters (soft hyphens, zero-width) left out. The one folding for text people search.
 */
export function foldText(text: string): string {
  const out = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const f = foldedChar(text.charCodeAt(i));
    if (f !== 0) out[n++] = f;
  }
  return decode(out, n);
}

/** Normalises an alias the same way as page text, trimmed. */
export function normaliseAlias(alias: string): { exact: string; folded: string } {
  const text = alias.trim();
  // Most aliases are printable ASCII words separated by single spaces, which normalise to
  // themselves: a 50,000-alias dictionary builds noticeably faster without the general path.
  if (PLAIN_ASCII.test(text)) return { exact: text, folded: text.toLowerCase() };
  const { exact, folded } = normalise(text);
  return { exact, folded };
}
const PLAIN_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** What a character is to the matcher, decided once per character and cached. */
export const CharClass = { Dropped: 1, Space: 2, Word: 3, Other: 4 } as const;
// Per character: its class in the high 16 bits, its folded form in the low 16; 0 until decided.
// Decided on first sight, not up front: doing all of Latin-1 at load (128 NFD normalisations) cost
// every frame the content script loads in, whether it ever scanned or not.
const charInfoCache = new Int32Array(0x10000);

/**
 * A character's class and folded form in one lookup, as `class << 16 | folded`: the page scan
 * reads this once per character. Dropped (vanishes, see DROPPED), Space (any whitespace), Word
 * (letter, digit or mark) or Other (punctuation and symbols). Folding keeps a character's class.
 */
export function charInfo(code: number): number {
  const cached = charInfoCache[code]!;
  if (cached !== 0) return cached;
  const e = exactChar(code);
  const c = e === 0 ? CharClass.Dropped : e === SPACE ? CharClass.Space : isWordChar(e) ? CharClass.Word : CharClass.Other;
  const info = (c << 16) | foldedChar(code);
  charInfoCache[code] = info;
  return info;
}

/** The class alone (see charInfo). */
export function charClass(code: number): number {
  return charInfo(code) >>> 16;
}

// Made on first need: creating a Unicode-property expression builds its character sets (~0.5 ms),
// and an English page rarely asks about a character past Latin-1 that is not punctuation.
let letterOrDigit: RegExp | undefined;
/** letterOrDigit's answer for U+0080–U+00FF (ª ² ³ µ ¹ º ¼ ½ ¾ and the accented letters), spelt out. */
const LATIN1_WORD = new Set([0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe]);
for (let c = 0xc0; c <= 0xff; c++) if (c !== 0xd7 && c !== 0xf7) LATIN1_WORD.add(c);
const UNKNOWN = 0;
const WORD = 1;
const NOT_WORD = 2;
const wordCharCache = new Uint8Array(0x10000);

/** True for Unicode letters, digits and combining marks: what a word is made of. */
export function isWordChar(code: number): boolean {
  const cached = wordCharCache[code];
  if (cached !== UNKNOWN) return cached === WORD;
  const yes =
    code < 0x80
      ? (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
      : code < 0x100
        ? LATIN1_WORD.has(code)
        // General Punctuation (… • ‹ › ‰) holds no letter, digit or mark. These two cases spare most
        // pages compiling the Unicode-property expression (~2 ms in every frame that starts).
        : code >= 0x2000 && code <= 0x206f
          ? false
          // Surrogate halves are treated as word characters: astral letters should not open a boundary.
          : (code >= 0xd800 && code <= 0xdfff) || (letterOrDigit ??= /[\p{L}\p{N}\p{M}]/u).test(String.fromCharCode(code));
  wordCharCache[code] = yes ? WORD : NOT_WORD;
  return yes;
}
