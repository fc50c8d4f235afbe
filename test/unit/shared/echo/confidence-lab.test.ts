// Experiments on the echo confidence (ECHOES_LAB=1 only): features of the rest of the pool, deeper
// trees, class weights, each fitted inside the cross-validation folds on collected rows, and the
// numbers of BENCHMARKS.md's development loop for each variant. Skipped on ordinary runs.

import { describe, expect, it } from 'vitest';
import { enoughEvidence, FEATURES } from '../../../../src/shared/echo/features';
import { NO_RIVAL } from '../../../../src/shared/echo/find-echoes';
import { MODEL } from '../../../../src/shared/echo/model';
import { evalIndex, FOLDS, loadCases, type Outcome } from './eval-lib';
import { collect, fitRank, type Row } from './fit-lib';
import { fit, type LabExample, type Opts } from './lab-fit';
import { labLine } from './lab-report';

const on = process.env.ECHOES_LAB === '1';
const dot = (w: readonly number[], f: readonly number[]) => w.reduce((s, x, i) => s + x * f[i]!, 0);

interface Ex extends LabExample { row: Row; top: number }

/** Pool features beyond the top's own: what ranks 2–3 say. */
function extras(r: Row, s: number[], order: number[], which: string[]): number[] {
  const top = order[0]!;
  const it = r.items!;
  const ent = (i: number) => it[i]!.entityId ?? it[i]!.id;
  const max = s[top]!;
  const e = s.map((x) => Math.exp(x - max));
  const z = e.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  for (const w of which) {
    if (w === 'share') out.push(e[top]! / z);
    if (w === 'entShare') out.push(e.reduce((a, b, i) => a + (ent(i) === ent(top) ? b : 0), 0) / z);
    if (w === 'same2') out.push(order[1] !== undefined && ent(order[1]) === ent(top) ? 1 : 0);
    if (w === 'same23') out.push(order.slice(1, 3).filter((i) => ent(i) === ent(top)).length);
    if (w === 'gap3') out.push(order[2] !== undefined ? Math.min(NO_RIVAL * 2, s[top]! - s[order[2]]!) : NO_RIVAL * 2);
    if (w === 'link2') out.push(order[1] !== undefined && (it[order[1]]!.entities ?? []).some((x: string) => (it[top]!.entities ?? []).includes(x)) ? 1 : 0);
    if (w === 'poolN') out.push(r.f.length / MODEL.pool);
  }
  return out;
}

function examples(rows: readonly Row[], w: number[], which: string[]): Ex[] {
  return rows.map((r) => {
    const s = r.f.map((f) => dot(w, f));
    const order = s.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || r.f[b]![0]! - r.f[a]![0]!);
    const top = order[0]!;
    const margin = order.length > 1 ? s[top]! - s[order[1]!]! : NO_RIVAL;
    return { x: [margin, ...r.f[top]!, ...extras(r, s, order, which)], y: r.right[top] ? 1 : 0, row: r, top, ok: enoughEvidence(r.f[top]!) };
  });
}

describe.runIf(on)('echo confidence lab (development data only)', () => {
  it('prints cross-validated numbers for each variant', () => {
    const { cases, claims } = loadCases();
    const index = evalIndex(claims);
    const rows = collect(cases, index);
    const ranks = Array.from({ length: FOLDS }, (_, k) => fitRank(rows.filter((r) => r.case!.fold !== k)));
    const base: Opts = { l2: 0.01, rounds: 100, rate: 0.1, minLeaf: 20, depth: 1, balance: false };
    const variants: [string, string[], Opts][] = JSON.parse(process.env.ECHOES_LAB_VARIANTS ?? 'null') ?? [['baseline', [], base]];
    for (const [name, which, o0] of variants) {
      const o = { ...base, ...o0 };
      const byCase = new Map<unknown, Outcome>();
      for (let k = 0; k < FOLDS; k++) {
        const model = fit(examples(rows.filter((r) => r.case!.fold !== k), ranks[k]!, which), o);
        for (const ex of examples(rows.filter((r) => r.case!.fold === k), ranks[k]!, which)) {
          const conf = ex.ok ? model(ex.x) : 0;
          byCase.set(ex.row.case, { case: ex.row.case!, candidate: true, top: { item: ex.row.items![ex.top]!, score: 0, confidence: conf, shared: { words: [], ideas: [], entities: [] } }, correct: ex.row.right[ex.top]! });
        }
      }
      if (process.env.ECHOES_LAB_DUMP === '1') {
        // The pool's features are described for every variant, whether or not the model uses them.
        const look = ['share', 'entShare', 'same2', 'same23', 'link2'];
        const names = ['margin', ...FEATURES, ...look];
        const groups: Record<string, number[][]> = { 'A right top below': [], 'B wrong/false alarm above': [], 'C hit above': [] };
        const th = 0.7749;
        for (let k = 0; k < FOLDS; k++) for (const ex of examples(rows.filter((r) => r.case!.fold === k), ranks[k]!, look)) {
          const conf = byCase.get(ex.row.case)!.top!.confidence;
          if (ex.y === 1 && conf < th) groups['A right top below']!.push(ex.x);
          if (ex.y === 0 && conf >= th) { groups['B wrong/false alarm above']!.push(ex.x); console.log(`B ${ex.row.case!.id} ${ex.row.case!.kind} conf ${conf.toFixed(2)} top ${ex.row.items![ex.top]!.id} ${look.map((w, i) => `${w}=${ex.x[1 + FEATURES.length + i]!.toFixed(2)}`).join(' ')} margin=${ex.x[0]!.toFixed(2)} "${ex.row.case!.text.slice(0, 90)}"`); }
          if (ex.y === 1 && conf >= th) groups['C hit above']!.push(ex.x);
        }
        for (const [g, xs] of Object.entries(groups)) console.log(`${g} (${xs.length}): ` + names.map((n, i) => `${n} ${(xs.reduce((a, x) => a + x[i]!, 0) / Math.max(1, xs.length)).toFixed(2)}`).join(', '));
      }
      console.log(labLine(name.padEnd(28), cases, byCase).line);
    }
    expect(FEATURES.length).toBeGreaterThan(0);
  }, 1_200_000);
});
