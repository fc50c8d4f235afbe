// The prefilter's key tables as a tab gets them with the dictionary (shared/matcher/start-keys.ts,
// shared/matcher/starts.ts): used as sent, equal to a walk of the trie, and refused when malformed.

import { describe, expect, it } from 'vitest';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { prefilter } from '../../../../src/shared/matcher/prefilter';
import { aliasStarts, startsFromPacked } from '../../../../src/shared/matcher/starts';
import { CASE_SENSITIVE, NEEDS_CONTEXT } from '../../../../src/shared/matcher/alias-rules';
import { buildAutomaton, type Automaton } from '../../../../src/shared/matcher/automaton';
import { createSearcher } from '../../../../src/shared/matcher/search';
import { key3, KEY_RANGES, LONG_MASK, packStartKeys, startKeys, unit } from '../../../../src/shared/matcher/start-keys';
import { SPACE } from '../../../../src/shared/normalise';
import { packTables } from '../../../../src/shared/wire-tables';
import { kbDictionary } from '../../helpers/kb';

/** The bits as every tab set them before the keys travelled (starts.ts at 63f953c): a walk of the trie's top. */
function walkedStarts(a: Automaton): { long: Uint8Array; short: Uint8Array } {
  const starts = { long: new Uint8Array((LONG_MASK + 1) >> 3), short: new Uint8Array((1 << 17) >> 3) };
  const set = (bits: Uint8Array, k: number) => (bits[k >> 3]! |= 1 << (k & 7));
  const visit = (node: number, depth: number, k: number, k3: number): void => {
    if (depth > 0 && depth < 5 && a.nodePattern[node]! >= 0) {
      if (depth >= 3) set(starts.short, depth === 3 ? k : k3);
      else if (depth === 2) for (let u = 1; u <= 0x80; u++) set(starts.short, k * 31 + u);
      else for (let u = 1; u <= 0x80; u++) for (let w = 1; w <= 0x80; w++) set(starts.short, key3(k, u, w));
    }
    for (let e = a.nodeEdgeStart[node]!; e < a.nodeEdgeStart[node + 1]!; e++) {
      const c = a.edgeChar[e]!;
      const child = a.edgeTarget[e]!;
      if (c === SPACE) visit(child, depth, k, k3);
      else if (depth === 4) set(starts.long, (k * 31 + unit(c)) & LONG_MASK);
      else visit(child, depth + 1, k * 31 + unit(c), depth === 2 ? k * 31 + unit(c) : k3);
    }
  };
  visit(0, 0, 0, 0);
  return starts;
}

/** A packed list of four key tables, each 4 bytes wide (signed), as a hostile sender could make it. */
const keysOf = (long: number[], short: number[], two: number[] = [], one: number[] = []) => packTables([long, short, two, one], [4, 4, 4, 4]);

describe('alias starts sent with the dictionary', () => {
  it('set the same bits a walk of the trie sets, for aliases of one to six kept characters', () => {
    const automaton = buildAutomaton([
      { text: 'X', entity: 0, flags: 0 },
      { text: 'Ab', entity: 0, flags: CASE_SENSITIVE },
      { text: 'P Q', entity: 0, flags: NEEDS_CONTEXT },
      { text: 'Qz x', entity: 0, flags: 0 },
      { text: 'Wv-k', entity: 0, flags: CASE_SENSITIVE },
      { text: 'zo\u00eb pl', entity: 0, flags: 0 },
    ]);
    const keys = startKeys(automaton)!;
    expect([keys.one.length, keys.two.length, keys.short.length, keys.long.length]).toEqual([1, 2, 2, 1]);
    const sent = startsFromPacked(JSON.parse(JSON.stringify(packStartKeys(keys))))!;
    const walked = walkedStarts(automaton);
    expect(Buffer.from(sent.long).equals(Buffer.from(walked.long))).toBe(true);
    expect(Buffer.from(sent.short).equals(Buffer.from(walked.short))).toBe(true);
  });

  it('set the same bits on the shipped knowledge as a tab\'s walk of the trie did', () => {
    const loaded = loadDictionary(JSON.parse(JSON.stringify(kbDictionary())) as ReturnType<typeof kbDictionary>);
    const sent = aliasStarts(loaded.searcher.automaton)!;
    const walked = walkedStarts(loaded.searcher.automaton);
    expect(Buffer.from(sent.long).equals(Buffer.from(walked.long))).toBe(true);
    expect(Buffer.from(sent.short).equals(Buffer.from(walked.short))).toBe(true);
  });

  it('are what a loaded dictionary\'s prefilter reads: with them emptied, a page naming an alias reads as naming nothing', () => {
    const packed = kbDictionary();
    expect(packed.starts).not.toBeNull();
    const text = 'The Local Digital Coalition met today.';
    expect(prefilter(loadDictionary(packed).searcher, text)).toBe('maybe');
    expect(prefilter(loadDictionary({ ...packed, starts: keysOf([], []) }).searcher, text)).toBe('none');
  });

  it('may be absent (null) for a dictionary too big for a prefilter: then every page is walked', () => {
    const loaded = loadDictionary({ ...kbDictionary(), starts: null });
    expect(prefilter(loaded.searcher, 'nothing we know of')).toBe('maybe');
  });

  it('fail the load when a key is out of its range, a table is missing, or there are none', () => {
    const packed = kbDictionary();
    const load = (starts: unknown) => () => loadDictionary({ ...packed, starts: starts as typeof packed.starts });
    const { long, short, two, one } = KEY_RANGES;
    // In range at either end: loads.
    expect(load(keysOf([long[0], long[1]], [short[0], short[1]], [two[0], two[1]], [one[0], one[1]]))).not.toThrow();
    for (const bad of [
      keysOf([long[1] + 1], []), keysOf([-1], []),
      keysOf([], [short[0] - 1]), keysOf([], [short[1] + 1]), keysOf([], [-5]),
      keysOf([], [], [two[0] - 1]), keysOf([], [], [two[1] + 1]),
      keysOf([], [], [], [0]), keysOf([], [], [], [one[1] + 1]),
    ]) {
      expect(load(bad)).toThrow(/out of range/);
    }
    expect(load(packTables([[1], [short[0]]], [4, 4]))).toThrow(/wrong shape/);
    expect(load(undefined)).toThrow(/wrong shape/);
    expect(load({ bytes: 'AAAA', layout: [4, 1, 4, 0, 4, 0, 4, 0, 4] })).toThrow(/wrong shape/);
  });

  it('are not computed for an automaton past the size where a prefilter pays', () => {
    const specs = Array.from({ length: 5001 }, (_, i) => ({ text: `alias ${i}`, entity: 0, flags: 0 }));
    expect(startKeys(buildAutomaton(specs))).toBeNull();
    expect(startKeys(buildAutomaton(specs.slice(0, 5000)))).not.toBeNull();
  });

  it('are none for an automaton no dictionary brought: the prefilter then has every page walked', () => {
    const searcher = createSearcher(buildAutomaton([{ text: 'Local Digital Coalition', entity: 0, flags: 0 }]));
    expect(aliasStarts(searcher.automaton)).toBeNull();
    expect(prefilter(searcher, 'nothing of the kind')).toBe('maybe');
  });
});
