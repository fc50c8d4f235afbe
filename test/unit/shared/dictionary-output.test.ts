// Pins what compileDictionary builds, byte for byte: the packed automaton and every other output
// (entities, periods, titles, version), hashed, on the shipped knowledge and on the benchmark's
// generated 10k and 50k dictionaries. The build is tuned for speed; any change to its output must
// be deliberate, so a changed hash here fails. Inputs are frozen (the shipped knowledge as of
// a308029 in test/fixtures/dictionary), so editing the knowledge base does not move the hashes.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDictionary } from '../../../src/shared/dictionary';
import { matchableAliases, type Period, type PrecisionData } from '../../../src/shared/precision';
import type { Entity } from '../../../src/shared/types';

type Input = Parameters<typeof compileDictionary>[0][number] & Partial<Pick<Entity, 'anyCaseAliases' | 'notAliases'>>;
interface Frozen { exactCase: string[]; contextOnly: string[]; periods: Record<string, Period>; entities: Input[] }

const frozen = JSON.parse(readFileSync(new URL('../../fixtures/dictionary/kb-a308029.json', import.meta.url), 'utf8')) as Frozen;
const precision: PrecisionData = { exactCase: new Set(frozen.exactCase), contextOnly: new Set(frozen.contextOnly) };
const builtin: Input[] = frozen.entities.map((e) => ({ ...e, origin: 'builtin', modified: 1 }));
// As the background's dictionary cache makes it: the names each built-in entity ships with.
const shipped = new Map(builtin.map((e) => [e.id, new Set([e.name, ...e.aliases].map((a) => a.trim()))]));

// The benchmark's generator (plain JavaScript), given the frozen knowledge as bench/node/kb.ts gives the live one.
const GENERATOR = '../../../bench/generate-dictionary.mjs';
type Generate = (target: number, kb: readonly Input[], count: (e: Input) => number) => Input[];
const { generateEntities } = (await import(/* @vite-ignore */ GENERATOR)) as { generateEntities: Generate };
const benchKb = frozen.entities.map(({ id, kind, name, aliases }) => ({ id, kind, name, aliases, modified: 0 }));
const generated = (n: number) => generateEntities(n, benchKb, (e) => matchableAliases([e.name, ...e.aliases]).length);

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

describe('compileDictionary output is unchanged', () => {
  it('on the shipped knowledge, as the background compiles it', () => {
    expect(hash(compileDictionary(builtin, precision, frozen.periods, shipped))).toBe('57a5a693b9e92ad7');
  });

  it('on the shipped knowledge with a user entity, a name the user added and a pack that shares names', () => {
    const gove = builtin.find((e) => e.id === 'michael-gove')!;
    const entities: Input[] = [
      ...builtin.map((e) => (e === gove ? { ...e, aliases: [...e.aliases, 'Govey'] } : e)),
      { id: 'my-council', kind: 'body', name: 'Mytown Borough Council', aliases: ['the Mytown council', 'MBC'], modified: 2, origin: 'user' },
      { id: 'p1:gds', kind: 'body', name: 'Government Digital Service', aliases: ['GDS', 'Gov Digital'], modified: 2, origin: 'pack', notAliases: ['GDS Academy', 'Local Digital Service'] },
      { id: 'p1:someone', kind: 'person', name: 'Pat Somebody', aliases: [], modified: 2, origin: 'pack', roles: [{ titles: ['Paymaster General'], from: '2019-01', to: '2019-06' }] as Input['roles'] },
    ];
    expect(hash(compileDictionary(entities, precision, frozen.periods, shipped))).toBe('8e478ec659361dec');
  });

  it('on the generated 10k and 50k dictionaries, as the benchmark compiles them', () => {
    expect(hash(compileDictionary(generated(10_000), precision, frozen.periods))).toBe('4a92b51345ac9f0e');
    expect(hash(compileDictionary(generated(50_000), precision, frozen.periods))).toBe('277f9c7c5c37c82d');
  }, 60_000);

  it('on the generated 50k with pack and user entities among them', () => {
    const entities = generated(50_000).map((e, i): Input => (i % 5 === 1 ? { ...e, id: `p${i % 3}:${e.id}`, origin: 'pack' } : i % 7 === 2 ? { ...e, origin: 'user' } : e));
    expect(hash(compileDictionary([...builtin, ...entities.slice(frozen.entities.length)], precision, frozen.periods, shipped))).toBe('2d0130df93d52f98');
  }, 60_000);
});
