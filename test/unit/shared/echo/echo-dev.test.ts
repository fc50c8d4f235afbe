// Development loop for "Sound familiar?" echoes: with ECHOES_DEV=1, scores the development data
// (eval-lib.ts DEVELOPMENT; never a held-out file) by five-fold cross-validation over chains, picks
// the threshold on the pooled out-of-fold confidences, sorts every miss and false alarm into a
// cause (error-analysis.ts), and prints the model fitted on all of it. Skipped on ordinary runs.

import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type ScoreParams } from '../../../../src/shared/echo/bm25';
import { DEFAULT_MIN_CONFIDENCE } from '../../../../src/shared/echo/find-echoes';
import { MODEL } from '../../../../src/shared/echo/model';
import { bestF1, chooseThreshold, evalIndex, loadCases, metrics, precisionAtRecall, topOneRight } from './eval-lib';
import { causes } from './error-analysis';
import { collect, crossValidate, crossValidateRows, fitRows, rounded } from './fit-lib';

const on = process.env.ECHOES_DEV === '1';

describe.runIf(on)('echo development loop (development data only)', () => {
  it('prints cross-validated precision and recall, and the causes of the errors', () => {
    // ECHOES_PARAMS='{"backgroundWeight":0.5}' tries other scoring parameters for this run only.
    Object.assign(DEFAULT_PARAMS, JSON.parse(process.env.ECHOES_PARAMS ?? '{}') as Partial<ScoreParams>);
    const { cases, claims } = loadCases();
    const index = evalIndex(claims);
    const pool = Number(process.env.ECHOES_POOL ?? MODEL.pool);
    const rows = collect(cases, index, pool);
    // ECHOES_EXACT=1 scores every fold through findEchoes itself; the default reuses the rows.
    const { outcomes: oof, models } = process.env.ECHOES_EXACT === '1' ? crossValidate(cases, index) : crossValidateRows(cases, rows, (x) => fitRows(x, pool));
    const fmt = (m: ReturnType<typeof metrics>) => `P ${(m.precision * 100).toFixed(1)} R ${(m.recall * 100).toFixed(1)} (tp ${m.truePositives} wrong ${m.wrongItem} fa ${m.falseAlarms}) @${m.threshold.toFixed(6)}`;
    const t = chooseThreshold(oof);
    const levels = [0.3, 0.4, 0.5, 0.6, 0.7].map((goal) => `P@R${goal * 100} ${((precisionAtRecall(oof, goal) ?? 0) * 100).toFixed(1)}`);
    // Recall at a few precisions: at 0.9 alone one case more or less moves it by points (a narrow ridge).
    const recalls = [0.85, 0.88, 0.9].map((p) => `R@P${p * 100} ${(metrics(oof, chooseThreshold(oof, p)).recall * 100).toFixed(1)}`);
    // Where the wrong ones come from at recall 50% and 70%: wrong items on pairs, or negatives.
    const at = (goal: number) => { const ts = [...new Set(oof.flatMap((o) => (o.top ? [o.top.confidence] : [])))].sort((a, b) => b - a); const hit = ts.find((x) => metrics(oof, x).recall >= goal); return hit === undefined ? 'never' : fmt(metrics(oof, hit)); };
    const full = rounded(fitRows(rows, pool));
    const analysis = causes(oof, t, index, models, cases);
    console.log([
      `cross-validated ${fmt(metrics(oof, t))}  top-1 ${(topOneRight(oof) * 100).toFixed(1)}%`,
      `at the shipped threshold ${fmt(metrics(oof, DEFAULT_MIN_CONFIDENCE))}`,
      `best F1 ${fmt(bestF1(oof))}`,
      levels.join('  '),
      recalls.join('  '),
      `at recall 50%: ${at(0.5)}`, `at recall 70%: ${at(0.7)}`,
      ...Object.entries(analysis.counts).map(([k, n]) => `  ${n}  ${k}`),
      JSON.stringify(full),
    ].join('\n'));
    writeFileSync('/tmp/echo-dev.json', JSON.stringify(analysis.rows, null, 1));
    expect(oof.length).toBe(cases.length);
  }, 600_000);
});
