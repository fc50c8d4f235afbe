// F6: entity ids are object keys; an id like "constructor" (a hostile import can create one) must
// not pick up Object.prototype members, or the dictionary cannot be structured-cloned to a tab.
import { describe, expect, it } from 'vitest';
import { compileDictionary } from '../../../src/shared/dictionary';
import { mergePrecision } from '../../../src/shared/packs/pack-precision';
import { chooseEntity } from '../../../src/shared/precision';

describe('F6: prototype-named entity ids', () => {
  it('an entity id "constructor" compiles to a dictionary that can be posted to a tab (Firefox structured-clones it)', () => {
    const { data, periods } = mergePrecision([]);
    const dict = compileDictionary([{ id: 'constructor', kind: 'body', name: 'Constructor Body', aliases: [], modified: 1 }], data, periods);
    expect(() => structuredClone(dict)).not.toThrow();
    expect(Object.keys(dict.periods)).toEqual([]);
  });

  it('chooseEntity does not treat an inherited member as a period', () => {
    const periods = { b: { from: '2000' } };
    expect(chooseEntity([{ entity: 'constructor' }, { entity: 'b' }], periods, '2010', '2026-12-06')).toEqual({ entity: 'b' });
  });
});
