import { describe, expect, it } from 'vitest';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { compileDictionary } from '../../../../src/shared/dictionary';
import { findMatches } from '../../../../src/shared/matcher/search';
import { kbDictionary, kbEntities, PRECISION } from '../../helpers/kb';

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
    expect(() => loadDictionary({ ...packed, entities: packed.entities.slice(0, 10) })).toThrow(/unknown entity/);
  });

  it('loads an empty dictionary', () => {
    const loaded = loadDictionary(compileDictionary([], PRECISION, {}));
    expect(loaded.entities).toEqual([]);
    expect(findMatches(loaded.searcher, ('GDS'))).toEqual([]);
  });
});
