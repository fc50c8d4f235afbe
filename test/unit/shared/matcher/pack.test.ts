import { describe, expect, it } from 'vitest';
import { CASE_SENSITIVE, DOMAIN_LIKE, NEEDS_CONTEXT, type AliasSpec } from '../../../../src/shared/matcher/alias-rules';
import { buildAutomaton, type Automaton } from '../../../../src/shared/matcher/automaton';
import { checkConsistent, packAutomaton, unpackAutomaton, type PackedAutomaton } from '../../../../src/shared/matcher/pack';
import { createSearcher, findMatches } from '../../../../src/shared/matcher/search';

const ALIASES: AliasSpec[] = [
  { text: 'GDS', entity: 0, flags: CASE_SENSITIVE },
  { text: 'gov.uk', entity: 1, flags: CASE_SENSITIVE | DOMAIN_LIKE },
  { text: 'GOV.UK', entity: 1, flags: CASE_SENSITIVE | DOMAIN_LIKE },
  { text: 'Local Digital Coalition', entity: 2, flags: 0 },
  { text: 'Local Digital', entity: 3, flags: CASE_SENSITIVE | NEEDS_CONTEXT },
  { text: 'Zoë', entity: 4, flags: 0 },
  { text: '東京', entity: 5, flags: 0 },
];
const TEXT = 'GDS and GOV.UK (www.gov.uk) with the Local Digital Coalition, Local Digital, local digital, ZOE, 「東京」.';

function arrays(a: Automaton) {
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, Array.from(v as ArrayLike<unknown>)]));
}

describe('packAutomaton / unpackAutomaton', () => {
  it('round-trips every array exactly', () => {
    const a = buildAutomaton(ALIASES);
    const b = unpackAutomaton(packAutomaton(a));
    expect(arrays(b)).toEqual(arrays(a));
    expect(b.edgeChar).toBeInstanceOf(Uint16Array);
    expect(b.variantFlags).toBeInstanceOf(Uint8Array);
    expect(b.firstWords).toBeInstanceOf(Int32Array);
  });

  it('survives JSON (as Chromium messaging sends it) and gives identical search results', () => {
    const a = buildAutomaton(ALIASES);
    const packed = JSON.parse(JSON.stringify(packAutomaton(a))) as PackedAutomaton;
    const before = findMatches(createSearcher(a), (TEXT));
    const after = findMatches(createSearcher(unpackAutomaton(packed)), TEXT);
    expect(before.length).toBe(6);
    expect(after).toEqual(before);
  });

  it('round-trips an empty automaton and one whose byte length is not a multiple of 4', () => {
    for (const aliases of [[], [{ text: 'ab', entity: 0, flags: 1 }], [{ text: 'abc', entity: 0, flags: 1 }, { text: 'x y', entity: 1, flags: 2 }]]) {
      const a = buildAutomaton(aliases);
      expect(arrays(unpackAutomaton(packAutomaton(a)))).toEqual(arrays(a));
    }
  });

  it('writes canonical base64 whatever the byte length modulo 3', () => {
    for (const text of ['a', 'ab', 'abc', 'abcd', 'abcde', 'a b c d e f']) {
      const p = packAutomaton(buildAutomaton([{ text, entity: 0, flags: 1 }]));
      expect(Buffer.from(p.bytes, 'base64').toString('base64')).toBe(p.bytes);
    }
  });

  it('rejects a value with the wrong number of lengths', () => {
    const p = packAutomaton(buildAutomaton(ALIASES));
    expect(() => unpackAutomaton({ ...p, lengths: p.lengths.slice(1) })).toThrow(/wrong shape/);
  });

  it('rejects lengths that do not add up to the bytes', () => {
    const p = packAutomaton(buildAutomaton(ALIASES));
    const lengths = [...p.lengths];
    lengths[0] = lengths[0]! - 1;
    expect(() => unpackAutomaton({ ...p, lengths })).toThrow();
    const longer = [...p.lengths];
    longer[3] = longer[3]! + 1000;
    expect(() => unpackAutomaton({ ...p, lengths: longer })).toThrow();
  });

  it('rejects truncated bytes and a variantExact list of the wrong length', () => {
    const p = packAutomaton(buildAutomaton(ALIASES));
    expect(() => unpackAutomaton({ ...p, bytes: p.bytes.slice(0, p.bytes.length - 8) })).toThrow();
    expect(() => unpackAutomaton({ ...p, variantExact: p.variantExact.slice(1) })).toThrow(/wrong size/);
  });

  it('rejects bytes that are not base64', () => {
    const p = packAutomaton(buildAutomaton(ALIASES));
    expect(() => unpackAutomaton({ ...p, bytes: '!!not base64!!' })).toThrow();
  });

  // Regression test: this failed before the fix in the same commit.
  it('rejects an automaton whose edge target is not a node', () => {
    const a = buildAutomaton([{ text: 'abc', entity: 0, flags: 0 }]);
    a.edgeTarget[1] = 99_999;
    expect(() => unpackAutomaton(packAutomaton(a))).toThrow();
  });

  // Regression test: this failed before the fix in the same commit.
  it('rejects per-node arrays whose lengths disagree with the node count', () => {
    const a = buildAutomaton([{ text: 'abc', entity: 0, flags: 0 }]);
    const p = packAutomaton(a);
    // Move one entry from `nodePattern` (index 2) to `edgeTarget` (index 1): same byte total.
    const lengths = [...p.lengths];
    lengths[1] = lengths[1]! + 1;
    lengths[2] = lengths[2]! - 1;
    expect(() => unpackAutomaton({ ...p, lengths })).toThrow();
  });

  it('rejects a first-word set with no empty slot, which would make a probe loop forever', () => {
    const a = buildAutomaton([{ text: 'abc', entity: 0, flags: 0 }]);
    a.firstWords.fill(7);
    expect(() => unpackAutomaton(packAutomaton(a))).toThrow(/first-word set/);
  });

  // The full index check runs where the automaton is packed (the background), once; a tab's unpack
  // checks only the shape. So a bad automaton is refused before it is ever sent.
  it('refuses to pack an automaton whose edge leads back up the trie (a walk that could loop)', () => {
    const a = buildAutomaton([{ text: 'abc', entity: 0, flags: 0 }]);
    a.edgeTarget[2] = 1;
    expect(() => checkConsistent(a)).toThrow(/leads outside the trie/);
    expect(() => packAutomaton(a)).toThrow(/leads outside the trie/);
  });

  it('rejects a pattern whose variant range runs backwards, which a search would loop over', () => {
    const a = buildAutomaton([{ text: 'abc', entity: 0, flags: 0 }, { text: 'abd', entity: 1, flags: 0 }]);
    const p = packAutomaton(a);
    // patternVariantStart is the fifth Int32 table: its middle entry is set past the end.
    const bytes = Buffer.from(p.bytes, 'base64');
    const offset = p.lengths.slice(0, 4).reduce((sum, n) => sum + n * 4, 0);
    bytes.writeInt32LE(5, offset + 4); // [0, 1, 2] becomes [0, 5, 2]
    expect(() => unpackAutomaton({ ...p, bytes: bytes.toString('base64') })).toThrow(/pattern 0 is malformed|pattern 1 is malformed/);
  });
});

