// Writes the page-load results: the "Page-load cost (issue 12)" section of BENCHMARKS.md (between
// page-load markers, placed before "## Targets"; bench/report.mjs keeps it when it rewrites the
// file) and the `{ "pageLoad": … }` entry of bench-results.json (bench/report.mjs keeps it too).
// Quick runs write bench/.cache/page-load.quick.md instead.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { replaceSection, sectionMarkers } from '../marked-section.mjs';
import { pageLoadValue, writeTargetsSummary } from '../targets-summary.mjs';
import { BUCKETS } from './attribute.mjs';

/** This file's section of BENCHMARKS.md (bench/marked-section.mjs). */
const SECTION = 'page-load';
export const { start: START, end: END } = sectionMarkers(SECTION);

const f = (x, d = 1) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(Math.abs(x) >= 100 ? 0 : d) : '–');
const mb = (b) => (typeof b === 'number' ? `${(b / 1024 / 1024).toFixed(2)} MB` : '–');

/** Evaluations of the on-wake scripts in a traced load, "session / ui" (0 if never injected or not built; '–' for runs from before they were counted). */
const onWakeRuns = (t) => ['content-session.js', 'content-ui.js'].map((file) => f(t.scriptRuns?.[file], 0)).join(' / ');
/** A variant's name in headings and rows. */
const label = (res, v) => (v === 'builtin' ? 'shipped (core pack)' : v === 'baseline' ? `before: commit ${res.baseline?.commit ?? '?'}, shipped pack` : `core + generated, ${v}`);

/** Per page, the baseline build's added CPU beside this build's, and their ratio (same run, interleaved). */
function beforeAfter(res, p, f) {
  if (!res.overall.baseline) return;
  p(`### Before / after in this run (commit ${res.baseline.commit} against the measured source; shipped pack; medians over ${res.rounds} rounds, ms)`);
  p();
  p(`Both are whole-extension builds (background, manifest, content script) of a commit, loaded in the same run, interleaved with each other and with the browser without the extension. ` +
    `${res.baseline.between ? `The ${res.baseline.between} commits between them (\`git log ${res.baseline.commit}..${res.source.commit}\`) include other work than page-load cost (knowledge-base edits change the dictionary and the mentions a page has), so a ratio is the whole difference, not this work's alone. ` : ''}` +
    'Ratios of medians of differences of noisy numbers: read the direction and the size, not the second digit.');
  p();
  p('| Page | added CPU time before | after | after / before | added task time before | after | after / before |');
  p('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}` : '–');
  for (const [name, pg] of Object.entries(res.perPage)) {
    const a = pg.variants.builtin.added;
    const b = pg.variants.baseline.added;
    p(`| ${name} | ${f(b.threadMs)} | ${f(a.threadMs)} | ${ratio(a.threadMs, b.threadMs)} | ${f(b.cpuMs)} | ${f(a.cpuMs)} | ${ratio(a.cpuMs, b.cpuMs)} |`);
  }
  const o = res.overall;
  p(`| **median over pages** | ${f(o.baseline.medianAddedThreadMs)} | ${f(o.builtin.medianAddedThreadMs)} | ${ratio(o.builtin.medianAddedThreadMs, o.baseline.medianAddedThreadMs)} | ${f(o.baseline.medianAddedCpuMs)} | ${f(o.builtin.medianAddedCpuMs)} | ${ratio(o.builtin.medianAddedCpuMs, o.baseline.medianAddedCpuMs)} |`);
  p(`| **worst page** | ${f(o.baseline.worstAddedThreadMs)} (${o.baseline.worstThreadPage}) | ${f(o.builtin.worstAddedThreadMs)} (${o.builtin.worstThreadPage}) | ${ratio(o.builtin.worstAddedThreadMs, o.baseline.worstAddedThreadMs)} | ${f(o.baseline.worstAddedCpuMs)} (${o.baseline.worstPage}) | ${f(o.builtin.worstAddedCpuMs)} (${o.builtin.worstPage}) | ${ratio(o.builtin.worstAddedCpuMs, o.baseline.worstAddedCpuMs)} |`);
  const tb = res.traces.baseline;
  const ta = res.traces.builtin;
  if (!tb || !ta) return;
  p();
  p(`Traced (median of ${Object.values(ta)[0]?.runs ?? 1} traced load(s) per page and build, interleaved): CPU time of the tasks that ran our content scripts (see the attribution below), before → after.`);
  p();
  p('| Page | extension tasks CPU before | after | after / before | dictionary transfer + load | walk + match | native (message, bindings) | parse/compile | content.js runs |');
  p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const arrow = (t0, t1, k) => `${f(t0?.buckets?.[k])} → ${f(t1?.buckets?.[k])}`;
  for (const name of Object.keys(ta)) {
    const a = ta[name];
    const b = tb[name];
    p(`| ${name} | ${f(b?.extensionTaskMs)} | ${f(a.extensionTaskMs)} | ${ratio(a.extensionTaskMs, b?.extensionTaskMs)} | ${arrow(b, a, 'dictionary transfer + load')} | ${arrow(b, a, 'walk + match')} | ${arrow(b, a, 'native (bindings, message deserialisation)')} | ${arrow(b, a, 'parse/compile')} | ${b?.contentScriptEvaluations ?? '–'} → ${a.contentScriptEvaluations} |`);
  }
}

