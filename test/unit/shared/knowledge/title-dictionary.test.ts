// Role titles travel in the packed dictionary: one entry per holder and span, numbered after the
// entities, so a match's variant says whose title it is without a bundle of its own.
import { describe, expect, it } from 'vitest';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { compileDictionary } from '../../../../src/shared/dictionary';
import { findMatches } from '../../../../src/shared/matcher/search';
import { unpackEntities } from '../../../../src/shared/packed-entities';
import { kbDictionary } from '../../helpers/kb';

describe('titles in the packed dictionary', () => {
  const packed = kbDictionary();
  const entities = unpackEntities(packed.entities);

  it('carries every holder of "Communities Secretary" as an entry of its own, with its span', () => {
    const holders = packed.titles.filter((t) => t.title === 'Communities Secretary').map((t) => `${entities[t.entity]!.id} ${t.from}..${t.to ?? ''}`);
    expect(holders).toContain('sajid-javid 2016-07-14..2018-04-30');
    expect(holders).toContain('robert-jenrick 2019-07-24..2021-09-15');
    expect(holders.filter((h) => h.startsWith('michael-gove'))).toHaveLength(2);
  });

  it('numbers title variants after the entities, and survives the trip as JSON', () => {
    const loaded = loadDictionary(JSON.parse(JSON.stringify(packed)) as typeof packed);
    const [m] = findMatches(loaded.searcher, 'the housing secretary said');
    const a = loaded.searcher.automaton;
    const numbers = m!.variants.map((v) => a.variantEntity[v]!);
    expect(numbers.every((n) => n >= loaded.entities.length)).toBe(true);
    expect(new Set(numbers.map((n) => loaded.titles[n - loaded.entities.length]!.title))).toEqual(new Set(['Housing Secretary']));
  });

  it('refuses a title entry naming a holder it does not list', () => {
    expect(() => loadDictionary({ ...packed, titles: packed.titles.map((t, i) => (i === 0 ? { ...t, entity: entities.length } : t)) })).toThrow(/unknown holder/);
  });

  it('loads a dictionary cached from before titles travelled', () => {
    const empty = compileDictionary([], { exactCase: new Set(), contextOnly: new Set() }, {});
    const { titles: _none, ...old } = empty;
    expect(loadDictionary(old as typeof empty).titles).toEqual([]);
  });
});
