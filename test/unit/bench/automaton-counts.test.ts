// The dictionary table of BENCHMARKS.md reads its pattern and trie node counts from the packed
// automaton's layout; until 2026-12 it read two wrong tables (edges as patterns, nodes + 1).

import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the benchmark, without types
import { automatonCounts } from '../../../bench/node-measures.mjs';
import { buildAutomaton } from '../../../src/shared/matcher/automaton';
import { packAutomaton } from '../../../src/shared/matcher/pack';

describe('automatonCounts', () => {
  it('counts the patterns and trie nodes the automaton has', () => {
    const specs = ['Local Digital', 'local digital', 'Local Government', 'GDS', 'GOV.UK'].map((text, entity) => ({ text, entity, flags: 0 }));
    const automaton = buildAutomaton(specs);
    const patterns = automaton.patternVariantStart.length - 1;
    const nodes = automaton.nodeEdgeStart.length - 1;
    expect(patterns).toBe(4); // the two spellings of Local Digital fold to one pattern
    expect(automatonCounts(packAutomaton(automaton))).toEqual({ patterns, trieNodes: nodes });
  });
});
