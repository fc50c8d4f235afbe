// parsePack on good and hostile packs: every refusal names the entity and field, and nothing a
// pack holds (size, depth, prototype keys, common-word aliases, borrowed ids, http links) gets in.
import { describe, expect, it } from 'vitest';
import { builtinEntities, builtinPrecision } from '../../../../src/background/builtin-kb';
import { CORE_PACK_FILES } from '../../../../src/data/core-pack';
import { parsePack } from '../../../../src/shared/packs/parse-pack';
import { PACK_LIMITS } from '../../../../src/shared/packs/pack-types';
import { goodPack, packText, type Json } from '../../../fixtures/packs/make-pack';

function errorsOf(change: (pack: Json) => void): string[] {
  const pack = goodPack();
  change(pack);
  const result = parsePack(packText(pack));
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors;
}

describe('parsePack on a good pack', () => {
  it('reads metadata, entities with citation notes, and precision periods', () => {
    const result = parsePack(packText());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.meta).toEqual(goodPack().meta);
    expect(result.pack.entities.map((e) => e.id)).toEqual(['test-body', 'test-programme']);
    expect(result.pack.entities[0]!.events[0]).toEqual({ date: '2019-04-01', type: 'launch', text: 'The office opens.', src: [0], notes: ['The notice says it opened that day.'] });
    expect(result.pack.precision).toEqual({ periods: { 'test-programme': { from: '2020', to: '2023-03-31' } } });
  });

  it('reads the whole shipped core pack as a pack: the core meets the rules packs are held to', () => {
    const entities = Object.values(CORE_PACK_FILES).flat();
    const core = { ...goodPack(), meta: { ...goodPack().meta, id: 'core-copy' }, entities, precision: builtinPrecision().precision };
    const result = parsePack(JSON.stringify(core));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.pack.entities.length).toBe(builtinEntities().length);
  });

  it('accepts a byte-order mark before the JSON', () => {
    expect(parsePack(`\uFEFF${packText()}`).ok).toBe(true);
  });
});

