// Pins what compileDictionary builds, byte for byte, on the shipped knowledge and on the benchmark's
// generated 10k and 50k dictionaries, twice: the message a tab is sent (the wire form), and what
// the tab ends up matching with once it has parsed and loaded that message (every automaton
// table, entities, periods, titles, version). The build is tuned for speed and the wire for
// size; any change to either must be deliberate, so a changed hash here fails. The loaded hashes
// must not move when only the wire does: they were taken on the wire before the compact one
// (447e512), whose wire hashes changed with it and the loaded ones did not; the wire hashes moved
// again when node edge and pattern variant ranges began to travel as counts (a tab adds them up),
// and the loaded ones did not; and again when the prefilter's alias-start keys began to travel
// (the bits a tab sets from them are pinned to those its own walk of the trie set before, at
// 63f953c). Inputs are frozen (the shipped knowledge as of a308029
// in test/fixtures/dictionary), so editing the knowledge base does not move the hashes.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDictionary, type LoadedDictionary } from '../../../src/content/scan/loaded-dictionary';
import { aliasStarts } from '../../../src/shared/matcher/starts';
import { compileDictionary } from '../../../src/shared/dictionary';
import { CASE_SENSITIVE } from '../../../src/shared/matcher/alias-rules';
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

/**
 * What a tab holds after the message has crossed as JSON (as Chromium sends it) and been loaded:
 * each typed array by its type and bytes. A variant's exact text counts only where the matcher
 * reads it (CASE_SENSITIVE variants: search.ts, prefilter.ts); elsewhere it is never compared.
 */
function loadedHash(packed: ReturnType<typeof compileDictionary>): string {
  const loaded: LoadedDictionary = loadDictionary(JSON.parse(JSON.stringify(packed)) as typeof packed);
  const a = loaded.searcher.automaton;
  const h = createHash('sha256');
  h.update(JSON.stringify([loaded.version, loaded.entities, loaded.periods, loaded.titles]));
  for (const [key, value] of Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (key === 'variantExact') continue;
    const array = value as Int32Array | Uint16Array | Uint8Array;
    h.update(`${key}:${array.constructor.name}:${array.length}:`).update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  h.update(JSON.stringify(Array.from(a.variantFlags, (f, v) => (f & CASE_SENSITIVE ? a.variantExact[v] : null))));
  return h.digest('hex').slice(0, 16);
}

describe('compileDictionary output is unchanged', () => {
  it('on the shipped knowledge, as the background compiles it', () => {
    const packed = compileDictionary(builtin, precision, frozen.periods, shipped);
    expect(loadedHash(packed)).toBe('158f659ae17ec7b3');
    expect(hash(packed)).toBe('c12bdf13bae44f64');
    // The prefilter's two bit sets, as a tab makes them from the keys sent: as its walk made them.
    const starts = aliasStarts(loadDictionary(JSON.parse(JSON.stringify(packed)) as typeof packed).searcher.automaton)!;
    expect(createHash('sha256').update(starts.long).update(starts.short).digest('hex').slice(0, 16)).toBe('a5881461d7bd2150');
  });

  it('on the shipped knowledge with a user entity, a name the user added and a pack that shares names', () => {
    const gove = builtin.find((e) => e.id === 'michael-gove')!;
    const entities: Input[] = [
      ...builtin.map((e) => (e === gove ? { ...e, aliases: [...e.aliases, 'Govey'] } : e)),
      { id: 'my-council', kind: 'body', name: 'Mytown Borough Council', aliases: ['the Mytown council', 'MBC'], modified: 2, origin: 'user' },
      { id: 'p1:gds', kind: 'body', name: 'Government Digital Service', aliases: ['GDS', 'Gov Digital'], modified: 2, origin: 'pack', notAliases: ['GDS Academy', 'Local Digital Service'] },
      { id: 'p1:someone', kind: 'person', name: 'Pat Somebody', aliases: [], modified: 2, origin: 'pack', roles: [{ titles: ['Paymaster General'], from: '2019-01', to: '2019-06' }] as Input['roles'] },
    ];
    const packed = compileDictionary(entities, precision, frozen.periods, shipped);
    expect(loadedHash(packed)).toBe('0d5c0bbb10336951');
    expect(hash(packed)).toBe('97089c250d6d8a6d');
  });

  it('on the generated 10k and 50k dictionaries, as the benchmark compiles them', () => {
    const packed10k = compileDictionary(generated(10_000), precision, frozen.periods);
    expect(loadedHash(packed10k)).toBe('e84cc9ae5264c89f');
    expect(hash(packed10k)).toBe('95517b24a0cebb1e');
    const packed50k = compileDictionary(generated(50_000), precision, frozen.periods);
    expect(loadedHash(packed50k)).toBe('68c578d1c5f0e9e4');
    expect(hash(packed50k)).toBe('de95cf858384444e');
  }, 60_000);

  it('on the generated 50k with pack and user entities among them', () => {
    const entities = generated(50_000).map((e, i): Input => (i % 5 === 1 ? { ...e, id: `p${i % 3}:${e.id}`, origin: 'pack' } : i % 7 === 2 ? { ...e, origin: 'user' } : e));
    const packed = compileDictionary([...builtin, ...entities.slice(frozen.entities.length)], precision, frozen.periods, shipped);
    expect(loadedHash(packed)).toBe('cb6dfa1184ceb98f');
    expect(hash(packed)).toBe('d57ed0f669d630e9');
  }, 60_000);
});
