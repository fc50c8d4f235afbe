// `npm run bench:load` (also the last part of `npm run bench`; `-- --quick` for a short run):
// the main-thread CPU, idle work and JS heap the extension adds to a page load. The same pages load
// in persistent Chromium contexts with and without the extension, alternating, in one run; one
// traced load per page attributes the content script's time. Full runs write the "Page-load cost
// (issue 12)" section of BENCHMARKS.md and the `pageLoad` entry of bench-results.json; quick runs
// write to bench/.cache.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles } from '../build-bundles.mjs';
import { generateEntities } from '../generate-dictionary.mjs';
import { attribute } from './attribute.mjs';
import { buildBaselineDist, buildBenchDist, contentDifferingFromDist } from './bench-dist.mjs';
import { launchVariant, measureIdle, measureLoad } from './browsers.mjs';
import { writePageLoadReport } from './report.mjs';
import { summarise } from './summarise.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
if (argv.includes('--report-only')) {
  // Rewrites the BENCHMARKS.md section from the `pageLoad` entry of bench-results.json.
  const entry = JSON.parse(await readFile(path.join(repoRoot, 'bench-results.json'), 'utf8')).find((r) => r && 'pageLoad' in r);
  if (!entry) throw new Error('bench-results.json has no pageLoad entry: run npm run bench:load first');
  const b = entry.pageLoad.baseline;
  if (b && b.between === undefined) {
    b.between = Number(execFileSync('git', ['rev-list', '--count', `${b.commit}..${entry.pageLoad.source.commit}`], { cwd: repoRoot, encoding: 'utf8' }).trim());
  }
  await writePageLoadReport(repoRoot, entry.pageLoad, { quick: false });
  process.exit(0);
}
const arg = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const rounds = Number(arg('rounds', quick ? 3 : 5));
const sizes = arg('sizes', quick ? '' : '10k,50k').split(',').filter(Boolean);
const idleMs = Number(arg('idle-ms', 10_000));
// How little work in a second counts as quiet (a busy machine's pages tick over at 0.5–2 ms a second).
const quietMs = Number(arg('quiet-ms', 0.5));
// `--baseline=<git rev>`: also load the extension as built from that revision (variant 'baseline'),
// interleaved with the others, for a before/after comparison in one run.
const baselineRev = arg('baseline', null);
// `--source=<git rev>`: build the measured (shipped-pack) extension from that revision, not the
// working tree, so a comparison holds only committed changes (other work in progress left out).
const sourceRev = arg('source', null);
// `--pages=a,b`: a subset of the pages; `--skip=trace,idle`: leave out the traced or idle parts.
const onlyPages = arg('pages', '').split(',').filter(Boolean);
const skip = new Set(arg('skip', '').split(',').filter(Boolean));
const started = Date.now();
const log = (msg) => console.log(`[page-load ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

// Six real articles (the biggest first) and three short ones with mentions, all at gov.uk addresses.
const CORPUS = ['yahoo-2', 'guardian-1', 'wikipedia-2', 'nytimes-4', 'msn', 'bbc-1'];
const FIXTURES = ['local-digital', 'ministers', 'platforms'];
const IDLE_PAGES = ['yahoo-2', 'local-digital'];
const RETRY_AFTER_QUIET_MS = 150;
const urlOf = (name) => `https://www.gov.uk/government/news/${name}`;

if (!existsSync(path.join(repoRoot, 'dist/chrome/manifest.json'))) execFileSync('node', ['build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
const git = (...args) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
const source = sourceRev
  ? { commit: git('rev-parse', '--short', sourceRev), srcModified: 0, fromGit: true }
  : { commit: git('rev-parse', '--short', 'HEAD'), srcModified: git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean).length };
const loadAtStart = os.loadavg();
log(`rounds ${rounds}; sizes builtin${sizes.map((s) => `, ${s}`).join('')}; load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')}`);

const pages = [];
const wanted = (name) => onlyPages.length === 0 || onlyPages.includes(name);
for (const name of CORPUS.filter(wanted)) pages.push({ name, kind: 'corpus', html: await readFile(path.resolve(repoRoot, '../shared/corpus/pages', `${name}.html`), 'utf8') });
for (const name of FIXTURES.filter(wanted)) pages.push({ name, kind: 'fixture', html: await readFile(path.join(here, 'fixtures', `${name}.html`), 'utf8') });
const served = new Map(pages.map((p) => [urlOf(p.name), p.html]));

log('bench-only builds (temp dir)');
const { kb: kbPath } = await buildBundles();
const kb = await import(kbPath);
const kbEntities = kb.kbEntities();
const count = (e) => kb.aliasSpecs([e]).length;
const builtinAliases = kb.aliasSpecs(kbEntities).length;
const ALIASES = { '10k': 10_000, '50k': 50_000 };
const dists = { builtin: sourceRev ? await buildBaselineDist(repoRoot, sourceRev, 'source') : await buildBenchDist(repoRoot, 'builtin', null) };
for (const size of sizes) {
  const kbIds = new Set(kbEntities.map((e) => e.id));
  const extra = generateEntities(ALIASES[size], kbEntities, count).filter((e) => !kbIds.has(e.id))
    .map(({ id, kind, name, aliases }) => ({ id, kind, name, aliases, summary: 'Generated for the page-load benchmark.' }));
  dists[size] = await buildBenchDist(repoRoot, size, extra);
}
// The content scripts measured that dist/chrome does not have as built (none when dist is current).
const contentDiffering = sourceRev ? [] : await contentDifferingFromDist(repoRoot, dists.builtin);
const contentMatchesDist = contentDiffering.length === 0;
const aliasCounts = { builtin: builtinAliases, ...Object.fromEntries(sizes.map((s) => [s, ALIASES[s]])) };
if (baselineRev) {
  log(`baseline build of ${baselineRev} (temp dir)`);
  dists.baseline = await buildBaselineDist(repoRoot, baselineRev);
  aliasCounts.baseline = null; // its own pack, as that commit shipped it
}

log('browsers');
const variants = [await launchVariant('none', null, served)];
for (const [name, dir] of Object.entries(dists)) variants.push(await launchVariant(name, dir, served));
const withExt = variants.filter((v) => v.hasExtension);

// Warm-up (discarded): installs and seeds each extension, compiles its dictionary in the
// background, and lets every browser's caches settle.
log('warm-up');
for (const v of variants) for (const p of [pages.at(-1), pages[0]]) await measureLoad(v, urlOf(p.name));

const samples = [];
for (let r = 0; r < rounds; r++) {
  log(`round ${r + 1} of ${rounds}`);
  for (const [i, p] of pages.entries()) {
    // Every variant loads the page once per round, in an order that rotates with round and page.
    const order = variants.map((_, k) => variants[(k + r + i) % variants.length]);
    for (const v of order) {
      let m = await measureLoad(v, urlOf(p.name), { quietMs });
      // A reading taken before the first scan finished (the page went quiet while the background
      // was, say, restarting) shows as work after it: measure that load again, once.
      const retried = m.afterQuietMs > RETRY_AFTER_QUIET_MS;
      if (retried) m = await measureLoad(v, urlOf(p.name), { quietMs });
      samples.push({ page: p.name, variant: v.name, round: r, retried, ...m });
    }
  }
}

log('traced loads');
// `--trace-rounds=N`: N traced loads per page and variant, interleaved, each number their median.
const traceRounds = Number(arg('trace-rounds', 1));
const traceRuns = {};
for (let r = 0; r < (skip.has('trace') ? 0 : traceRounds); r++) {
  for (const [i, p] of pages.entries()) {
    const traced = withExt.filter((v) => v.name === 'builtin' || v.name === 'baseline' || p.name === 'yahoo-2' || p.name === 'local-digital');
    for (const v of traced.map((_, k) => traced[(k + r + i) % traced.length])) {
      const m = await measureLoad(v, urlOf(p.name), { trace: true, quietMs });
      const a = attribute(m.events, dists[v.name]);
      ((traceRuns[v.name] ??= {})[p.name] ??= []).push({ cpuMs: m.delta.cpuMs, threadMs: m.delta.threadMs, ...a });
      log(`  ${p.name} × ${v.name}: extension tasks ${a.extensionTaskMs?.toFixed(1)} ms in ${a.extensionTasks}`);
    }
  }
}
const traces = Object.fromEntries(Object.entries(traceRuns).map(([v, byPage]) => [v, Object.fromEntries(Object.entries(byPage).map(([name, runs]) => [name, medianTrace(runs)]))]));

/** Per number, the median over the traced loads; buckets likewise; hot spots averaged. */
function medianTrace(runs) {
  const ok = runs.filter((t) => !t.error);
  if (ok.length === 0) return runs[0];
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const out = { ...ok[0], runs: ok.length };
  for (const [k, v] of Object.entries(ok[0])) if (typeof v === 'number') out[k] = med(ok.map((t) => t[k]));
  out.buckets = Object.fromEntries(Object.keys(ok[0].buckets).map((b) => [b, med(ok.map((t) => t.buckets[b] ?? 0))]));
  const spots = new Map();
  for (const t of ok) for (const h of t.hotSpots ?? []) spots.set(h.where, (spots.get(h.where) ?? 0) + h.ms / ok.length);
  out.hotSpots = [...spots].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([where, ms]) => ({ where, ms }));
  return out;
}

log(`idle: ${idleMs / 1000} s per tab`);
const idle = [];
const idleVariants = variants.filter((v) => v.name === 'none' || v.name === 'builtin');
for (let r = 0; r < (skip.has('idle') ? 0 : quick ? 1 : 2); r++) {
  for (const name of IDLE_PAGES) {
    for (const v of r % 2 ? [...idleVariants].reverse() : idleVariants) idle.push({ page: name, variant: v.name, round: r, ...(await measureIdle(v, urlOf(name), idleMs)) });
  }
}
for (const v of variants) await v.context.close();

const elapsedS = (Date.now() - started) / 1000;
const result = summarise({
  samples, traces, idle, pages, aliasCounts, variants: variants.map((v) => v.name), rounds, idleMs, quietMs,
  meta: {
    date: new Date().toISOString(), plan: quick ? 'quick' : 'full', elapsedS, source, contentMatchesDist, contentDiffering,
    baseline: baselineRev
      ? { rev: baselineRev, commit: git('rev-parse', '--short', baselineRev), between: Number(git('rev-list', '--count', `${baselineRev}..${sourceRev ?? 'HEAD'}`)) }
      : null,
    machine: { nproc: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg() },
  },
});
if (quick) {
  await mkdir(path.join(repoRoot, 'bench/.cache'), { recursive: true });
  await writeFile(path.join(repoRoot, 'bench/.cache/page-load.quick.json'), `${JSON.stringify({ ...result, samples: samples.map(({ events: _e, ...s }) => s) }, null, 1)}\n`);
}
// `--write-section`: a quick run also rewrites BENCHMARKS.md's page-load section (marked as quick
// in its first line); bench-results.json keeps the last full run's entry.
const written = await writePageLoadReport(repoRoot, result, { quick, section: argv.includes('--write-section'), samples: samples.map(({ events: _e, ...s }) => s) });
log(`done in ${(elapsedS / 60).toFixed(1)} min; wrote ${written.map((f) => path.relative(repoRoot, f)).join(', ')}`);