export function markdown(res) {
  const lines = [];
  const p = (s = '') => lines.push(s);
  const b = res.overall.builtin;
  p(START);
  p('## Page-load cost (issue 12)');
  p();
  p(`Generated by \`npm run bench:load\` (${res.plan}, ${res.rounds} rounds) on ${res.date.slice(0, 10)} in ${(res.elapsedS / 60).toFixed(1)} min; source commit ${res.source.commit}` +
    `${res.source.srcModified ? ` with ${res.source.srcModified} uncommitted change(s) under src/` : ''}${res.source.fromGit ? ' (the whole extension built from that commit in a temp directory)' : res.contentMatchesDist ? '' : ` (${res.contentDiffering?.join(', ') || 'content.js'} rebuilt from the working tree; dist/chrome was older)`}. ` +
    `Load average ${res.machine.loadAverageAtStart.map((x) => x.toFixed(1)).join(' / ')} at the start, ${res.machine.loadAverageAtEnd.map((x) => x.toFixed(1)).join(' / ')} at the end, ${res.machine.nproc} CPUs.`);
  p();
  p('*Added CPU*: the page\'s renderer main-thread task time (`Performance.getMetrics` TaskDuration minus DevToolsCommandDuration) from navigation until the tab has done < ' + (res.quietMs ?? 0.5) + ' ms of work in a second (`--quiet-ms`), with the extension minus without; ' +
    'the two loads of a pair run one after the other in two persistent Chromium contexts, and each number is the median over rounds of the pair\'s difference. ' +
    '*CPU time* is the same from ThreadTime (the main thread\'s CPU time, which does not count time the thread waited for a core: on a loaded 2-core machine task time is mostly waiting, and CPU time is the steadier measure). *% of page*: of the page\'s own task time without the extension. ' +
    'Pages are served at `https://www.gov.uk/government/news/<name>` with every subresource aborted and the page\'s own scripts blocked (CSP), so the page\'s own CPU is parsing, style, layout and paint.');
  p();
  p('| Target | Measured | Bar | Result |');
  p('| --- | --- | --- | --- |');
  for (const t of res.targets) p(`| ${t.name} | ${pageLoadValue(t)} | ${t.bar} | ${t.pass ? '**pass**' : '**FAIL**'} |`);
  p();
  beforeAfter(res, p, f);
  p();
  p('### By dictionary size (median over the pages, and the worst page)');
  p();
  p('| Built-in pack | aliases | added CPU, median | % of page, median | worst page | added CPU time (ThreadTime), median / worst | added JS heap, median / worst |');
  p('| --- | ---: | ---: | ---: | --- | ---: | ---: |');
  for (const [v, o] of Object.entries(res.overall)) {
    p(`| ${label(res, v)} | ${v === 'baseline' ? '–' : o.aliases} | ${f(o.medianAddedCpuMs)} ms | ${f(o.medianAddedPct)}% | ${f(o.worstAddedCpuMs)} ms (${o.worstPage}, ${f(o.worstPct)}%) | ` +
      `${f(o.medianAddedThreadMs)} / ${f(o.worstAddedThreadMs)} ms | ${mb(o.medianAddedHeapBytes)} / ${mb(o.worstAddedHeapBytes)} |`);
  }
  for (const v of Object.keys(res.overall)) {
    p();
    p(`### Per page, ${v === 'builtin' ? 'shipped pack' : v === 'baseline' ? label(res, v) : `${v} aliases`} (medians over ${res.rounds} rounds, ms)`);
    p();
    p('| Page | size | page alone: tasks / CPU time | added: tasks | % of page | added CPU time | added script | added compile | added style + layout | added JS heap | mentions | after-quiet check |');
    p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, pg] of Object.entries(res.perPage)) {
      const x = pg.variants[v];
      p(`| ${name}${pg.kind === 'fixture' ? ' (fixture)' : ''} | ${(pg.bytes / 1024).toFixed(0)} KB | ${f(pg.without.cpuMs)} / ${f(pg.without.threadMs)} | **${f(x.added.cpuMs)}** | ${f(x.addedPctOfPage)}% | ${f(x.added.threadMs)} | ` +
        `${f(x.added.scriptMs)} | ${f(x.added.compileMs)} | ${f(x.added.styleMs + x.added.layoutMs)} | ${mb(x.addedHeapBytes)} | ${x.mentions ?? '–'} | ${f(x.afterQuietMs)}${x.quietTimeouts ? ` (${x.quietTimeouts} never quiet)` : ''} |`);
    }
  }
  p();
  p('### Where the extension\'s time goes (one traced load per page, ms)');
  p();
  p('Attribution: *our scripts* are every content script the build has: `content.js` (always loaded) and, where built, `content-session.js` (injected when a page wakes) and `content-ui.js` (injected on the reader\'s first interaction). ' +
    'The page\'s renderer main thread is the one that evaluated one of them; an *extension task* is a top-level task in which a V8 CPU-profile sample (0.1 ms) had a frame in one of them, or which compiled or evaluated one of them. ' +
    'Inside those tasks, *parse/compile* is the `v8.compile` events for our scripts; *forced style/layout* the UpdateLayoutTree / Layout events; every other sample goes to the source file of its innermost frame of ours (through that script\'s own source map, of the very same minified bytes): ' +
    '`scan/loaded-dictionary`, `shared/dictionary`, `matcher/pack` → dictionary load; the rest of `content/scan`, `shared/matcher`, `normalise`, `precision`, `knowledge` → walk + match; `content/highlight` → highlight registration; `content/ui`, `selection`, Preact → UI set-up; ' +
    '`platform/`, the polyfill → messaging; `page-session`, `index`, the two entry files → session + start-up. Samples without a frame of ours are GC or native (the extension bindings, deserialising a message such as the `page/start` reply, which carries the dictionary); *other* is task time no sample covered (e.g. setting up the isolated world). ' +
    'Bucket times are CPU time: each task\'s sampled split is scaled by its thread time over its wall time (RunTask `tdur / dur`), so time spent waiting for a core is not charged. ' +
    'Style, layout and paint that the highlights cause later, in the page\'s own rendering tasks, are in the per-page tables (added style + layout), not here. Traced loads are slower than untraced ones (the profiler samples every 0.1 ms).');
  const cols = BUCKETS;
  for (const [v, byPage] of Object.entries(res.traces)) {
    p();
    p(`**${v === 'builtin' ? 'Shipped pack' : v === 'baseline' ? label(res, v) : `${v} aliases`}**`);
    p();
    p(`| Page | extension tasks: CPU / wall (n) | longest: CPU / wall | ${cols.join(' | ')} | content.js runs | session / ui runs |`);
    p(`| --- | ---: | ---: | ${cols.map(() => '---:').join(' | ')} | ---: | ---: |`);
    for (const [name, t] of Object.entries(byPage)) {
      if (t.error) {
        p(`| ${name} | ${t.error} |`);
        continue;
      }
      p(`| ${name} | ${f(t.extensionTaskMs)} / ${f(t.extensionTaskWallMs)} (${t.extensionTasks}) | ${f(t.longestExtensionTaskCpuMs)} / ${f(t.longestExtensionTaskMs)} | ${cols.map((c) => f(t.buckets[c])).join(' | ')} | ${t.contentScriptEvaluations} | ${onWakeRuns(t)} |`);
    }
  }
  const shipped = Object.values(res.traces.builtin ?? {}).filter((t) => !t.error);
  if (shipped.length > 0) {
    const total = shipped.reduce((n, t) => n + t.extensionTaskMs, 0);
    const byBucket = cols.map((c) => [c, shipped.reduce((n, t) => n + (t.buckets[c] ?? 0), 0)]).sort((a, b) => b[1] - a[1]);
    p();
    p(`Where the shipped build's content-script CPU goes, summed over the ${shipped.length} traced loads (${f(total)} ms): ` +
      byBucket.slice(0, 6).map(([c, ms]) => `${c} ${f(ms)} ms (${f((100 * ms) / total, 0)}%)`).join(', ') + '.');
  }
  const spots = new Map();
  for (const t of Object.values(res.traces.builtin ?? {})) for (const s of t.hotSpots ?? []) spots.set(s.where, (spots.get(s.where) ?? 0) + s.ms);
  p();
  p('Hottest functions in extension tasks, shipped pack, summed over the nine traced loads (sampled wall time; the innermost function of ours as source file:line of its start, with what V8 inlined into it, → the native function it was in): ' +
    [...spots].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([w, ms]) => `\`${w.trim().replace(/^undefined:null/, '(no source: bundle glue)')}\` ${f(ms)} ms`).join('; ') + '.');
  p();
  p(`### Idle tab (${res.idleMs / 1000} s after the first scan, medians)`);
  p();
  p('| Page | variant | main-thread tasks | CPU time | script | timers installed + fired | frame / idle / function callbacks | trace events from the extension |');
  p('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [page, byV] of Object.entries(res.idle)) {
    for (const [v, i] of Object.entries(byV)) p(`| ${page} | ${v === 'none' ? 'without' : 'with'} | ${f(i.cpuMs, 2)} ms | ${f(i.threadMs, 2)} ms | ${f(i.scriptMs, 2)} ms | ${i.timers} | ${i.callbacks} | ${i.extensionEvents} |`);
  }
  p();
  p('The 10k and 50k rows come from bench-only builds written to a temp directory (`bench/page-load/bench-dist.mjs`): dist/chrome copied with its manifest untouched, `background.js` rebuilt with the ' +
    'core pack plus the benchmark\'s generated entities (`bench/generate-dictionary.mjs`, as `npm run bench` uses), so the background seeds them, compiles one dictionary and sends it to every tab as it does the shipped one. ' +
    '*After-quiet check*: main-thread work between the reading and the content script\'s reply to `page/mentions` (which it sends only after its first scan); it is small when the scan had finished, and includes the popup summary\'s first `localeCompare` on pages with mentions. ' +
    'Memory: `JSHeapUsedSize` after a forced GC, with minus without (the V8 heap of the tab\'s renderer, isolated world included). Timings on this 2-core machine are noisy: read medians and the with/without pairs, not single loads. ' +
    `Task time (TaskDuration) is wall time and counts time the main thread waited for a core, so when the machine is busy (load average above) it inflates and scatters, and the small style + layout deltas can come out negative; ` +
    'CPU time (ThreadTime) and the traced CPU split are the steadier numbers. A load that never had a quiet second within 15 s is read at 15 s (counted in the after-quiet column); such a reading includes up to 15 s of the tab\'s background work on both sides of a pair.');
  p(END);
  return `${lines.join('\n')}\n`;
}

/** Replaces the section in `text`, or puts it before "## Targets" (the top of the results). */
export function placeSection(text, section) {
  const replaced = replaceSection(text, SECTION, section);
  if (replaced !== null) return replaced;
  const at = text.indexOf('\n## Targets');
  return at === -1 ? `${text}\n${section}` : `${text.slice(0, at + 1)}${section}\n${text.slice(at + 1)}`;
}

export async function writePageLoadReport(repoRoot, res, { quick, section: writeSection = false }) {
  const section = markdown(res);
  const md = path.join(repoRoot, 'BENCHMARKS.md');
  if (quick) {
    const file = path.join(repoRoot, 'bench/.cache/page-load.quick.md');
    await writeFile(file, section);
    if (!writeSection) return [file];
    await writeFile(md, placeSection(await readFile(md, 'utf8'), section));
    return [file, md];
  }
  await writeFile(md, placeSection(await readFile(md, 'utf8'), section));
  const json = path.join(repoRoot, 'bench-results.json');
  const records = JSON.parse(await readFile(json, 'utf8')).filter((r) => !('pageLoad' in r));
  records.push({ pageLoad: res });
  await writeFile(json, `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
  await writeTargetsSummary(repoRoot);
  return [md, json];
}
