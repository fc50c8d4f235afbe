import { describe, expect, it } from 'vitest';
import { CASE_SENSITIVE, DOMAIN_LIKE, NEEDS_CONTEXT, type AliasSpec } from '../../../../src/shared/matcher/alias-rules';
import { buildAutomaton, type Automaton } from '../../../../src/shared/matcher/automaton';
import { checkConsistent, packAutomaton, unpackAutomaton, type PackedAutomaton } from '../../../../src/shared/matcher/pack';
import { createSearcher, findMatches } from '../../../../src/shared/matcher/search';
import { readTable, withTable } from '../../helpers/packed-tables';

const ALIASES: AliasSpec[] = [
  { text: 'GDS', entity: 0, flags: CASE_SENSITIVE },
  { text: 'gov.uk', entity: 1, flags: CASE_SENSITIVE | DOMAIN_LIKE },
  { text: 'GOV.UK', entity: 1, flags: CASE_SENSITIVE | DOMAIN_LIKE },
  { text: 'Local Digital Coalition', entity: 2, flags: 0 },
  { text: 'Local Digital', entity: 3, flags: CASE_SENSITIVE | NEEDS_CONTEXT },
  { text: 'Zoë', entity: 4, flags: 0 },
  { text: '東京', entity: 5, flags: 0 },
  { text: '𝔸lpha Unit', entity: 6, flags: CASE_SENSITIVE },
];
const TEXT = 'GDS and GOV.UK (www.gov.uk) with the Local Digital Coalition, Local Digital, local digital, ZOE, 「東京」, 𝔸lpha Unit.';

/** Every table as a plain array; a variant's exact text only where the matcher compares it (CASE_SENSITIVE). */
function arrays(a: Automaton) {
  const exact = a.variantExact.map((t, v) => (a.variantFlags[v]! & CASE_SENSITIVE ? t : ''));
  return Object.fromEntries(Object.entries({ ...a, variantExact: exact }).map(([k, v]) => [k, Array.from(v as ArrayLike<unknown>)]));
}

