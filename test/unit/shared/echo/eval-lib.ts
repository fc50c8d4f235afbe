// The labelled-set evaluation of "Sound familiar?" echoes (issue 13): loads the pairs and the
// negatives, runs the pipeline on each, splits the set in two halves by a hash of the id, and
// computes precision and recall of the top suggestion at a confidence threshold.

import pairsFile from '../../../fixtures/echoes/pairs.json';
import negativesFile from '../../../fixtures/echoes/negatives.json';
import freshPairsFile from '../../../fixtures/echoes/fresh-pairs.json';
import freshNegativesFile from '../../../fixtures/echoes/fresh-negatives.json';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { fnv1a32 } from '../../../../src/shared/fnv1a';
import { isCandidate } from '../../../../src/shared/echo/candidate';
import { findEchoes, type Echo } from '../../../../src/shared/echo/find-echoes';
import { buildEchoIndex, type EchoClaim, type EchoIndex } from '../../../../src/shared/echo/index-build';
import type { EchoModel } from '../../../../src/shared/echo/model';

export interface Case {
  id: string;
  kind: 'pair' | 'negative';
  text: string;
  date: string;
  /** Ids of the earlier items that count as the right answer (empty for a negative). */
  accept: string[];
  split: 'dev' | 'test';
  label: string;
}

export interface Outcome {
  case: Case;
  candidate: boolean;
  top: Echo | null;
  correct: boolean;
}

/** By a hash of the id, so that the split depends only on the id and never on the order of the files. */
const halfOf = (id: string): 'dev' | 'test' => (fnv1a32(id) % 2 === 0 ? 'dev' : 'test');

interface RawPair {
  id: string;
  later: { text: string; date: string };
  earlier: { ref?: string; claim?: EchoClaim & { source?: unknown }; also: string[]; alsoAddedOnReview?: string[] };
}

interface RawNegative { id: string; text: string; date: string; topic: string }

/** The development set (pairs.json, negatives.json), halves by hash; `fresh` is the later held-out set, all 'test'. */
export function loadCases(set: 'dev' | 'fresh' = 'dev'): { cases: Case[]; claims: EchoClaim[] } {
  const fresh = set === 'fresh';
  const rawPairs = (fresh ? freshPairsFile.pairs : pairsFile.pairs) as RawPair[];
  const rawNegatives = (fresh ? freshNegativesFile.negatives : negativesFile.negatives) as RawNegative[];
  const splitOf = fresh ? () => 'test' as const : halfOf;
  const claims = new Map<string, EchoClaim>();
  const cases: Case[] = [];
  for (const p of rawPairs) {
    const first = p.earlier.ref ?? p.earlier.claim!.id;
    if (p.earlier.claim) {
      const c = p.earlier.claim;
      claims.set(c.id, { id: c.id, text: c.text, date: c.date, type: c.type });
    }
    cases.push({ id: p.id, kind: 'pair', text: p.later.text, date: p.later.date, accept: [first, ...p.earlier.also, ...(p.earlier.alsoAddedOnReview ?? [])], split: splitOf(p.id), label: first });
  }
  for (const n of rawNegatives) {
    cases.push({ id: n.id, kind: 'negative', text: n.text, date: n.date, accept: [], split: splitOf(n.id), label: n.topic });
  }
  return { cases, claims: [...claims.values()] };
}

export function evalIndex(claims: EchoClaim[]): EchoIndex {
  return buildEchoIndex(builtinEntities(), { claims });
}

export function run(cases: readonly Case[], index: EchoIndex, model?: EchoModel): Outcome[] {
  return cases.map((c) => {
    const candidate = isCandidate(c.text);
    const top = candidate ? findEchoes(c.text, c.date, index, { limit: 1, minConfidence: 0, ...(model ? { model } : {}) })[0] ?? null : null;
    return { case: c, candidate, top, correct: !!top && c.accept.includes(top.item.id) };
  });
}

export interface Metrics {
  threshold: number;
  pairs: number;
  negatives: number;
  truePositives: number;
  /** Pairs whose top suggestion, above the threshold, was the wrong earlier item. */
  wrongItem: number;
  /** Negatives with any suggestion above the threshold. */
  falseAlarms: number;
  precision: number;
  recall: number;
}

export function metrics(outcomes: readonly Outcome[], threshold: number): Metrics {
  const shown = (o: Outcome) => !!o.top && o.top.confidence >= threshold;
  const pairs = outcomes.filter((o) => o.case.kind === 'pair');
  const negatives = outcomes.filter((o) => o.case.kind === 'negative');
  const truePositives = pairs.filter((o) => shown(o) && o.correct).length;
  const wrongItem = pairs.filter((o) => shown(o) && !o.correct).length;
  const falseAlarms = negatives.filter(shown).length;
  const flagged = truePositives + wrongItem + falseAlarms;
  return {
    threshold, pairs: pairs.length, negatives: negatives.length, truePositives, wrongItem, falseAlarms,
    precision: flagged ? truePositives / flagged : 1, recall: pairs.length ? truePositives / pairs.length : 0,
  };
}

/**
 * The threshold with the highest recall at precision >= target on these outcomes (ties: the
 * higher threshold). Candidates are the observed confidences; none qualifying gives 1.
 */
export function chooseThreshold(outcomes: readonly Outcome[], target = 0.9): number {
  const levels = [...new Set(outcomes.flatMap((o) => (o.top ? [o.top.confidence] : [])))].sort((a, b) => a - b);
  let best: Metrics | null = null;
  for (const t of levels) {
    const m = metrics(outcomes, t);
    if (m.precision < target) continue;
    if (!best || m.recall > best.recall || (m.recall === best.recall && t > best.threshold)) best = m;
  }
  return best ? best.threshold : 1;
}

const wordSet = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9£]+/g) ?? []);

/** Share of the smaller sentence's distinct words that the other also uses. */
export function wordOverlap(a: string, b: string): number {
  const x = wordSet(a);
  const y = wordSet(b);
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / Math.max(1, Math.min(x.size, y.size));
}

const sameDate = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
};

/**
 * True where a fresh case is not independent of the development set: nearly the same sentence
 * (70% of the shorter one's words), or a pair about the same later event (same date, at the coarser
 * precision, and an earlier item in common). Fixed before the fresh set was first measured.
 */
export function repeatsDevelopment(c: Case, dev: readonly Case[]): boolean {
  return dev.some((d) => d.kind === c.kind && (wordOverlap(c.text, d.text) >= 0.7
    || (c.kind === 'pair' && sameDate(c.date, d.date) && c.accept.some((a) => d.accept.includes(a)))));
}

/** Precision at the highest threshold where recall first reaches `goal`; null if it never does. */
export function precisionAtRecall(outcomes: readonly Outcome[], goal: number): number | null {
  const levels = [...new Set(outcomes.flatMap((o) => (o.top ? [o.top.confidence] : [])))].sort((a, b) => b - a);
  for (const t of levels) {
    const m = metrics(outcomes, t);
    if (m.recall >= goal) return m.precision;
  }
  return null;
}

/** Share of pairs whose top suggestion is right, whatever its confidence. */
export function topOneRight(outcomes: readonly Outcome[]): number {
  const pairs = outcomes.filter((o) => o.case.kind === 'pair');
  return pairs.filter((o) => o.correct).length / Math.max(1, pairs.length);
}
