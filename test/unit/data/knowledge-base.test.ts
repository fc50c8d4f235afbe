// The knowledge checks (npm run kb:check, also part of npm test): the core pack's files against
// the research rules. Every event dated and sourced or labelled, every source https with a
// publisher, every citation saying what it supports, events in order, titles from the one
// vocabulary, no alias shared by two entities. Aliases firing on the corpus of unrelated real pages
// are checked in test/unit/shared/matcher/reference.test.ts; stale entities are reported here.

import { describe, expect, it } from 'vitest';
import { ENTITY_PERIODS } from '../helpers/kb';
import { builtinEntities } from '../../../src/background/builtin-kb';
import { CORE_PACK_FILES } from '../../../src/data/core-pack';
import { parseCoreEntity } from '../../../src/shared/knowledge/core-entity';
import { normaliseAlias } from '../../../src/shared/normalise';
import { matchableAliases } from '../../../src/shared/precision';

const entities = builtinEntities();

describe('the core knowledge pack', () => {
  it('holds at least 250 entities, each id once across all files', () => {
    const ids = Object.values(CORE_PACK_FILES).flatMap((file) => file.map((e) => (e as { id: string }).id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(entities.length).toBe(ids.length);
    expect(entities.length).toBeGreaterThanOrEqual(250);
  });

  it('follows the research rules in every file (schema, sources, dates, order, titles)', () => {
    const problems = Object.entries(CORE_PACK_FILES).flatMap(([file, list]) => list.flatMap((raw, i) => parseCoreEntity(raw, `${file}[${i}]`).problems));
    expect(problems).toEqual([]);
  });

  it('lists each source once per entity (a second entry for the same address splits its citations)', () => {
    const repeats = entities.flatMap((e) => {
      const urls = e.sources.map((src) => src.url).filter((u): u is string => !!u);
      return urls.filter((u, i) => urls.indexOf(u) !== i).map((u) => `${e.id}: ${u}`);
    });
    expect(repeats).toEqual([]);
  });

  it('gives each event a type, and promises and their outcomes are there to compare', () => {
    const events = entities.flatMap((e) => e.events);
    expect(events.filter((e) => !e.type)).toEqual([]);
    expect(events.filter((e) => e.type === 'promise').length).toBeGreaterThan(50);
  });

  it('gives people dated roles', () => {
    const people = entities.filter((e) => e.kind === 'person');
    expect(people.filter((p) => !p.roles?.length).map((p) => p.id)).toEqual([]);
  });

  it('lets no two entities share an alias, except names the page date decides between', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of entities) {
      for (const alias of matchableAliases([e.name, ...e.aliases])) {
        const key = normaliseAlias(alias).folded;
        if (!owners.has(key)) owners.set(key, new Set());
        owners.get(key)!.add(e.id);
      }
    }
    const dated = new Set(Object.keys(ENTITY_PERIODS));
    const shared = [...owners].filter(([, ids]) => ids.size > 1 && [...ids].some((id) => !dated.has(id)));
    expect(shared.map(([alias, ids]) => `${alias}: ${[...ids].join(', ')}`)).toEqual([]);
  });

  it('gives no person an alias that is their name without its surname: "Megan Lee" is someone else\'s full name', () => {
    const clipped = entities.filter((e) => e.kind === 'person').flatMap((e) => {
      const words = e.name.split(/\s+/);
      const firstNames = words.slice(0, -1).join(' ');
      return words.length >= 3 && e.aliases.includes(firstNames) ? [`${e.id}: ${firstNames}`] : [];
    });
    expect(clipped).toEqual([]);
  });

  it('reports the entities whose newest event is more than a year old (for the researchers)', () => {
    const yearAgo = new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const stale = entities.filter((e) => {
      const newest = e.events.map((ev) => ev.date).filter(Boolean).sort().pop() ?? '';
      return newest < yearAgo;
    });
    console.log(`kb:check: ${entities.length} entities; ${stale.length} with no event in the last year:\n  ${stale.map((e) => e.id).join(', ')}`);
    expect(stale.length).toBeLessThan(entities.length);
  });
});
