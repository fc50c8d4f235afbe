// A deliberately naive matcher that spells out, one rule per line, what shared/matcher/search.ts
// documents: every occurrence of every alias in the normalised text, kept only if it does not cut
// a word in two, passes its case and domain rules, then the leftmost-longest non-overlapping set.
// It is slow (one indexOf scan per alias) and is meant to be obviously right, nothing more.

import { CASE_SENSITIVE, DOMAIN_LIKE } from '../../../src/shared/matcher/alias-rules';
import { findMatches, type Searcher } from '../../../src/shared/matcher/search';
import { normalise, normaliseAlias } from '../../../src/shared/normalise';

export interface RefAlias {
  text: string;
  /** Who the alias names (an entity id or number); part of the result so mix-ups show. */
  entity: string | number;
  flags: number;
}

/**
 * One kept match: offsets in the source text plus every accepting alias as `entity|flags|exact`,
 * sorted. The exact text is named only where it is compared (CASE_SENSITIVE): elsewhere a tab's
 * dictionary does not carry it (shared/matcher/pack.ts), and two such aliases are one each.
 */
export interface RefMatch {
  start: number;
  end: number;
  accepted: string[];
}

/** Letters, digits and combining marks make words; so do surrogate halves (astral letters). */
export function refIsWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return /^[\p{L}\p{N}\p{M}]$/u.test(ch);
}

function partOfAddress(exact: string, start: number, end: number): boolean {
  const before = start > 0 ? exact[start - 1] : undefined;
  const after = exact[end];
  const afterThat = exact[end + 1];
  if (before === '.' || before === '/' || before === '@' || before === '-') return true; // www.gov.uk, /gov.uk, a@gov.uk, my-gov.uk
  if (after === '/' || after === '#') return true; // gov.uk/guidance, gov.uk#top
  if (after === '?') return afterThat !== undefined && afterThat !== ' '; // gov.uk?q, but not "the future of GOV.UK?"
  if (after === ':' && afterThat !== undefined && afterThat >= '0' && afterThat <= '9') return true; // gov.uk:443
  if (after === '.' && refIsWordChar(afterThat)) return true; // gov.uk.example
  return false;
}

/** Matches found on the normalised text, reported in offsets of `source`, the text as given. */
export function referenceMatches(aliases: readonly RefAlias[], source: string): RefMatch[] {
  const text = normalise(source);
  const { exact, folded } = text;
  // Each distinct alias once (by its full text), named as acceptedKey names it.
  const byPosition = new Map<string, RefMatch & { set: Map<string, string> }>();
  for (const alias of aliases) {
    const a = normaliseAlias(alias.text);
    if (a.folded.trim() === '') continue;
    for (let at = folded.indexOf(a.folded); at >= 0; at = folded.indexOf(a.folded, at + 1)) {
      const start = at;
      const end = at + a.folded.length;
      const first = exact[start];
      const last = exact[end - 1];
      // Never the middle of a word: a word char at an edge must not touch another word char.
      if (refIsWordChar(first) && refIsWordChar(exact[start - 1])) continue;
      if (refIsWordChar(last) && refIsWordChar(exact[end])) continue;
      if (alias.flags & CASE_SENSITIVE && exact.slice(start, end) !== a.exact) continue;
      if (alias.flags & DOMAIN_LIKE && partOfAddress(exact, start, end)) continue;
      const key = `${start}:${end}`;
      let m = byPosition.get(key);
      if (!m) byPosition.set(key, (m = { start, end, accepted: [], set: new Map() }));
      m.set.set(`${alias.entity}|${alias.flags}|${a.exact}`, acceptedKey(alias.entity, alias.flags, a.exact));
    }
  }
  const all = [...byPosition.values()].sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: RefMatch[] = [];
  let reach = 0;
  for (const m of all) {
    if (m.start < reach) continue;
    kept.push({ start: text.sourceOffset[m.start]!, end: text.sourceOffset[m.end - 1]! + 1, accepted: [...m.set.values()].sort() });
    reach = m.end;
  }
  return kept;
}

/** The product's matches in `text` (normalised as it does), in the same shape, with variants named by `entityName`. */
export function productMatches(
  searcher: Searcher,
  text: string,
  entityName: (variantEntity: number) => string | number = (e) => e,
): RefMatch[] {
  const a = searcher.automaton;
  return findMatches(searcher, text).map((m) => ({
    start: m.start,
    end: m.end,
    accepted: m.variants.map((v) => acceptedKey(entityName(a.variantEntity[v]!), a.variantFlags[v]!, a.variantExact[v]!)).sort(),
  }));
}

function acceptedKey(entity: string | number, flags: number, exact: string): string {
  return `${entity}|${flags}|${flags & CASE_SENSITIVE ? exact : ''}`;
}
