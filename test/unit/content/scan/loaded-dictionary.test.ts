import { describe, expect, it } from 'vitest';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { compileDictionary } from '../../../../src/shared/dictionary';
import { findMatches } from '../../../../src/shared/matcher/search';
import { packEntities, unpackEntities } from '../../../../src/shared/packed-entities';
import { kbDictionary, kbEntities, PRECISION } from '../../helpers/kb';
import { readTable, withTable } from '../../helpers/packed-tables';

describe('loadDictionary', () => {
  it('unpacks a dictionary sent as JSON into a working searcher', () => {
    const packed = JSON.parse(JSON.stringify(kbDictionary())) as ReturnType<typeof kbDictionary>;
    const loaded = loadDictionary(packed);
    expect(loaded.version).toBe(packed.version);
    expect(loaded.entities).toHaveLength(kbEntities().length);
    const [m] = findMatches(loaded.searcher, ('Michael Gove said'));
    expect(loaded.entities[loaded.searcher.automaton.variantEntity[m!.variants[0]!]!]!.id).toBe('michael-gove');
  });

  it('rejects a dictionary whose variants name entities it does not list', () => {
    const packed = kbDictionary();
    expect(() => loadDictionary({ ...packed, entities: packEntities(unpackEntities(packed.entities).slice(0, 10)) })).toThrow(/unknown entity/);
  });

  it('rejects a variant entity number below 0 (a 4-byte table is read signed)', () => {
    const packed = kbDictionary();
    const entities = readTable(packed.automaton, 6);
    expect(Math.min(...entities)).toBeGreaterThanOrEqual(0);
    expect(() => loadDictionary({ ...packed, automaton: withTable(packed.automaton, 6, entities, 4) })).not.toThrow();
    expect(() => loadDictionary({ ...packed, automaton: withTable(packed.automaton, 6, [-1, ...entities.slice(1)], 4) })).toThrow(/unknown entity/);
    expect(() => loadDictionary({ ...packed, automaton: withTable(packed.automaton, 6, [...entities.slice(1), -5], 4) })).toThrow(/unknown entity/);
  });

  it('makes the entity list once, on first read, in the background\'s order', () => {
    const packed = kbDictionary();
    const loaded = loadDictionary(packed);
    const first = loaded.entities;
    expect(loaded.entities).toBe(first);
    expect(first).toEqual(unpackEntities(packed.entities));
    expect(first.map((e) => e.id)).toEqual(kbEntities().map((e) => e.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('rejects an entity list whose columns do not agree, or a kind it does not know', () => {
    const packed = kbDictionary();
    const e = packed.entities;
    expect(() => loadDictionary({ ...packed, entities: { ...e, ids: e.ids.slice(0, e.ids.lastIndexOf(e.separator)) } })).toThrow(/texts where/);
    expect(() => loadDictionary({ ...packed, entities: { ...e, names: `${e.names}${e.separator}extra` } })).toThrow(/texts where/);
    expect(() => loadDictionary({ ...packed, entities: { ...e, kinds: e.kinds.slice(1) } })).toThrow(/texts where/);
    expect(() => loadDictionary({ ...packed, entities: { ...e, kinds: `3${e.kinds.slice(1)}` } })).toThrow(/unknown kind/);
    expect(() => loadDictionary({ ...packed, entities: { ...e, separator: '' } })).toThrow(/malformed/);
    expect(() => loadDictionary({ ...packed, entities: null as unknown as typeof e })).toThrow(/wrong shape/);
  });

  it('keeps an id or name that holds a newline whole (the separator is one no text holds)', () => {
    const loaded = loadDictionary(compileDictionary([{ id: 'a\nb', kind: 'body', name: 'Line\nBreak Unit', aliases: ['LBU'], modified: 1 }], PRECISION, {}));
    expect(loaded.entities).toEqual([{ id: 'a\nb', kind: 'body', name: 'Line\nBreak Unit' }]);
  });

  it('loads an empty dictionary', () => {
    const loaded = loadDictionary(compileDictionary([], PRECISION, {}));
    expect(loaded.entities).toEqual([]);
    expect(findMatches(loaded.searcher, ('GDS'))).toEqual([]);
  });
});