describe('packAutomaton / unpackAutomaton', () => {
  it('round-trips every array exactly (exact texts where they are compared)', () => {
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
    expect(before.length).toBe(7);
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

  it('rejects a layout with the wrong number of tables', () => {
    const p = packAutomaton(buildAutomaton(ALIASES));
    expect(() => unpackAutomaton({ ...p, layout: p.layout.slice(2) })).toThrow(/wrong shape/);
  });

  it('rejects table lengths that do not add up to the bytes', () => {
    const p = packAutomaton(buildAutomaton(ALIASES));
    const longer = [...p.layout];
    longer[1] = longer[1]! + 1000;
    expect(() => unpackAutomaton({ ...p, layout: longer })).toThrow(/wrong length/);
    const shorter = [...p.layout];
    shorter[1] = shorter[1]! - 4; // four chars (one padded word) fewer: the bytes are left over
    expect(() => unpackAutomaton({ ...p, layout: shorter })).toThrow(/wrong size/);
  });

  it('rejects truncated bytes and exact texts that are not one per variant', () => {
    const p = packAutomaton(buildAutomaton(ALIASES));
    expect(() => unpackAutomaton({ ...p, bytes: p.bytes.slice(0, p.bytes.length - 8) })).toThrow();
    expect(() => unpackAutomaton({ ...p, exact: p.exact.slice(p.exact.indexOf(p.separator) + 1) })).toThrow(/texts where/);
    expect(() => unpackAutomaton({ ...p, exact: `${p.exact}${p.separator}` })).toThrow(/texts where/);
    expect(() => unpackAutomaton({ ...p, separator: 'ab' })).toThrow(/malformed/);
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

  it('rejects edge tables that disagree with the node table', () => {
    const p = packAutomaton(buildAutomaton([{ text: 'abc', entity: 0, flags: 0 }]));
    expect(() => unpackAutomaton(withTable(p, 1, [0x61, 0x62]))).toThrow(/edge tables disagree/);
    expect(() => unpackAutomaton(withTable(p, 0, [0, 1, 2, 3, 4]))).toThrow(/edge tables disagree/);
    expect(() => unpackAutomaton(withTable(p, 0, []))).toThrow(/node tables disagree/);
  });

  it('rejects a pattern on a node that does not exist, or two patterns on one node', () => {
    const p = packAutomaton(buildAutomaton([{ text: 'abc', entity: 0, flags: 0 }, { text: 'abd', entity: 1, flags: 0 }]));
    expect(readTable(p, 3)).toEqual([3, 4]);
    expect(() => unpackAutomaton(withTable(p, 3, [3, 5]))).toThrow(/pattern 1 has a bad node/);
    expect(() => unpackAutomaton(withTable(p, 3, [0, 4]))).toThrow(/pattern 0 has a bad node/);
    expect(() => unpackAutomaton(withTable(p, 3, [3, 3]))).toThrow(/pattern 1 has a bad node/);
    expect(() => unpackAutomaton(withTable(p, 3, [3]))).toThrow(/pattern tables disagree/);
  });

  it('rejects a first-word set with no empty slot, which would make a probe loop forever', () => {
    const a = buildAutomaton([{ text: 'abc', entity: 0, flags: 0 }]);
    a.firstWords.fill(7);
    expect(() => unpackAutomaton(packAutomaton(a))).toThrow(/first-word set/);
    const p = packAutomaton(buildAutomaton([{ text: 'abc', entity: 0, flags: 0 }]));
    expect(() => unpackAutomaton(withTable(p, 4, new Array<number>(8).fill(7)))).toThrow(/first-word set/);
  });

  // The full index check runs where the automaton is packed (the background), once; a tab's unpack
  // checks every value it reads and builds the trie itself, so it is consistent by construction.
  it('refuses to pack an automaton whose edge leads back up the trie (a walk that could loop)', () => {
    const a = buildAutomaton([{ text: 'abc', entity: 0, flags: 0 }]);
    a.edgeTarget[2] = 1;
    expect(() => checkConsistent(a)).toThrow(/leads outside the trie/);
    expect(() => packAutomaton(a)).toThrow(/leads outside the trie/);
  });

  // Ranges travel as counts: a range that runs backwards cannot be written, and the tab's sum of
  // the counts is checked against the table they divide.
  it('rebuilds node edge ranges from counts, refusing counts that do not add up to the edges', () => {
    const p = packAutomaton(buildAutomaton([{ text: 'ab', entity: 0, flags: 0 }]));
    expect(readTable(p, 0)).toEqual([1, 1, 0]);
    expect(Array.from(unpackAutomaton(p).nodeEdgeStart)).toEqual([0, 1, 2, 2]);
    expect(() => unpackAutomaton(withTable(p, 0, [1, 2, 0]))).toThrow(/edge tables disagree/);
    expect(() => unpackAutomaton(withTable(p, 0, [1, 0, 0]))).toThrow(/edge tables disagree/);
  });

  // A 4-byte count is read unsigned; one past 2^31 would wrap the 32-bit ends, and a sum of 2^32 + 2
  // would end at 2 (the edge count) with node 1's range running backwards, [1, 0).
  it('refuses counts whose sum wraps the 32-bit ends, which would make a range run backwards', () => {
    const p = packAutomaton(buildAutomaton([{ text: 'ab', entity: 0, flags: 0 }]));
    expect(() => unpackAutomaton(withTable(p, 0, [1, -1, 2], 4))).toThrow(/counts overflow/);
    expect(() => unpackAutomaton(withTable(p, 0, [1, 2 ** 31 - 1, 0], 4))).toThrow(/counts overflow/);
    expect(Array.from(unpackAutomaton(withTable(p, 0, [1, 1, 0], 4)).nodeEdgeStart)).toEqual([0, 1, 2, 2]);
  });

  it('rebuilds pattern variant ranges from counts, refusing counts that do not add up to the variants', () => {
    const p = packAutomaton(buildAutomaton([{ text: 'abc', entity: 0, flags: 0 }, { text: 'abd', entity: 1, flags: 0 }, { text: 'abd', entity: 2, flags: 0 }]));
    expect(readTable(p, 5)).toEqual([1, 2]);
    expect(Array.from(unpackAutomaton(p).patternVariantStart)).toEqual([0, 1, 3]);
    expect(() => unpackAutomaton(withTable(p, 5, [1, 1]))).toThrow(/pattern tables disagree/);
    expect(() => unpackAutomaton(withTable(p, 5, [1]))).toThrow(/pattern tables disagree/);
    // 4 + (2^32 - 1) ends at 3 once wrapped, with pattern 0's range [0, 4) past the variants.
    expect(() => unpackAutomaton(withTable(p, 5, [4, -1], 4))).toThrow(/counts overflow/);
  });

  it('keeps exact text only for the variants compared in case', () => {
    const a = buildAutomaton(ALIASES);
    const b = unpackAutomaton(packAutomaton(a));
    expect(b.variantExact).toEqual(a.variantExact.map((t, v) => (a.variantFlags[v]! & CASE_SENSITIVE ? t : '')));
    expect(b.variantExact).toContain('GOV.UK');
    // One piece per variant, empty where the text is never compared: none of ALIASES' flag-0 names travels.
    const p = packAutomaton(a);
    expect(p.exact.split(p.separator)).toEqual(b.variantExact);
    expect(p.exact).not.toContain('Local Digital Coalition');
  });

  it('picks a separator no exact text holds', () => {
    const p = packAutomaton(buildAutomaton([{ text: 'a\u0001b', entity: 0, flags: CASE_SENSITIVE }, { text: 'c', entity: 1, flags: CASE_SENSITIVE }]));
    expect(p.separator).toBe('\n');
    expect(unpackAutomaton(p).variantExact).toEqual(['a\u0001b', 'c']);
  });
});
