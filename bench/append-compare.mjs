// The append part of the scanning benchmark alone (`node bench/append-compare.mjs`, a few minutes):
// on the 2 MB generated page at 10k aliases, after a live scan, 500 paragraphs are appended and
// processed; ours as a baseline commit builds it against the same commit with this working tree's
// copy of some paths laid over it (dictionaries compiled by the baseline), and the RegExp engine
// scanning only the added subtree, in alternating tabs. Reports medians of the main-thread CPU each spent (trace thread time outside
// style/layout/paint, trace.mjs scriptCpuMs) beside the wall time to processed. With --profile, also
// a sampled CPU profile of the overlaid variant's appends: self time by function.
// Writes bench/.cache/append-compare.json; never touches BENCHMARKS.md or bench-results.json.
//   --baseline=<rev>   (default HEAD)   --overlay=<path,...>   (default: the append path's scan files)
//   --rounds=<n>       (default 5)      --profile
//   --separate         the 500 paragraphs appended one by one (500 roots), not in one wrapper
//   --gc-first         a full GC (HeapProfiler.collectGarbage) before each append: the state the full
//                      benchmark's heap reading leaves its first append in (measure-set.mjs)

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { overlayHarness } from './overlay-harness.mjs';
import { launch, openPage, startTrace, stopTrace } from './browser.mjs';
import { buildDictionaries, buildPages, truthFor } from './fixtures.mjs';
import { generateEntities } from './generate-dictionary.mjs';
import { median } from './stats.mjs';
import { taskWindows } from './trace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const cache = path.join(here, '.cache');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const known = ['baseline', 'rounds', 'overlay', 'profile', 'separate', 'gc-first'];
const unknown = process.argv.slice(2).filter((a) => !known.some((k) => a === `--${k}` || a.startsWith(`--${k}=`)));
if (unknown.length) {
  console.error(`append-compare: unknown arguments ${unknown.join(' ')} (known: ${known.map((k) => `--${k}`).join(' ')})`);
  process.exit(2);
}
const git = (...args) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
const baseline = git('rev-parse', '--short', arg('baseline', 'HEAD'));
const APPEND_PATH = ['scanner', 'mention-index', 'text-blocks', 'block-matches'].map((f) => `src/content/scan/${f}.ts`).join(',');
const overlay = arg('overlay', APPEND_PATH).split(',').filter(Boolean);
const rounds = Number(arg('rounds', '5'));
const profile = process.argv.includes('--profile');
const separate = process.argv.includes('--separate');
const gcFirst = process.argv.includes('--gc-first');
const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

/** The bench's in-page harness over the baseline's `src`, with `paths` from this working tree laid over it. */
const harnessFor = (name, paths) => overlayHarness({ repoRoot, cache, baseline, name: `append-${name}`, paths, benchDirs: ['bench/page', 'bench/engines', 'bench/node'] });

