// Equivalence of the page matcher (shared/matcher/search.ts) with a naive reference matcher (helpers/
// reference-matcher.ts): on random dictionaries and texts, on real pages with the real knowledge
// base, and on real pages with a generated 2,000-alias dictionary. Speed must never cost a match.

import { findMatches } from '../../../../src/shared/matcher/search';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { CASE_SENSITIVE, DOMAIN_LIKE, NEEDS_CONTEXT, type AliasSpec } from '../../../../src/shared/matcher/alias-rules';
import { aliasSpecs } from '../../../../src/shared/dictionary';
import { titleAliasSpecs } from '../../../../src/shared/knowledge/titles';
import { corpusPages, pageText, prng } from '../../helpers/corpus';
import { kbDictionary, kbEntities, PRECISION, searcherFor } from '../../helpers/kb';
import { productMatches, referenceMatches, type RefAlias } from '../../helpers/reference-matcher';

const WORDS = [
  'local', 'Local', 'digital', 'coalition', 'action', 'plan', 'GDS', 'gov', 'uk', 'Javid', 'Greg', 'Clark', 'Clarke',
  'café', 'Cafe', 'Zoë', '東京', 'ab', 'aba', 'b', 'x1', 'LDF', 'the', "O'Halloran", 'Lane-Fox', 'Москва', 'é',
];
const SEPARATORS = [
  ' ', '  ', ' \n\t ', '\u00a0', '.', '. ', '/', '@', "'", '\u2019', "'s ", '\u2019s ', '-', '\u2013', '\u00ad', '\u200b',
  ',', '"', '\u201c', '(', ')', 'x', '1', '\u0301', '😀', '#', '&', 'www.', '.uk', '.com',
];
const JOINERS = [' ', '.', '-', ' & ', '', "'"];

type CaseMode = 'same' | 'lower' | 'upper' | 'swap';
function recase(text: string, mode: CaseMode): string {
  if (mode === 'lower') return text.toLowerCase();
  if (mode === 'upper') return text.toUpperCase();
  if (mode === 'swap') return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  return text;
}
const caseMode = fc.constantFrom<CaseMode>('same', 'same', 'lower', 'upper', 'swap');

const aliasArb: fc.Arbitrary<AliasSpec> = fc
  .record({
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
    joiner: fc.constantFrom(...JOINERS),
    mode: caseMode,
    entity: fc.nat(5),
    flags: fc.nat(CASE_SENSITIVE | NEEDS_CONTEXT | DOMAIN_LIKE),
  })
  .map(({ words, joiner, mode, entity, flags }) => ({ text: recase(words.join(joiner), mode), entity, flags }));

function textArb(dictionary: readonly AliasSpec[]): fc.Arbitrary<string> {
  const fromAlias = fc.tuple(fc.nat(Math.max(0, dictionary.length - 1)), caseMode).map(([i, mode]) => recase(dictionary[i]?.text ?? '', mode));
  const fragment = fc.oneof(
    { weight: 4, arbitrary: fromAlias },
    { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 4, arbitrary: fc.constantFrom(...SEPARATORS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  );
  return fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));
}

const refAliases = (specs: readonly AliasSpec[]): RefAlias[] => specs.map((s) => ({ text: s.text, entity: s.entity, flags: s.flags }));

