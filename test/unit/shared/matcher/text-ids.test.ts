import { describe, expect, it } from 'vitest';
import { TextIds } from '../../../../src/shared/matcher/text-ids';

describe('TextIds', () => {
  it('numbers distinct strings in the order first seen, as a Map would', () => {
    const texts = ['local digital', 'gov.uk', 'Local Digital', 'local digital', '', 'gov.uk', 'verify'];
    const ids = new TextIds(texts.length);
    const map = new Map<string, number>();
    for (const t of texts) {
      if (!map.has(t)) map.set(t, map.size);
      expect(ids.idOf(t), t).toBe(map.get(t));
    }
    expect(ids.texts).toEqual([...map.keys()]);
    for (const [t, id] of map) expect(ids.find(t)).toBe(id);
    expect(ids.find('unseen')).toBe(-1);
  });

  it('keeps apart thousands of strings, those that differ only in case among them', () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? `Name ${i >> 1}` : `name ${i >> 1}`));
    const ids = new TextIds(texts.length);
    const order = texts.map((_, i) => i);
    expect(texts.map((t) => ids.idOf(t))).toEqual(order);
    expect(texts.map((t) => ids.find(t))).toEqual(order);
  });

  it('refuses more strings than it was sized for, rather than fill up', () => {
    const ids = new TextIds(2);
    ids.idOf('a');
    ids.idOf('b');
    expect(ids.idOf('a')).toBe(0);
    expect(() => ids.idOf('c')).toThrow(RangeError);
  });
});
