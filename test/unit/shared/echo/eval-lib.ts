// The labelled-set evaluation of "Sound familiar?" echoes (issue 13): loads the pairs and the
// negatives, runs the pipeline on each, splits the set in two halves by a hash of the id, and
// computes precision and recall of the top suggestion at a confidence threshold.

import pairsFile from '../../../fixtures/echoes/pairs.json';
import negativesFile from '../../../fixtures/echoes/negatives.json';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { fnv1a32 } from '../../../../src/shared/fnv1a';
import { isCandidate } from '../../../../src/shared/echo/candidate';
import { findEchoes, type Echo } from '../../../../src/shared/echo/find-echoes';
import { buildEchoIndex, type EchoClaim, type EchoIndex } from '../../../../src/shared/echo/index-build';

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
const splitOf = (id: string): 'dev' | 'test' => (fnv1a32(id) % 2 === 0 ? 'dev' : 'test');

interface RawPair {
  id: string;
  later: { text: string; date: string };
  earlier: { ref?: string; claim?: EchoClaim & { source?: unknown }; also: string[]; alsoAddedOnReview?: string[] };
}

export function loadCases(): { cases: Case[]; claims: EchoClaim[] } {
  const claims = new Map<string, EchoClaim>();
  const cases: Case[] = [];
  for (const p of pairsFile.pairs as RawPair[]) {
    const first = p.earlier.ref ?? p.earlier.claim!.id;
    if (p.earlier.claim) {
      const c = p.earlier.claim;
      claims.set(c.id, { id: c.id, text: c.text, date: c.date, type: c.type });
    }
    cases.push({ id: p.id, kind: 'pair', text: p.later.text, date: p.later.date, accept: [first, ...p.earlier.also, ...(p.earlier.alsoAddedOnReview ?? [])], split: splitOf(p.id), label: first });
  }
  for (const n of negativesFile.negatives) {
    cases.push({ id: n.id, kind: 'negative', text: n.text, date: n.date, accept: [], split: splitOf(n.id), label: n.topic });
  }
  return { cases, claims: [...claims.values()] };
}

export function evalIndex(claims: EchoClaim[]): EchoIndex {
  return buildEchoIndex(builtinEntities(), { claims });
}

export function run(cases: readonly Case[], index: EchoIndex): Outcome[] {
  return cases.map((c) => {
    const candidate = isCandidate(c.text);
    const top = candidate ? findEchoes(c.text, c.date, index, { limit: 1, minConfidence: 0 })[0] ?? null : null;
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
