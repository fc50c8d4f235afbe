// Sorts every miss and false alarm of an out-of-fold evaluation into one cause (the candidate filter
// turned the sentence away, the right item shares no word, a different event of the right entity
// ranked first, the threshold…), so that work goes where the errors are. Used by echo-dev.test.ts
// and for the lists in BENCHMARKS.md.

import { contenders, isEarlier } from '../../../../src/shared/echo/find-echoes';
import { makeQuery, scoreItem } from '../../../../src/shared/echo/bm25';
import { findEntities } from '../../../../src/shared/echo/entities';
import type { EchoIndex } from '../../../../src/shared/echo/index-build';
import { rankScore, type EchoModel } from '../../../../src/shared/echo/model';
import { terms } from '../../../../src/shared/echo/tokenize';
import type { Case, Outcome } from './eval-lib';

export type Cause =
  | 'hit'
  | 'miss: not taken as a candidate sentence'
  | 'miss: right item not indexed or not earlier than the page'
  | 'miss: right item shares no term (paraphrase)'
  | 'miss: right item outside the BM25 pool'
  | 'miss: another event of the right entity ranked first'
  | 'miss: an item of the same chain ranked first'
  | 'miss: an unrelated item ranked first'
  | 'miss: right item ranked first, confidence below threshold'
  | 'false alarm (pair): another event of the right entity'
  | 'false alarm (pair): an item of the same chain'
  | 'false alarm (pair): an unrelated item'
  | 'false alarm (negative): names the item\'s entity'
  | 'false alarm (negative): shares an idea of the lexicon'
  | 'false alarm (negative): shared words only'
  | 'negative, quiet';

export interface Row {
  id: string;
  fold: number;
  cause: Cause;
  text: string;
  want?: string;
  top?: string;
  topText?: string;
  conf?: number;
  /** Rank of the first right item among the model's contenders, 1-based. */
  rightRank?: number;
  shared?: string[];
}

const entityOf = (id: string) => id.split('#')[0]!;

/** The cause of one outcome at `threshold`, given the fold's model. */
export function causeOf(o: Outcome, threshold: number, index: EchoIndex, model: EchoModel, chainEntities: ReadonlySet<string>): Row {
  const c = o.case;
  const shown = !!o.top && o.top.confidence >= threshold;
  const base: Row = {
    id: c.id, fold: c.fold, cause: 'hit', text: c.text, top: o.top?.item.id, topText: o.top?.item.text, conf: o.top ? Number(o.top.confidence.toFixed(3)) : undefined,
    shared: o.top ? [...o.top.shared.words, ...o.top.shared.ideas.map((x) => `[${x}]`), ...o.top.shared.entities.map((x) => `<${x}>`)] : undefined,
  };
  const topEntity = o.top?.item.entityId;
  const sameEntity = !!topEntity && c.accept.some((a) => entityOf(a) === topEntity);
  const sameChain = !!topEntity && chainEntities.has(topEntity);
  if (c.kind === 'negative') {
    if (!shown) return { ...base, cause: 'negative, quiet' };
    const named = !!topEntity && findEntities(c.text, index.aliases).includes(topEntity);
    const cause: Cause = named ? 'false alarm (negative): names the item\'s entity'
      : o.top!.shared.ideas.length > 0 ? 'false alarm (negative): shares an idea of the lexicon' : 'false alarm (negative): shared words only';
    return { ...base, cause };
  }
  base.want = c.accept[0];
  if (shown && o.correct) return base;
  if (shown) {
    const cause: Cause = sameEntity ? 'false alarm (pair): another event of the right entity' : sameChain ? 'false alarm (pair): an item of the same chain' : 'false alarm (pair): an unrelated item';
    return { ...base, cause };
  }
  if (!o.candidate) return { ...base, cause: 'miss: not taken as a candidate sentence' };
  const rights = index.items.filter((i) => c.accept.includes(i.id) && isEarlier(i.date, c.date));
  if (rights.length === 0) return { ...base, cause: 'miss: right item not indexed or not earlier than the page' };
  const q = makeQuery(index, terms(c.text).map((t) => t.term), [], c.date);
  if (rights.every((i) => scoreItem(index, q, i) === null)) return { ...base, cause: 'miss: right item shares no term (paraphrase)' };
  const found = contenders(c.text, c.date, index, undefined, model);
  const ranked = (found?.list ?? []).map((x) => ({ id: x.s.item.id, r: rankScore(x.f, model) })).sort((a, b) => b.r - a.r);
  const rank = ranked.findIndex((x) => c.accept.includes(x.id)) + 1;
  if (rank === 0) return { ...base, cause: 'miss: right item outside the BM25 pool' };
  if (o.correct) return { ...base, rightRank: rank, cause: 'miss: right item ranked first, confidence below threshold' };
  const cause: Cause = sameEntity ? 'miss: another event of the right entity ranked first' : sameChain ? 'miss: an item of the same chain ranked first' : 'miss: an unrelated item ranked first';
  return { ...base, rightRank: rank, cause };
}

/** Every outcome's cause, and how many of each. `models[k]` scored fold k. */
export function causes(outcomes: readonly Outcome[], threshold: number, index: EchoIndex, models: readonly EchoModel[], cases: readonly Case[]): { rows: Row[]; counts: Record<string, number> } {
  const chain = new Map<string, Set<string>>();
  for (const c of cases) {
    if (c.kind !== 'pair') continue;
    const set = chain.get(c.group) ?? new Set<string>();
    for (const a of c.accept) set.add(entityOf(a));
    chain.set(c.group, set);
  }
  const rows = outcomes.map((o) => causeOf(o, threshold, index, models[o.case.fold]!, chain.get(o.case.group) ?? new Set()));
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.cause] = (counts[r.cause] ?? 0) + 1;
  return { rows, counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1))) };
}
