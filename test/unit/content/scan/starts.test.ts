// The prefilter's key tables as a tab gets them with the dictionary (shared/matcher/start-keys.ts,
// content/scan/starts.ts): used as sent, equal to a walk of the trie, and refused when malformed.

import { describe, expect, it } from 'vitest';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { prefilter } from '../../../../src/content/scan/prefilter';
import { aliasStarts, startsFromPacked } from '../../../../src/content/scan/starts';
import { CASE_SENSITIVE, NEEDS_CONTEXT } from '../../../../src/shared/matcher/alias-rules';
import { buildAutomaton } from '../../../../src/shared/matcher/automaton';
import { createSearcher } from '../../../../src/shared/matcher/search';
import { KEY_RANGES, packStartKeys, startKeys } from '../../../../src/shared/matcher/start-keys';
import { packTables } from '../../../../src/shared/wire-tables';
import { kbDictionary } from '../../helpers/kb';

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
    // A copy of the automaton is not one a dictionary brought keys for: aliasStarts walks its trie.
    const walked = aliasStarts({ ...automaton })!;
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
    expect(prefilter(createSearcher(buildAutomaton(specs)), 'nothing')).toBe('maybe');
  });
});