describe('findMatches agrees with the reference matcher', () => {
  it('on random dictionaries and texts built from alias fragments, words, punctuation and whitespace', () => {
    const scenario = fc
      .array(aliasArb, { minLength: 1, maxLength: 12 })
      .chain((dictionary) => textArb(dictionary).map((text) => ({ dictionary, text })));
    fc.assert(
      fc.property(scenario, ({ dictionary, text }) => {
        expect(productMatches(searcherFor(dictionary), text)).toEqual(referenceMatches(refAliases(dictionary), text));
      }),
      { numRuns: 1500 },
    );
  });

  it('on random dictionaries over a tiny alphabet (dense overlaps, shared prefixes and suffixes)', () => {
    const tiny = fc.array(fc.constantFrom('a', 'b', 'A', ' ', '.'), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    const scenario = fc.record({
      dictionary: fc.array(fc.record({ text: tiny, entity: fc.nat(2), flags: fc.nat(7) }), { minLength: 1, maxLength: 10 }),
      text: fc.array(fc.constantFrom('a', 'b', 'A', 'B', ' ', '.', '/', '@', 'é'), { maxLength: 50 }).map((a) => a.join('')),
    });
    fc.assert(
      fc.property(scenario, ({ dictionary, text }) => {
        expect(productMatches(searcherFor(dictionary), text)).toEqual(referenceMatches(refAliases(dictionary), text));
      }),
      { numRuns: 1500 },
    );
  });
});

const SAMPLE_PAGES = ['bbc-1.html', 'guardian-1.html', 'wikipedia.html', 'nytimes-1.html', 'lwn-1.html', 'rtl-1.html', 'mathjax.html'];

/** Inserts `count` aliases into `text` in the forms running text gives them, good and bad. */
function inject(text: string, aliases: readonly string[], count: number, random: () => number): string {
  const forms = [
    (a: string) => a,
    (a: string) => a.toLowerCase(),
    (a: string) => a.toUpperCase(),
    (a: string) => `${a}'s`,
    (a: string) => `${a}\u2019s`,
    (a: string) => `www.${a}`,
    (a: string) => `${a}/guidance`,
    (a: string) => `x${a}`,
    (a: string) => `${a}s`,
    (a: string) => a.replace(/ /g, '\u00a0'),
    (a: string) => a.replace(/ /g, ' \n  '),
    (a: string) => a.replace(/(\w)(\w)/, '$1\u00ad$2'),
    (a: string) => `(${a})`,
    (a: string) => `${a}.`,
  ];
  const pieces: string[] = [];
  let last = 0;
  const points = Array.from({ length: count }, () => Math.floor(random() * text.length)).sort((x, y) => x - y);
  for (const p of points) {
    pieces.push(text.slice(last, p));
    const alias = aliases[Math.floor(random() * aliases.length)]!;
    const form = forms[Math.floor(random() * forms.length)]!;
    pieces.push(random() < 0.7 ? ` ${form(alias)} ` : form(alias));
    last = p;
  }
  pieces.push(text.slice(last));
  return pieces.join('');
}

describe('on real pages with the real knowledge base', () => {
  const loaded = loadDictionary(kbDictionary());
  const count = loaded.entities.length;
  // Numbers past the entities are role-title entries ("Communities Secretary" held by one person for one span).
  const entityId = (e: number) => (e < count ? loaded.entities[e]!.id : `title-${e - count}`);
  const entities = kbEntities();
  const reference: RefAlias[] = [
    ...aliasSpecs(entities, PRECISION).map((s) => ({ text: s.text, entity: entities[s.entity]!.id, flags: s.flags })),
    ...titleAliasSpecs(loaded.titles, loaded.entities, count).map((s) => ({ text: s.text, entity: entityId(s.entity), flags: s.flags })),
  ];
  const aliasTexts = reference.map((r) => r.text);

  it.each(SAMPLE_PAGES)('%s with knowledge-base aliases injected in many forms', (page) => {
    const text = inject(pageText(page), aliasTexts, 400, prng(page.length * 7919));
    const expected = referenceMatches(reference, text);
    expect(expected.length).toBeGreaterThan(150); // the injection really produced mentions
    expect(productMatches(loaded.searcher, text, entityId)).toEqual(expected);
  });

  it('finds nothing that stands on its own on any corpus page as published (none mentions an entity)', () => {
    const found: string[] = [];
    const a = loaded.searcher.automaton;
    for (const page of corpusPages()) {
      const text = pageText(page);
      const ours = productMatches(loaded.searcher, text, entityId);
      expect(ours).toEqual(referenceMatches(reference, text));
      // A bare surname ("Clark") may match; it is shown only where the page names the person in full.
      for (const m of findMatches(loaded.searcher, text)) {
        if (m.variants.some((v) => (a.variantFlags[v]! & NEEDS_CONTEXT) === 0)) found.push(`${page}: ${text.slice(m.start, m.end)}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('on real pages with a generated 2,000-alias dictionary', () => {
  /** Aliases cut from the page itself (1–4 consecutive words), so they really occur, plus noise. */
  function generatedDictionary(text: string, random: () => number): AliasSpec[] {
    const words = text.split(/\s+/).filter((w) => w.length > 0);
    const specs: AliasSpec[] = [];
    while (specs.length < 2000) {
      const at = Math.floor(random() * words.length);
      const len = 1 + Math.floor(random() * 4);
      let alias = words.slice(at, at + len).join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (alias.length === 0) continue;
      const roll = random();
      if (roll < 0.1) alias = alias.toUpperCase();
      else if (roll < 0.2) alias = alias.toLowerCase();
      else if (roll < 0.25) alias = alias.slice(0, Math.max(1, alias.length - 2)); // a prefix: usually inside a word
      specs.push({ text: alias, entity: Math.floor(random() * 500), flags: Math.floor(random() * 8) });
    }
    return specs;
  }

  it.each(['bbc-1.html', 'guardian-1.html', 'wikipedia.html', 'rtl-1.html'])('%s', (page) => {
    const text = pageText(page);
    const dictionary = generatedDictionary(text, prng(page.length));
    const expected = referenceMatches(refAliases(dictionary), text);
    expect(expected.length).toBeGreaterThan(page === 'rtl-1.html' ? 10 : 500);
    expect(productMatches(searcherFor(dictionary), text)).toEqual(expected);
  });
});
