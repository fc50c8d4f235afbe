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

  it('rejects node edge ranges that run backwards or past the edges, which createSearcher would loop over', () => {
    const p = packAutomaton(buildAutomaton([{ text: 'ab', entity: 0, flags: 0 }]));
    expect(readTable(p, 0)).toEqual([0, 1, 2, 2]);
    // Node 1's range would be [1, 2^31 - 1): the first and last values are still right.
    expect(() => unpackAutomaton(withTable(p, 0, [0, 1, 2 ** 31 - 1, 2]))).toThrow(/node 2's edges are malformed/);
    expect(() => unpackAutomaton(withTable(p, 0, [0, 2, 1, 2]))).toThrow(/node 1's edges are malformed/);
  });

  it('rejects a pattern whose variant range runs backwards, which a search would loop over', () => {
    const p = packAutomaton(buildAutomaton([{ text: 'abc', entity: 0, flags: 0 }, { text: 'abd', entity: 1, flags: 0 }]));
    expect(readTable(p, 5)).toEqual([0, 1, 2]);
    expect(() => unpackAutomaton(withTable(p, 5, [0, 5, 2]))).toThrow(/pattern 1 is malformed/);
    expect(() => unpackAutomaton(withTable(p, 5, [0, 1, 3]))).toThrow(/pattern tables disagree/);
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

/** Table `k` of a packed automaton, as numbers. */
function readTable(p: PackedAutomaton, k: number): number[] {
  const bytes = Buffer.from(p.bytes, 'base64');
  let offset = 0;
  for (let i = 0; i < k; i++) offset += Math.ceil((p.layout[2 * i]! * p.layout[2 * i + 1]!) / 4) * 4;
  const width = p.layout[2 * k]!;
  return Array.from({ length: p.layout[2 * k + 1]! }, (_, i) => (width === 1 ? bytes.readUInt8(offset + i) : width === 2 ? bytes.readUInt16LE(offset + 2 * i) : bytes.readInt32LE(offset + 4 * i)));
}

/** The packed automaton with table `k` replaced by `values` (at its width), the others as they were. */
function withTable(p: PackedAutomaton, k: number, values: readonly number[]): PackedAutomaton {
  const tables = Array.from({ length: p.layout.length / 2 }, (_, i) => (i === k ? values : readTable(p, i)));
  const widths = tables.map((_, i) => p.layout[2 * i]!);
  const chunks = tables.map((t, i) => {
    const b = Buffer.alloc(Math.ceil((t.length * widths[i]!) / 4) * 4);
    t.forEach((v, j) => (widths[i] === 1 ? b.writeUInt8(v, j) : widths[i] === 2 ? b.writeUInt16LE(v, 2 * j) : b.writeInt32LE(v, 4 * j)));
    return b;
  });
  return { ...p, bytes: Buffer.concat(chunks).toString('base64'), layout: tables.flatMap((t, i) => [widths[i]!, t.length]) };
}
