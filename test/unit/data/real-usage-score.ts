// Scores what the pipeline lit up on a real-usage page against the labels: a hit is a lit span
// that overlaps an expected one and names the same entity; everything else lit is a false
// positive, every expected span left unlit is a miss, and each miss gets a reason.

import type { LoadedDictionary } from '../../../src/content/scan/loaded-dictionary';
import { NEEDS_CONTEXT } from '../../../src/shared/matcher/alias-rules';
import { findMatches } from '../../../src/shared/matcher/search';
import { normaliseAlias } from '../../../src/shared/normalise';
import type { Expectation, Found, Page } from './real-usage-run';

export type MissReason =
  | 'unknown entity'
  | 'alias missing'
  | 'rule: context'
  | 'rule: case'
  | 'rule: other entity'
  | 'rule: not matched here';

export interface Hit { sentence: number; expected: Expectation; found: Found; exact: boolean }
export interface Miss { sentence: number; text: string; expected: Expectation; reason: MissReason; detail: string }
export interface FalsePositive {
  sentence: number;
  text: string;
  found: Found;
  /** The sentence is one where nothing may light up. */
  negative: boolean;
  guard: boolean;
  /** Lit where another entity (or an unknown one) was expected. */
  insteadOf?: Expectation;
}

export interface PageScore {
  page: Page;
  expected: number;
  expectedKnown: number;
  found: number;
  hits: Hit[];
  misses: Miss[];
  falsePositives: FalsePositive[];
}

/** What the knowledge base knows of each entity, for explaining misses. */
export interface Known {
  dictionary: LoadedDictionary;
  names: ReadonlyMap<string, { name: string; aliases: readonly string[] }>;
}

/** The name proper: a leading article and a trailing possessive are not part of what lights up. */
export function core(surface: string): string {
  return surface.replace(/^(?:the|The) /, '').replace(/(?:['’]s|['’])$/, '');
}

export function scorePage(page: Page, found: readonly (readonly Found[])[], known: Known): PageScore {
  const score: PageScore = { page, expected: 0, expectedKnown: 0, found: 0, hits: [], misses: [], falsePositives: [] };
  page.sentences.forEach((sentence, i) => {
    const spans = locate(sentence.text, sentence.expect);
    const matched = new Set<number>();
    const wrong = new Map<number, Found>();
    score.expected += sentence.expect.length;
    score.expectedKnown += sentence.expect.filter((e) => e.entity !== null).length;
    score.found += found[i]!.length;
    for (const f of found[i]!) {
      const overlapping = spans.map((s, k) => ({ s, k })).filter(({ s, k }) => !matched.has(k) && s.start < f.end && f.start < s.end);
      const same = overlapping.find(({ k }) => sentence.expect[k]!.entity === f.entity);
      if (same) {
        matched.add(same.k);
        const e = sentence.expect[same.k]!;
        score.hits.push({ sentence: i, expected: e, found: f, exact: core(e.surface) === core(f.surface) });
        continue;
      }
      const instead = overlapping[0];
      if (instead) wrong.set(instead.k, f);
      score.falsePositives.push({
        sentence: i, text: sentence.text, found: f, negative: !!sentence.negative, guard: !!sentence.guard,
        ...(instead ? { insteadOf: sentence.expect[instead.k]! } : {}),
      });
    }
    const pageEntities = new Set(found.flat().map((f) => f.entity));
    sentence.expect.forEach((e, k) => {
      if (matched.has(k)) return;
      const { reason, detail } = diagnose(sentence.text, e, wrong.get(k), pageEntities, known);
      score.misses.push({ sentence: i, text: sentence.text, expected: e, reason, detail });
    });
  });
  return score;
}

/** Each expectation's span: labels list names in the order the sentence has them, so each is found after the last. */
function locate(text: string, expect: readonly Expectation[]): { start: number; end: number }[] {
  let from = 0;
  return expect.map((e) => {
    const at = text.indexOf(e.surface, from);
    if (at < 0) throw new Error(`"${e.surface}" is not in (or out of order in): ${text}`);
    from = at + e.surface.length;
    return { start: at, end: from };
  });
}

/** Why an expected mention did not light up. */
function diagnose(text: string, e: Expectation, litAs: Found | undefined, pageEntities: ReadonlySet<string>, known: Known): { reason: MissReason; detail: string } {
  if (e.entity === null) return { reason: 'unknown entity', detail: `not in the knowledge base${e.name ? `: ${e.name}` : ''}` };
  if (litAs) return { reason: 'rule: other entity', detail: `“${litAs.surface}” lit as ${litAs.entity}` };
  const name = core(e.surface);
  const a = known.dictionary.searcher.automaton;
  // The name alone, or with the article the sentence puts before it ("the Treasury" is an alias, "Treasury" is not).
  const article = new RegExp(`\\b(the|The) ${escape(e.surface)}`).exec(text)?.[1];
  const forms = article ? [name, `${article} ${name}`] : [name];
  for (const form of forms) {
    const whole = findMatches(known.dictionary.searcher, form).find((m) => m.start === 0 && m.end === form.length);
    const variant = whole?.variants.find((v) => known.dictionary.entities[a.variantEntity[v]!]!.id === e.entity);
    if (variant === undefined) continue;
    if ((a.variantFlags[variant]! & NEEDS_CONTEXT) !== 0 && !pageEntities.has(e.entity)) {
      return { reason: 'rule: context', detail: `“${form}” counts only where ${e.entity} is named in full, and this page never is` };
    }
    return { reason: 'rule: not matched here', detail: `“${form}” is an alias but did not light up in this sentence` };
  }
  const entity = known.names.get(e.entity);
  const folded = normaliseAlias(name).folded;
  const sameLetters = entity && [entity.name, ...entity.aliases].find((alias) => normaliseAlias(alias).folded === folded);
  if (sameLetters) return { reason: 'rule: case', detail: `the alias is written “${sameLetters}” and must match letter for letter in case` };
  return { reason: 'alias missing', detail: `${e.entity} has no alias “${name}”` };
}

export interface Totals { expected: number; expectedKnown: number; found: number; hits: number; hitsKnown: number; falsePositives: number }

export function totals(scores: readonly PageScore[]): Totals {
  return scores.reduce<Totals>((t, s) => ({
    expected: t.expected + s.expected,
    expectedKnown: t.expectedKnown + s.expectedKnown,
    found: t.found + s.found,
    hits: t.hits + s.hits.length,
    hitsKnown: t.hitsKnown + s.hits.filter((h) => h.expected.entity !== null).length,
    falsePositives: t.falsePositives + s.falsePositives.length,
  }), { expected: 0, expectedKnown: 0, found: 0, hits: 0, hitsKnown: 0, falsePositives: 0 });
}

/** Recall and precision as fractions; null where there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
