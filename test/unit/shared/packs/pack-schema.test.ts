// docs/pack.schema.json against the parser: the schema accepts the packs parsePack accepts (the
// test pack, the example pack, the whole core pack) and refuses the structural faults it refuses;
// its vocabularies are the code's. Validated with Ajv's draft 2020-12 validator.
import { Ajv2020 } from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinPrecision } from '../../../../src/background/builtin-kb';
import { CORE_PACK_FILES } from '../../../../src/data/core-pack';
import { ROLE_TITLES } from '../../../../src/shared/knowledge/role-titles';
import { parsePack } from '../../../../src/shared/packs/parse-pack';
import { ENTITY_KINDS, EVENT_TYPES } from '../../../../src/shared/types';
import { goodPack, packText, type Json } from '../../../fixtures/packs/make-pack';

const schema = JSON.parse(readFileSync(new URL('../../../../docs/pack.schema.json', import.meta.url), 'utf8')) as Json;
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

function bothRefuse(change: (p: Json) => void): { schema: boolean; parser: boolean } {
  const pack = goodPack();
  change(pack);
  return { schema: validate(JSON.parse(JSON.stringify(pack))), parser: parsePack(packText(pack)).ok };
}

describe('docs/pack.schema.json', () => {
  it('accepts the test pack, and the whole core pack wrapped as a pack', () => {
    expect(validate(goodPack()), JSON.stringify(validate.errors)).toBe(true);
    const core = { ...goodPack(), entities: Object.values(CORE_PACK_FILES).flat(), precision: builtinPrecision().precision };
    expect(validate(core), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('uses the code\'s vocabularies: entity kinds and event types (role titles grow, so the parser alone checks them)', () => {
    const defs = schema.$defs;
    expect(defs.entity.properties.kind.enum).toEqual([...ENTITY_KINDS]);
    expect(defs.event.properties.type.enum).toEqual([...EVENT_TYPES]);
    expect(ROLE_TITLES.every((t) => t.length <= defs.role.properties.titles.items.maxLength)).toBe(true);
  });

  it.each([
    ['no format', (p: Json) => { delete p.format; }],
    ['format 2', (p: Json) => { p.format = 2; }],
    ['no meta', (p: Json) => { delete p.meta; }],
    ['a reserved pack id', (p: Json) => { p.meta.id = 'core'; }],
    ['a pack id with capitals', (p: Json) => { p.meta.id = 'Test'; }],
    ['an http homepage', (p: Json) => { p.meta.homepage = 'http://example.org'; }],
    ['a version that is not semver', (p: Json) => { p.meta.version = '1.0'; }],
    ['an updated that is not a day', (p: Json) => { p.meta.updated = '2026-12'; }],
    ['an entity id with a colon', (p: Json) => { p.entities[0].id = 'core:gds'; }],
    ['an unknown kind', (p: Json) => { p.entities[0].kind = 'company'; }],
    ['a two-letter alias', (p: Json) => { p.entities[0].aliases.push('TD'); }],
    ['51 aliases', (p: Json) => { p.entities[0].aliases = Array.from({ length: 51 }, (_, i) => `Test Office ${i}`); }],
    ['a 121-character name', (p: Json) => { p.entities[0].name = 'N'.repeat(121); }],
    ['an http source', (p: Json) => { p.entities[0].sources[0].url = 'http://example.org'; }],
    ['a source with no title', (p: Json) => { delete p.entities[0].sources[0].title; }],
    ['an event with no text', (p: Json) => { delete p.entities[0].events[0].text; }],
    ['an unknown event type', (p: Json) => { p.entities[0].events[0].type = 'rumour'; }],
    ['a role title that is not text', (p: Json) => { p.entities[0].roles = [{ title: 'X', from: '2019', titles: [7], src: [0] }]; }],
    ['a dated name with no dates', (p: Json) => { p.entities[0].names = [{ name: 'Old Name' }]; }],
    ['a period key that is not an id', (p: Json) => { p.precision.periods['Not An Id'] = { from: '2019' }; }],
    ['too many entities', (p: Json) => { p.entities = Array.from({ length: 2001 }, () => goodPack().entities[0]); }],
  ])('refuses %s, as the parser does', (_name, change) => {
    expect(bothRefuse(change)).toEqual({ schema: false, parser: false });
  });
});
