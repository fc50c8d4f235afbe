// Development loop for "Sound familiar?" echoes: with ECHOES_DEV=1, scores the development set only
// (pairs.json, negatives.json; never the fresh held-out set). The model is fitted on one half and
// measured on the other, both ways; the threshold is chosen on the pooled out-of-fold confidences.
// Prints the numbers and the model fitted on the whole development set. Skipped on ordinary runs.

import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type ScoreParams } from '../../../../src/shared/echo/bm25';
import { chooseThreshold, evalIndex, loadCases, metrics, run } from './eval-lib';
import { fitModel, rounded } from './fit-lib';

const on = process.env.ECHOES_DEV === '1';

describe.runIf(on)('echo development loop (development set only)', () => {
  it('prints cross-fitted precision and recall', () => {
    // ECHOES_PARAMS='{"backgroundWeight":0.5}' tries other scoring parameters for this run only.
    Object.assign(DEFAULT_PARAMS, JSON.parse(process.env.ECHOES_PARAMS ?? '{}') as Partial<ScoreParams>);
    const { cases, claims } = loadCases('dev');
    const index = evalIndex(claims);
    const a = cases.filter((c) => c.split === 'dev');
    const b = cases.filter((c) => c.split === 'test');
    const oof = [...run(b, index, fitModel(a, index)), ...run(a, index, fitModel(b, index))];
    const fmt = (m: ReturnType<typeof metrics>) => `P ${(m.precision * 100).toFixed(1)} R ${(m.recall * 100).toFixed(1)} (tp ${m.truePositives} wrong ${m.wrongItem} fa ${m.falseAlarms}) @${m.threshold.toFixed(3)}`;
    const t = chooseThreshold(oof);
    const pairs = oof.filter((o) => o.case.kind === 'pair');
    const top1 = pairs.filter((o) => o.correct).length / pairs.length;
    const full = rounded(fitModel(cases, index));
    const inSample = run(cases, index, full);
    console.log(`out-of-fold ${fmt(metrics(oof, t))}\n  A ${fmt(metrics(oof.filter((o) => o.case.split === 'dev'), t))}\n  B ${fmt(metrics(oof.filter((o) => o.case.split === 'test'), t))}\ntop-1 right ${(top1 * 100).toFixed(1)}%\nin-sample ${fmt(metrics(inSample, t))}\n${JSON.stringify(full)}`);
    writeFileSync('/tmp/echo-dev.json', JSON.stringify(oof.map((o) => ({
      id: o.case.id, kind: o.case.kind, text: o.case.text, want: o.case.accept[0], cand: o.candidate, correct: o.correct,
      top: o.top?.item.id, conf: o.top?.confidence, shared: o.top?.shared,
    })), null, 1));
    // Precision where recall reaches each level: steadier than one threshold at P >= 0.9.
    const levels = [0.3, 0.4, 0.5, 0.6, 0.7].map((goal) => {
      const ts = [...new Set(oof.flatMap((o) => (o.top ? [o.top.confidence] : [])))].sort((x, y) => y - x);
      const hit = ts.map((x) => metrics(oof, x)).find((m) => m.recall >= goal);
      return `P@R${goal * 100} ${hit ? (hit.precision * 100).toFixed(1) : '-'}`;
    });
    console.log(levels.join('  '));
    expect(oof.length).toBe(cases.length);
  }, 120_000);
});
