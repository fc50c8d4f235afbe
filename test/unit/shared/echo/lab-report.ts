// What the echo labs share (confidence-lab, links-lab, sentence-vectors-lab): each pair's top item
// under some ranking weights, as an example for the labs' confidence model (lab-fit.ts), its
// outcome once scored, and the one line of BENCHMARKS.md's development-loop numbers they print.

import { enoughEvidence } from '../../../../src/shared/echo/features';
import { NO_RIVAL } from '../../../../src/shared/echo/find-echoes';
import { chooseThreshold, metrics, precisionAtRecall, topOneRight, type Case, type Outcome } from './eval-lib';
import type { Row } from './fit-lib';

const dot = (w: readonly number[], f: readonly number[]) => w.reduce((s, x, i) => s + x * f[i]!, 0);

/** A row's top item by these weights: its features after its margin over the next, whether it is right, and whether it may be shown. */
export function topExample(w: readonly number[], r: Row): { x: number[]; y: number; ok: boolean; r: Row; top: number } {
  const s = r.f.map((f) => dot(w, f));
  const order = s.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || r.f[b]![0]! - r.f[a]![0]!);
  const top = order[0]!;
  const margin = order.length > 1 ? s[top]! - s[order[1]!]! : NO_RIVAL;
  return { x: [margin, ...r.f[top]!], y: r.right[top] ? 1 : 0, ok: enoughEvidence(r.f[top]!), r, top };
}

/** The outcome of a top example at this confidence (0 where it may not be shown). */
export function labOutcome(e: { ok: boolean; r: Row; top: number }, confidence: number): Outcome {
  return { case: e.r.case!, candidate: true, top: { item: e.r.items![e.top]!, score: 0, confidence: e.ok ? confidence : 0, shared: { words: [], ideas: [], entities: [] } }, correct: e.r.right[e.top]! };
}

/** Every case's out-of-fold outcome (none where it had no row), and the line that sums them up. */
export function labLine(name: string, cases: readonly Case[], byCase: { get(c: Case): Outcome | undefined }): { oof: Outcome[]; line: string } {
  const oof = cases.map((c) => byCase.get(c) ?? { case: c, candidate: false, top: null, correct: false });
  const t = chooseThreshold(oof);
  const m = metrics(oof, t);
  const rec = [0.85, 0.88, 0.9].map((p) => (metrics(oof, chooseThreshold(oof, p)).recall * 100).toFixed(1)).join('/');
  const par = [0.5, 0.6, 0.7].map((g) => ((precisionAtRecall(oof, g) ?? 0) * 100).toFixed(1)).join('/');
  return { oof, line: `${name} P ${(m.precision * 100).toFixed(1)} R ${(m.recall * 100).toFixed(1)} (${m.truePositives}/${m.wrongItem}/${m.falseAlarms}) @${t.toFixed(4)} top1 ${(topOneRight(oof) * 100).toFixed(1)} R@85/88/90 ${rec} P@R50/60/70 ${par}` };
}
