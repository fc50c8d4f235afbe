// Security finding F12: a pack within the other caps (2,000 entities, each with many events) made
// the background's echo index read tens of thousands of events. The events of a pack are capped in
// all; the refusal names the count and the cap.
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../src/shared/packs/parse-pack';
import { PACK_LIMITS } from '../../../src/shared/packs/pack-types';
import { goodPack, packText, type Json } from '../../fixtures/packs/make-pack';

/** A pack of `bodies` entities with `each` events apiece, valid in every other way. */
function withEvents(bodies: number, each: number): string {
  const pack: Json = goodPack();
  const template = pack.entities[0];
  delete pack.precision;
  pack.entities = Array.from({ length: bodies }, (_, i) => ({
    ...template, id: `body-${i}`, name: `Body Number ${i}`, aliases: [],
    events: Array.from({ length: each }, (_, j) => ({ ...template.events[0], text: `Body ${i} does thing ${j}.` })),
  }));
  return packText(pack);
}

describe('events in all (F12)', () => {
  it('refuses a pack with more events in all than the cap, saying how many', () => {
    const result = parsePack(withEvents(11, 1000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([`entities: hold ${11 * 1000} events; a pack may hold at most ${PACK_LIMITS.events} in all`]);
  });

  it('accepts a pack exactly at the cap', () => {
    const result = parsePack(withEvents(10, PACK_LIMITS.events / 10));
    expect(result.ok ? 'ok' : result.errors.slice(0, 3)).toBe('ok');
  });
});