describe('parsePack on hostile packs', () => {
  it('refuses a pack over 5 MB before parsing it', () => {
    const result = parsePack(' '.repeat(PACK_LIMITS.bytes + 1));
    expect(result).toEqual({ ok: false, errors: ['the pack is too large (5.0 MB); the limit is 5 MB'] });
  });

  it('refuses nesting deeper than the cap, even within the size limit', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const pack = packText().replace('"summary": "A body that exists only in tests."', `"summary": "x", "extra": ${deep}`);
    expect(parsePack(pack)).toEqual({ ok: false, errors: [`the pack nests more than ${PACK_LIMITS.depth} levels deep`] });
  });

  it('ignores __proto__ and constructor keys without polluting anything', () => {
    const text = packText()
      .replace('"format": 1,', '"format": 1, "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},')
      .replace('"id": "test-body",', '"id": "test-body", "__proto__": {"origin": "builtin", "polluted": true},');
    const result = parsePack(text);
    expect(result.ok).toBe(true);
    expect(({} as Json).polluted).toBeUndefined();
    if (!result.ok) return;
    const entity = result.pack.entities[0]!;
    expect(Object.getPrototypeOf(entity)).toBe(Object.prototype);
    expect(Object.hasOwn(entity, '__proto__')).toBe(false);
    expect((entity as Json).origin).toBeUndefined();
  });

  it.each([
    ['a stop-word alias', (p: Json) => { p.entities[0].aliases.push('the'); }, 'entities[0] (test-body).aliases[2]: "the" is a common word and would be highlighted on every page'],
    ['an everyday site word as a name', (p: Json) => { p.entities[1].name = 'Digital'; }, 'entities[1] (test-programme).name: "Digital" is a common word and would be highlighted on every page'],
    ['a two-letter alias', (p: Json) => { p.entities[0].aliases.push('TD'); }, 'entities[0] (test-body).aliases[2]: "TD" is shorter than 3 characters and would be highlighted almost everywhere'],
    ['an id naming the core', (p: Json) => { p.entities[0].id = 'core:government-digital-service'; }, 'entities[0].id: "core:government-digital-service" names another pack or the core; a pack\'s ids are its own (they are prefixed with the pack\'s id when installed)'],
    ['an id naming another pack', (p: Json) => { p.entities[1].id = 'other-pack:test-programme'; }, 'entities[1].id: "other-pack:test-programme" names another pack or the core; a pack\'s ids are its own (they are prefixed with the pack\'s id when installed)'],
    ['a pack id of core', (p: Json) => { p.meta.id = 'core'; }, 'meta.id: "core" is reserved for the built-in knowledge'],
    ['a pack id of user', (p: Json) => { p.meta.id = 'user'; }, 'meta.id: "user" is reserved for the user\'s own names'],
    ['a pack id that is not a slug', (p: Json) => { p.meta.id = 'Test Pack'; }, 'meta.id: must be a lower-case slug of 2 to 40 letters, digits and hyphens'],
    ['an http source', (p: Json) => { p.entities[0].sources[0].url = 'http://example.org/launch'; }, 'entities[0] (test-body).sources[0].url: must be an https address'],
    ['a javascript: source', (p: Json) => { p.entities[1].sources[0].url = 'javascript:alert(1)'; }, 'entities[1] (test-programme).sources[0].url: must be an https address'],
    ['an http homepage', (p: Json) => { p.meta.homepage = 'http://example.org/pack'; }, 'meta.homepage: must be an https address'],
    ['a version that is not semver', (p: Json) => { p.meta.version = 'v2'; }, 'meta.version: must be a semantic version like 1.4.0'],
    ['an updated date that is not a day', (p: Json) => { p.meta.updated = '2026-13-01'; }, 'meta.updated: must be a day like 2026-11-30'],
    ['a missing maintainer', (p: Json) => { delete p.meta.maintainer; }, 'meta.maintainer: must be text'],
    ['a duplicate id', (p: Json) => { p.entities[1].id = 'test-body'; }, 'entities[1] (test-body).id: is also the id of entities[0]'],
    ['an alias shared by two entities', (p: Json) => { p.entities[1].aliases.push('TDO'); }, 'entities[1] (test-programme).aliases: "TDO" is also a name of test-body; give both a period in precision.periods, or drop it from one'],
    ['an unsourced event', (p: Json) => { p.entities[0].events[0].src = []; }, 'entities[0] (test-body).events[0].src: no source, and no confidence label saying why'],
    ['a citation of a missing source', (p: Json) => { p.entities[0].events[0].src = [{ source: 4, supports: 'x' }]; }, 'entities[0] (test-body).events[0].src[0]: must be a whole number from 0 to 0'],
    ['a period for an entity not in the pack', (p: Json) => { p.precision.periods['government-digital-service'] = { from: '2011' }; }, 'precision.periods["government-digital-service"]: is not an entity of this pack'],
    ['a 51st alias', (p: Json) => { p.entities[0].aliases = Array.from({ length: 51 }, (_, i) => `Test Office ${i}`); }, 'entities[0] (test-body).aliases: has more than 50 items'],
    ['a 10,000-character name', (p: Json) => { p.entities[0].name = 'N'.repeat(10_000); }, 'entities[0] (test-body).name: is longer than 120 characters'],
    ['a newer format', (p: Json) => { p.format = 2; }, 'format: the pack is format 2; this Sound Familiar reads format 1. Update the extension.'],
  ])('refuses %s, naming the field', (_name, change, message) => {
    expect(errorsOf(change)).toContain(message);
  });

  it('refuses more entities than the cap without reading them', () => {
    const errors = errorsOf((p) => { p.entities = Array.from({ length: PACK_LIMITS.entities + 1 }, () => 0); delete p.precision; });
    expect(errors).toEqual([`entities: has ${PACK_LIMITS.entities + 1} entities; a pack may hold at most ${PACK_LIMITS.entities}`]);
  });

  it('refuses more names and aliases in total than the cap', () => {
    const errors = errorsOf((p) => {
      delete p.precision;
      p.entities = Array.from({ length: 250 }, (_, i) => ({
        ...goodPack().entities[0], id: `body-${i}`, name: `Body Number ${i}`, aliases: Array.from({ length: 40 }, (_, j) => `Body ${i} Name ${j}`),
      }));
    });
    expect(errors).toEqual([`entities: hold ${250 * 41} names and aliases; a pack may hold at most ${PACK_LIMITS.aliases}`]);
  });

  it('lists every problem, not just the first', () => {
    const errors = errorsOf((p) => { p.entities[0].aliases.push('the'); p.meta.homepage = 'ftp://x'; p.entities[1].sources[0].url = 'http://x'; });
    expect(errors).toHaveLength(3);
  });

  it.each([['not JSON', '{', 'the pack is not valid JSON'], ['a list', '[]', 'the pack must be a JSON object with format, meta and entities'], ['no format', '{}', 'format: must be 1']])(
    'refuses %s', (_name, text, message) => expect(parsePack(text)).toEqual({ ok: false, errors: [message] }));
});

describe('parsePack on names two entities share', () => {
  it('accepts a shared name when the periods say which one a page means', () => {
    const pack = goodPack();
    pack.entities[1].aliases.push('TDO');
    pack.precision.periods['test-body'] = { from: '2019', to: '2019-12-31' };
    expect(parsePack(packText(pack)).ok).toBe(true);
  });
});