log(`baseline ${baseline}; compared: ${baseline} + working tree ${overlay.join(', ')}; ${rounds} rounds${gcFirst ? '; a full GC before each append' : ''}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const variants = { base: await harnessFor('base', []), head: await harnessFor('head', overlay) };
const kbOut = path.join(cache, 'append-kb.mjs');
// The dictionaries as the baseline compiles them, the format both variants read (overlay scan code only).
await build({ entryPoints: [path.join(cache, 'append-base/bench/node/kb.ts')], outfile: kbOut, bundle: true, logLevel: 'warning', format: 'esm', platform: 'node', target: ['node20'] });
const kb = await import(kbOut);
const css = `${await readFile(path.join(repoRoot, 'src/content/highlight/highlights.css'), 'utf8')}\n::highlight(bench-regexp) { background-color: rgba(255, 184, 28, 0.32); }`;
const dict = buildDictionaries(kb, ['10k'])['10k'];
const largest = kb.aliasSpecs(generateEntities(50_000, kb.kbEntities(), (e) => kb.aliasSpecs([e]).length));
const site = (await buildPages(repoRoot, ['gen-2mb'], largest))['gen-2mb'];
const truth = truthFor(site, dict, null);

const { browser, context } = await launch();
const call = (page, method, ...args) => page.evaluate(([m, a]) => window.__bench[m](...a), [method, args]);
/** Self time (ms) by function over every profile taken of the overlaid variant. */
const selfTime = new Map();

/** One tab: `appends` times a live scan, then 500 paragraphs appended and processed under the tracer. */
async function measure(variant, engine, appends = 2) {
  const { page, cdp } = await openPage(context, { url: site.url, html: site.html, harness: variants[variant], css });
  const out = [];
  try {
    await call(page, 'stash', dict.payloads[engine]);
    await call(page, 'load', engine);
    // One full run first: what is on screen, which the live runs' firstVisibleMs waits for.
    await call(page, 'run', 'warm');
    await call(page, 'clear');
    await call(page, 'settle');
    for (let i = 0; i < appends; i++) {
      // The first scan as the content script runs it, timed too: the scan code under test runs it.
      const live = await call(page, 'live', `live-${i}`);
      const liveAccuracy = i === 0 ? await call(page, 'accuracy', truth) : null;
      if (gcFirst) await cdp.send('HeapProfiler.collectGarbage');
      await call(page, 'prepareAppend', site.append, separate);
      await startTrace(browser, page);
      const sampled = profile && variant === 'head' && engine === 'ours';
      if (sampled) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      const inc = await call(page, 'append', 'inc');
      if (sampled) addSelfTime((await cdp.send('Profiler.stop')).profile);
      const w = taskWindows(await stopTrace(browser)).inc;
      out.push({ ...inc, liveMs: live.liveMs, firstVisibleMs: live.firstVisibleMs, cpuMs: w.scriptCpuMs, renderMs: w.renderTotalMs, longestScriptTaskMs: w.longestScriptTaskMs, liveAccuracy });
      await call(page, 'stopLive');
      await call(page, 'settle');
    }
  } finally {
    await page.close();
  }
  return out;
}

function addSelfTime(p) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  p.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000));
  for (const [id, ms] of dt) {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'}${f.url ? ` ${f.url}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`;
    selfTime.set(key, (selfTime.get(key) ?? 0) + ms);
  }
}

/** @type {Record<'base' | 'head' | 'regexp', any[]>} */
const samples = { base: [], head: [], regexp: [] };
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? ['head', 'regexp', 'base'] : ['base', 'regexp', 'head'];
  for (const name of order) {
    const runs = await measure(name === 'regexp' ? 'head' : name, name === 'regexp' ? 'regexp' : 'ours');
    samples[name].push(...runs);
    log(`round ${round + 1} ${name}: CPU ${runs.map((r) => r.cpuMs.toFixed(1)).join('/')} ms; processed ${runs.map((r) => r.processedMs.toFixed(0)).join('/')} ms; shown after ${runs.map((r) => r.shown).join('/')}`);
  }
}
await browser.close();

const summary = (list) => ({
  runs: list.length,
  cpuMs: median(list.map((r) => r.cpuMs)),
  processedMs: median(list.map((r) => r.processedMs)),
  settleMs: median(list.map((r) => r.settleMs)),
  firstScanLiveMs: median(list.map((r) => r.liveMs)),
  firstScanFirstVisibleMs: median(list.map((r) => r.firstVisibleMs)),
  paintedMs: median(list.map((r) => r.paintedMs)),
  renderMs: median(list.map((r) => r.renderMs)),
  longestScriptTaskMs: median(list.map((r) => r.longestScriptTaskMs)),
  shownAfterAppend: median(list.map((r) => r.shown)),
  liveRecall: Math.min(...list.filter((r) => r.liveAccuracy).map((r) => r.liveAccuracy.recall)),
  livePrecision: Math.min(...list.filter((r) => r.liveAccuracy).map((r) => r.liveAccuracy.precision)),
});
const s = { base: summary(samples.base), head: summary(samples.head), regexp: summary(samples.regexp) };
const fmt = (x) => (x === null || x === undefined ? '–' : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));
console.log(`\n| gen-2mb, 10k, 500 paragraphs appended${separate ? ' one by one' : ''}${gcFirst ? ' after a full GC' : ''} (medians of ${samples.head.length}) | ours ${baseline} | ours ${baseline} + ${overlay.join(', ')} | base / new | RegExp, added subtree |\n| --- | ---: | ---: | ---: | ---: |`);
for (const key of Object.keys(s.head)) {
  const ratio = s.head[key] ? (s.base[key] / s.head[key]).toFixed(2) : '';
  console.log(`| ${key} | ${fmt(s.base[key])} | ${fmt(s.head[key])} | ${ratio} | ${fmt(s.regexp[key])} |`);
}
console.log(`\nCPU, ours vs RegExp on the added subtree: base ${(s.base.cpuMs / s.regexp.cpuMs).toFixed(2)}x, new ${(s.head.cpuMs / s.regexp.cpuMs).toFixed(2)}x (target ≤ 2x)`);
if (profile) {
  const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
  console.log(`\nSelf time over the new variant's appends (${total.toFixed(0)} ms sampled, all profiled appends):`);
  for (const [k, ms] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
}
const out = path.join(cache, 'append-compare.json');
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), baseline, overlay, rounds, gcFirst, loadAverage: os.loadavg(), summary: s, samples, selfTime: Object.fromEntries(selfTime) }, null, 1));
log(`wrote ${path.relative(repoRoot, out)}`);
