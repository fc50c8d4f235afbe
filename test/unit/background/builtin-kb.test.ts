import { describe, expect, it } from 'vitest';
import { builtinEntities } from '../../../src/background/builtin-kb';
import { CORE_PACK_FILES } from '../../../src/data/core-pack';
import { parseCoreEntity } from '../../../src/shared/knowledge/core-entity';
import { backgroundValidators } from '../../../src/shared/messages';

const good = {
  id: 'good-entity',
  kind: 'body',
  name: 'Good Body',
  aliases: ['Good Body', 'GBX'],
  summary: 'A body.',
  events: [{ date: '2015-07-03', type: 'launch', text: 'Formed.', src: [{ source: 0, supports: 'The release says it was formed that day.' }] }],
  sources: [{ title: 'A source', publisher: 'A publisher', url: 'https://example.org/a', date: '2015-07' }],
  confidence: 'sourced',
};
const load = (...entities: unknown[]) => builtinEntities({ 'test.json': entities });

describe('builtinEntities on the shipped core pack', () => {
  const entities = builtinEntities();

  it('loads every entity of every file', () => {
    const count = Object.values(CORE_PACK_FILES).reduce((n, file) => n + file.length, 0);
    expect(entities).toHaveLength(count);
    expect(entities.length).toBeGreaterThanOrEqual(250);
  });

  it('keeps every event, with its type, citations and what each cited source supports', () => {
    const raw = Object.values(CORE_PACK_FILES).flat() as { id: string; events: unknown[] }[];
    for (const r of raw) expect(entities.find((e) => e.id === r.id)!.events, r.id).toHaveLength(r.events.length);
    const cited = entities.flatMap((e) => e.events).filter((ev) => ev.src.length > 0);
    expect(cited.every((ev) => ev.notes?.length === ev.src.length && ev.notes.every((n) => n.length > 0))).toBe(true);
  });

  it('links only https sources', () => {
    expect(entities.flatMap((e) => e.sources).filter((s) => s.url && !s.url.startsWith('https://'))).toEqual([]);
  });

  it('gives MHCLG its dated names and people their roles with titles', () => {
    const department = entities.find((e) => e.id === 'housing-communities-local-government-department')!;
    expect(department.names?.map((n) => n.from)).toEqual(expect.arrayContaining(['2018-01-08', '2024-07-08']));
    const javid = entities.find((e) => e.id === 'sajid-javid')!;
    expect(javid.roles?.some((r) => r.titles?.includes('Communities Secretary'))).toBe(true);
  });

  it('fits entity/get: every id is one the message contract accepts', () => {
    for (const e of entities) expect(backgroundValidators['entity/get']({ id: e.id }), e.id).toBe(true);
  });
});

describe('builtinEntities on hostile or malformed data', () => {
  it('keeps a well-formed entity with its citation notes', () => {
    const [e] = load(good);
    expect(e).toMatchObject({ id: 'good-entity', aliases: ['Good Body', 'GBX'], events: [{ date: '2015-07-03', type: 'launch', src: [0], notes: ['The release says it was formed that day.'] }] });
    expect(e!.sources[0]).toEqual({ title: 'A source', publisher: 'A publisher', url: 'https://example.org/a', date: '2015-07' });
  });

  it('reads anyCaseAliases (the name or an alias) and notAliases (a longer name containing an alias), dropping the rest', () => {
    const raw = { ...good, anyCaseAliases: ['Good Body', 'Other Body'], notAliases: ['Good Body of Queensland', 'GBX', 'Unrelated Name'] };
    const [e] = load(raw);
    expect(e).toMatchObject({ anyCaseAliases: ['Good Body'], notAliases: ['Good Body of Queensland'] });
    const { problems } = parseCoreEntity(raw, 'test.json[0]');
    expect(problems).toEqual([
      'test.json[0][good-entity].anyCaseAliases[1]: must also be the name or one of aliases',
      'test.json[0][good-entity].notAliases[1]: must be a longer name that contains one of the aliases',
      'test.json[0][good-entity].notAliases[2]: must be a longer name that contains one of the aliases',
    ]);
  });

  it('drops entries without a slug id, a known kind or a name, and a second entity with the same id', () => {
    expect(load(null, 'x', { ...good, id: 'Not A Slug' }, { ...good, kind: 'robot' }, { ...good, name: '' })).toEqual([]);
    expect(load(good, { ...good, summary: 'second' }).map((e) => e.summary)).toEqual(['A body.']);
  });

  it('drops source URLs that are not https, keeping the source so citations still line up', () => {
    const [e] = load({ ...good, sources: [
      { title: 'JS', publisher: 'p', url: 'javascript:alert(1)' },
      { title: 'Plain http', publisher: 'p', url: 'http://example.org/ok' },
      { title: 'OK', publisher: 'p', url: 'https://example.org/ok' },
    ], events: [{ date: '2015', type: 'other', text: 'x', src: [{ source: 0, supports: 'a' }, { source: 2, supports: 'b' }] }] });
    expect(e!.sources.map((s) => s.url)).toEqual([undefined, undefined, 'https://example.org/ok']);
    expect(e!.events[0]!.src).toEqual([0, 2]);
  });

  it('drops events with invalid dates or no text, and citations that point at no source', () => {
    const [e] = load({ ...good, events: [
      { date: '2015-7-3', type: 'other', text: 'bad date', src: [] },
      { date: '2015', type: 'other', text: '', src: [] },
      { date: '2016', type: 'other', text: 'kept', src: [{ source: 9, supports: 'nowhere' }, { source: 0, supports: 'here' }], confidence: 'uncertain' },
    ] });
    expect(e!.events).toEqual([{ date: '2016', type: 'other', text: 'kept', src: [0], notes: ['here'], confidence: 'uncertain' }]);
  });

  it('keeps only controlled role titles', () => {
    const [e] = load({ ...good, kind: 'person', roles: [{ title: 'Secretary of State', body: 'X', from: '2018', titles: ['Communities Secretary', 'Emperor'], src: [{ source: 0, supports: 's' }] }] });
    expect(e!.roles).toEqual([{ title: 'Secretary of State', body: 'X', from: '2018', titles: ['Communities Secretary'], src: [0] }]);
  });
});
