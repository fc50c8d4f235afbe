// Learns paraphrase links (src/shared/echo/links.ts) from labelled pairs: stems of a later sentence
// and of the earlier item it repeats that the two do not share, counted across distinct chains (a
// pair of words seen in one chain only is that chain's topic, not a paraphrase), kept where they go
// together more often than their own frequencies predict (PMI) and more often than in contrast
// examples (a negative sentence and its best BM25 item, or a pair and its best wrong item); and the
// coverage features that count a linked word as met. Experiments only (links-lab.test.ts): no
// link table ships (BENCHMARKS.md, "Sound familiar? echoes").

import { sentenceQuery } from '../../../../src/shared/echo/find-echoes';
import { nameStems } from '../../../../src/shared/echo/entities';
import type { EchoIndex, EchoItem } from '../../../../src/shared/echo/index-build';
import { terms } from '../../../../src/shared/echo/tokenize';
import type { Case } from './eval-lib';

/** A sentence and an item, as the sets of words that can be linked. */
export interface LinkExample {
  /** The support unit: a positive's chain; a contrast example's own case. */
  unit: string;
  sentence: ReadonlySet<string>;
  item: ReadonlySet<string>;
  positive: boolean;
}

export interface LearnOptions {
  /** Distinct chains a link must be seen in. */
  minSupport: number;
  /** log(P(u, v) / P(u) P(v)) over chains must exceed this. */
  minPmi: number;
  /** A link's rate among positive chains must exceed this many times its rate among contrast examples. */
  contrast: number;
  /** Count (u, v) and (v, u) as one link. */
  symmetric: boolean;
}

export interface Link { a: string; b: string; support: number; pmi: number; against: number }

const linkable = (t: string) => !t.includes(' ') && !/\d/.test(t);

/** The sentence's words beyond the names it mentions, as the features see them. */
export function sentenceWords(c: Case, index: EchoIndex): Set<string> {
  const q = sentenceQuery(c.text, terms(c.text).map((t) => t.term), c.date, index);
  const names = q.nameTerms ?? new Set<string>();
  return new Set([...q.terms.keys()].filter((t) => linkable(t) && !names.has(t)));
}

/** The item's words beyond its own entity's name. */
export function itemWords(item: EchoItem, index: EchoIndex): Set<string> {
  const names = item.entityId ? nameStems(index.aliases, [item.entityId]) : new Set<string>();
  return new Set(item.terms.filter((t) => linkable(t) && !names.has(t)));
}

function pairsOf(e: LinkExample, symmetric: boolean): Set<string> {
  const out = new Set<string>();
  for (const u of e.sentence) {
    if (e.item.has(u)) continue;
    for (const v of e.item) {
      if (e.sentence.has(v)) continue;
      out.add(symmetric && v < u ? `${v}\t${u}` : `${u}\t${v}`);
    }
  }
  return out;
}

/** The links these examples support, strongest (by PMI) first. */
export function learnLinks(examples: readonly LinkExample[], o: LearnOptions): Link[] {
  const pos = examples.filter((e) => e.positive);
  const neg = examples.filter((e) => !e.positive);
  const units = new Set(pos.map((e) => e.unit));
  const support = new Map<string, Set<string>>();
  const side = new Map<string, Set<string>>();
  const mark = (m: Map<string, Set<string>>, k: string, unit: string) => { let s = m.get(k); if (!s) m.set(k, (s = new Set())); s.add(unit); };
  for (const e of pos) {
    for (const k of pairsOf(e, o.symmetric)) mark(support, k, e.unit);
    // A word's own frequency: the chains where it stands unshared on the side it is counted on.
    for (const u of e.sentence) if (!e.item.has(u)) mark(side, (o.symmetric ? '' : 's:') + u, e.unit);
    for (const v of e.item) if (!e.sentence.has(v)) mark(side, (o.symmetric ? '' : 'i:') + v, e.unit);
  }
  const against = new Map<string, number>();
  for (const e of neg) for (const k of pairsOf(e, o.symmetric)) if (support.has(k)) against.set(k, (against.get(k) ?? 0) + 1);
  const n = units.size;
  const out: Link[] = [];
  for (const [k, us] of support) {
    if (us.size < o.minSupport) continue;
    const [a, b] = k.split('\t') as [string, string];
    const na = side.get((o.symmetric ? '' : 's:') + a)!.size;
    const nb = side.get((o.symmetric ? '' : 'i:') + b)!.size;
    const pmi = Math.log((us.size * n) / (na * nb));
    if (pmi <= o.minPmi) continue;
    const ag = against.get(k) ?? 0;
    if (o.contrast > 0 && neg.length > 0 && us.size / n <= (o.contrast * ag) / neg.length) continue;
    out.push({ a, b, support: us.size, pmi, against: ag });
  }
  return out.sort((x, y) => y.pmi - x.pmi || y.support - x.support || (x.a + x.b < y.a + y.b ? -1 : 1));
}

/** The links as the feature reads them: each stem with every stem it is linked to, both ways. */
export function linkMap(links: readonly Link[]): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  const add = (a: string, b: string) => { let s = m.get(a); if (!s) m.set(a, (s = new Set())); s.add(b); };
  for (const { a, b } of links) { add(a, b); add(b, a); }
  return m;
}

/** Stem → the stems it is linked to (both directions listed). */
export type Links = ReadonlyMap<string, ReadonlySet<string>>;

const isWord = (t: string) => !t.includes(' ');

/**
 * Two shares, each weighted by idf: of the sentence's own words beyond the names it mentions, those
 * the item uses or links to; and of the item's words, those the sentence uses or links to. With no
 * links they are the exact shares (features.ts content and itemCoverage).
 */
export function linkedCoverage(
  query: ReadonlyMap<string, number>,
  names: ReadonlySet<string>,
  itemTerms: readonly string[],
  links: Links,
  idfOf: (term: string) => number,
): [number, number] {
  const itemWords = new Set(itemTerms.filter(isWord));
  const linkedTo = (t: string, other: (x: string) => boolean) => {
    const near = links.get(t);
    if (!near) return false;
    for (const x of near) if (other(x)) return true;
    return false;
  };
  let weight = 0;
  let met = 0;
  for (const [t, w] of query) {
    if (!isWord(t) || names.has(t)) continue;
    weight += w;
    if (itemWords.has(t) || linkedTo(t, (x) => itemWords.has(x))) met += w;
  }
  let itemWeight = 0;
  let itemMet = 0;
  for (const t of itemWords) {
    const w = idfOf(t);
    itemWeight += w;
    if (query.has(t) || linkedTo(t, (x) => query.has(x) && !names.has(x))) itemMet += w;
  }
  return [weight > 0 ? met / weight : 0, itemWeight > 0 ? itemMet / itemWeight : 0];
}
