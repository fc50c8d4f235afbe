// The top of BENCHMARKS.md: every target of issue 12 in one table, pass or fail, with the run each
// comes from (its date, commit, machine and load average). Two runs feed it, the scanning benchmark
// (bench/run.mjs) and the page-load benchmark (bench/page-load/run.mjs); each rewrites this summary
// after its own results, from bench-results.json and bench/results-meta.json, so it always shows
// the latest full run of both. Between its own markers, placed right after the file's header.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { replaceSection, sectionMarkers } from './marked-section.mjs';
import { judgeTargets } from './targets.mjs';

/** This file's section of BENCHMARKS.md (bench/marked-section.mjs). */
const SECTION = 'targets-summary';
const { start: START, end: END } = sectionMarkers(SECTION);

/** A page-load target's measured value (a number of ms, or a count of timers) as every table shows it. */
export const pageLoadValue = (t) => {
  if (typeof t.value !== 'number') return t.value;
  const number = `${t.value.toFixed(Math.abs(t.value) >= 100 ? 0 : 1)}${t.name.startsWith('Timers') ? '' : ' ms'}`;
  return t.page ? `${number} (${t.page})` : number;
};
const load = (l) => (l ? l.map((x) => x.toFixed(1)).join(' / ') : '–');

/** The summary section from both runs' saved results; null where neither has a full run. */
export function summaryMarkdown(records, meta) {
  const pageLoad = records.find((r) => r && typeof r === 'object' && 'pageLoad' in r)?.pageLoad;
  const scanning = records.filter((r) => r && typeof r === 'object' && 'page' in r);
  const rows = [];
  if (pageLoad?.targets) for (const t of pageLoad.targets) rows.push({ ...t, run: 'page load' });
  if (scanning.length && meta) for (const t of judgeTargets({ ...meta, records: scanning })) rows.push({ ...t, run: 'scanning' });
  if (rows.length === 0) return null;
  const lines = [START, '## Issue 12 at a glance', ''];
  const runs = [];
  if (pageLoad) {
    runs.push(`*Page load*: \`npm run bench:load\` (${pageLoad.plan}, ${pageLoad.rounds} rounds) on ${pageLoad.date.slice(0, 10)}, commit ${pageLoad.source.commit}, ` +
      `${pageLoad.machine.nproc} CPUs, load average ${load(pageLoad.machine.loadAverageAtStart)} at the start and ${load(pageLoad.machine.loadAverageAtEnd)} at the end (section "Page-load cost" below).`);
  }
  if (scanning.length && meta) {
    runs.push(`*Scanning*: \`npm run bench\` (${meta.plan} plan) on ${meta.date.slice(0, 10)}, commit ${meta.source.commit}, ` +
      `${meta.machine.nproc} CPUs, Chromium ${meta.machine.chromium}, load average ${load(meta.machine.loadAverageAtStart)} at the start and ${load(meta.machine.loadAverageAtEnd)} at the end (section "Targets" below, with the details).`);
  }
  lines.push(`Each target of issue 12, judged on the latest full run that measures it. ${runs.join(' ')}`);
  lines.push('');
  lines.push('| Target | Measured | Bar | Result | Run |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const t of rows) lines.push(`| ${t.name} | ${t.run === 'page load' ? pageLoadValue(t) : t.value} | ${t.bar} | ${t.pass ? '**pass**' : '**FAIL**'} | ${t.run} |`);
  const failed = rows.filter((t) => !t.pass).length;
  lines.push('');
  lines.push(`${rows.length - failed} of ${rows.length} pass. Where a target fails, the sections below show the measurements and the profile of where the time goes.`);
  lines.push(END);
  return `${lines.join('\n')}\n`;
}

/** Puts `section` in place of the old one, or after the file's header (its first paragraphs, before any "## "). */
export function placeSummary(text, section) {
  const replaced = replaceSection(text, SECTION, section);
  if (replaced !== null) return replaced;
  const at = text.indexOf('\n## ');
  const marker = text.indexOf('\n<!-- ');
  const cut = [at, marker].filter((i) => i !== -1).reduce((a, b) => Math.min(a, b), text.length);
  return `${text.slice(0, cut + 1)}${section}\n${text.slice(cut + 1)}`;
}

/** Rewrites the summary at the top of BENCHMARKS.md from the saved full runs. */
export async function writeTargetsSummary(repoRoot) {
  const records = JSON.parse(await readFile(path.join(repoRoot, 'bench-results.json'), 'utf8').catch(() => '[]'));
  const meta = JSON.parse(await readFile(path.join(repoRoot, 'bench/results-meta.json'), 'utf8').catch(() => 'null'));
  const section = summaryMarkdown(Array.isArray(records) ? records : [], meta);
  if (!section) return;
  const md = path.join(repoRoot, 'BENCHMARKS.md');
  await writeFile(md, placeSummary(await readFile(md, 'utf8'), section));
}
