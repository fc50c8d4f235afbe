import { describe, expect, it } from 'vitest';
import { loadDictionary } from '../../../src/content/scan/loaded-dictionary';
import { compileDictionary } from '../../../src/shared/dictionary';
import { NEEDS_CONTEXT } from '../../../src/shared/matcher/alias-rules';
import { findMatches } from '../../../src/shared/matcher/search';
import { normalise } from '../../../src/shared/normalise';
import { unpackEntities } from '../../../src/shared/packed-entities';
import { matchableAliases } from '../../../src/shared/precision';
import type { Entity } from '../../../src/shared/types';
import { ENTITY_PERIODS, kbDictionary, kbEntities, PRECISION } from '../helpers/kb';

/** Every entity found in `text` with whether it stands alone, keyed by matched text. */
const KB = loadDictionary(kbDictionary());
function found(text: string) {
  const loaded = KB;
  const a = loaded.searcher.automaton;
  const n = normalise(text);
  return findMatches(loaded.searcher, text).map((m) => ({
    text: n.exact.slice(m.start, m.end),
    entities: m.variants.map((v) => ({ id: loaded.entities[a.variantEntity[v]!]!.id, context: (a.variantFlags[v]! & NEEDS_CONTEXT) !== 0 })),
  }));
}

describe('compileDictionary over the real knowledge base', () => {
  const entities = kbEntities();
  const dict = kbDictionary();

  it('lists every built-in entity, sorted by id, as summaries only', () => {
    const listed = unpackEntities(dict.entities);
    expect(listed).toHaveLength(kbEntities().length);
    const ids = listed.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    expect(Object.keys(listed[0]!).sort()).toEqual(['id', 'kind', 'name']);
    expect(listed.find((e) => e.id === 'michael-gove')).toEqual({ id: 'michael-gove', kind: 'person', name: 'Michael Gove' });
  });

  it('finds every entity by its name in a sentence, as a mention that stands on its own', () => {
    const missing: string[] = [];
    for (const e of entities) {
      const result = found(`Yesterday, ${e.name} said something.`);
      const hit = result.find((r) => r.text === normalise(e.name).exact);
      if (!hit || !hit.entities.some((x) => x.id === e.id && !x.context)) missing.push(e.name);
    }
    expect(missing).toEqual([]);
  });

  it('finds every matchable alias of every entity in a sentence, for that entity', () => {
    const missing: string[] = [];
    for (const e of entities) {
      for (const alias of matchableAliases(e.aliases)) {
        const result = found(`Yesterday, ${alias} said something.`);
        const hit = result.find((r) => r.text === normalise(alias).exact);
        if (!hit || !hit.entities.some((x) => x.id === e.id)) missing.push(`${e.id}: ${alias}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('finds names written with curly apostrophes and non-breaking spaces', () => {
    expect(found('Linda O\u2019Halloran spoke.')[0]?.entities[0]?.id).toBe('linda-ohalloran');
    expect(found('Sajid\u00a0Javid\u2019s plan')[0]?.entities[0]?.id).toBe('sajid-javid');
  });

  it('finds a lower-case alias capitalised at the start of a sentence, but not in other cases', () => {
    expect(found('The housing ministry said no.')[0]?.entities[0]?.id).toBe('housing-communities-local-government-department');
    expect(found('Digital by default was the slogan.')[0]?.entities[0]?.id).toBe('digital-by-default');
    expect(found('THE HOUSING MINISTRY SAID NO.')).toEqual([]);
  });

  it('does not match "the X" as a longer alias when X is an alias', () => {
    const [m] = found('We met the Local Digital Coalition.');
    expect(m?.text).toBe('Local Digital Coalition');
  });

  it('does not light up "Pickles" the food or "Greg Clarke" the football administrator as full mentions', () => {
    expect(found('Greg Clarke, former FA chairman')).toEqual([]);
    expect(found('pickles and cheese')).toEqual([]);
    expect(found('Pickles and cheese').every((m) => m.entities.every((x) => x.context))).toBe(true);
  });

  it('keeps only the periods of entities it holds', () => {
    expect(dict.periods).toEqual(ENTITY_PERIODS);
    const without = compileDictionary(entities.filter((e) => e.id !== 'dclg-local-digital-programme'), PRECISION, ENTITY_PERIODS);
    expect(Object.keys(without.periods)).toEqual(['local-digital-programme-mhclg']);
  });

  it('indexes variants by position in the sorted entity list, whatever the input order', () => {
    const shuffled = [...entities].reverse();
    const a = loadDictionary(compileDictionary(shuffled, PRECISION, ENTITY_PERIODS));
    const text = 'GDS, the Local Digital Fund and Sajid Javid';
    const ids = (l: typeof a) => findMatches(l.searcher, text).map((m) => l.entities[l.searcher.automaton.variantEntity[m.variants[0]!]!]!.id);
    expect(ids(a)).toEqual(['gds', 'local-digital-fund', 'sajid-javid']);
    expect(ids(loadDictionary(dict))).toEqual(ids(a));
  });
});

describe('dictionary version', () => {
  const entities = kbEntities();
  const version = (list: readonly Entity[]) => compileDictionary(list, PRECISION, ENTITY_PERIODS).version;

  it('is the same for the same entities in any order', () => {
    expect(version(entities)).toBe(version([...entities].reverse()));
    expect(version(entities)).toMatch(/^[0-9a-f-]{1,40}$/);
  });

  it('is FNV-1a over "id@modified;" of every entity in id order, as tabs and caches have always named it', () => {
    let h = 0x811c9dc5;
    for (const e of [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      for (const c of `${e.id}@${e.modified};`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
    }
    expect(version(entities)).toBe(`${entities.length}-${h.toString(16)}`);
  });

  it("changes when one entity's modified time changes", () => {
    const changed = entities.map((e) => (e.id === 'gds' ? { ...e, modified: e.modified + 1 } : e));
    expect(version(changed)).not.toBe(version(entities));
  });

  it('changes when an entity is added or removed', () => {
    expect(version(entities.slice(1))).not.toBe(version(entities));
    const extra: Entity = { ...entities[0]!, id: 'zz-new-entity', name: 'Brand New Board' };
    expect(version([...entities, extra])).not.toBe(version(entities));
  });

  it('picks up a new alias once the entity is recompiled', () => {
    const withAlias = entities.map((e) => (e.id === 'gds' ? { ...e, aliases: [...e.aliases, 'Digital Service Unit'], modified: 2 } : e));
    const loaded = loadDictionary(compileDictionary(withAlias, PRECISION, ENTITY_PERIODS));
    expect(findMatches(loaded.searcher, ('the Digital Service Unit said'))).toHaveLength(1);
    expect(findMatches(loadDictionary(kbDictionary()).searcher, 'the Digital Service Unit said')).toHaveLength(0);
  });
});

describe('names made of ordinary words (issue 11, real usage)', () => {
  /** `text=entity` for each match that stands on its own (needs no context). */
  const lit = (text: string) => found(text).flatMap((r) => {
    const ids = [...new Set(r.entities.filter((e) => !e.context).map((e) => e.id))];
    return ids.length > 0 ? [`${r.text}=${ids.join('/')}`] : [];
  });

  it('keep their capitals: the same words in lower case are prose', () => {
    expect(lit('Each state has its own local government association, the officials said.')).toEqual([]);
    expect(lit('The parish council keeps a small local digital fund.')).toEqual([]);
    expect(lit('Nobody should have to tell us once, twice or three times.')).toEqual([]);
    expect(lit('A digital marketplace for local crafts was opened.')).toEqual([]);
    expect(lit('Questions about NHS digital services go to the Health Secretary.')).toEqual([]);
    expect(lit('The Local Government Association said so.')).toEqual(['Local Government Association=lga']);
    expect(lit('Tell Us Once and the Digital Marketplace were cited.')).toEqual(['Tell Us Once=tell-us-once', 'Digital Marketplace=digital-marketplace']);
    expect(lit('NHS Digital published the figures.')).toEqual(['NHS Digital=nhs-digital']);
  });

  it('match in any case where a word is coined or a proper name, or a number makes it a title', () => {
    expect(lit('It moved to gov.uk verify.')).toEqual(['gov.uk verify=gov-uk-verify']);
    expect(lit('Ask sajid javid.')).toEqual(['sajid javid=sajid-javid']);
    expect(lit('the government transformation strategy 2017 to 2020 said')).toEqual(['government transformation strategy 2017 to 2020=government-transformation-strategy-2017']);
  });

  it('match in lower case too where the pack marks them so', () => {
    expect(lit('the vision of government as a platform')).toEqual(['government as a platform=government-as-a-platform']);
  });
});
