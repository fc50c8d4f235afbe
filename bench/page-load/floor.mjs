// `node bench/page-load/floor.mjs [--rounds=5] [--pages=a,b] [--trace-rounds=1] [--source=<rev>, default HEAD] [--no-section | --report-only]`:
// the floor of the page-load cost (issue 12). A ladder of builds that differ only in the content
// script (floor-variants.mjs: empty script, + highlights.css, + the 'page/start' round trip, the
// real script with the site switched off, the real extension) loads the same pages as
// bench:load, interleaved round-robin with the browser without an extension, measured by the same
// code (browsers.mjs measureLoad, attribute.mjs); then whether highlights.css costs style time and
// whether the script changes the DOM or invalidates style (floor-dom.mjs). Writes the "page-load-floor" section of
// BENCHMARKS.md (floor-report.mjs) and the raw summary to bench/.cache/page-load-floor.json.
// Builds go to a private temp directory (its own TMPDIR), never the shared bench-dist one.

import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
if (process.argv.includes('--report-only')) {
  // Rewrites the BENCHMARKS.md section from the last run's bench/.cache/page-load-floor.json.
  const { writeFloorSection } = await import('./floor-report.mjs');
  const { samples: _s, ...result } = JSON.parse(await readFile(path.join(repoRoot, 'bench/.cache/page-load-floor.json'), 'utf8'));
  console.log(`wrote ${path.relative(repoRoot, await writeFloorSection(repoRoot, result, { section: true }))}`);
  process.exit(0);
}
// Before bench-dist.mjs is imported: it fixes its build root from os.tmpdir() when loaded.
const privateTmp = await mkdtemp(path.join(os.tmpdir(), 'sound-familiar-floor-'));
process.env.TMPDIR = privateTmp;
const { attribute } = await import('./attribute.mjs');
const { buildBaselineDist, BENCH_DIST_ROOT } = await import('./bench-dist.mjs');
const { launchVariant, measureLoad } = await import('./browsers.mjs');
const { domEffects, restyleCost, styleLayoutCpu } = await import('./floor-dom.mjs');
const { summariseFloor, writeFloorSection } = await import('./floor-report.mjs');
const { LADDER, buildLadder, switchSiteOff } = await import('./floor-variants.mjs');
if (!BENCH_DIST_ROOT.startsWith(privateTmp)) throw new Error(`floor: builds would go to ${BENCH_DIST_ROOT}, not the private temp dir`);

const argv = process.argv.slice(2);
const arg = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const rounds = Number(arg('rounds', 5));
const traceRounds = Number(arg('trace-rounds', 1));
// The extension measured is built from a commit (HEAD unless told), in the private temp dir: other
// work in progress in the shared tree stays out, and dist/ is neither read nor rebuilt.
const sourceRev = arg('source', 'HEAD');
const onlyPages = arg('pages', '').split(',').filter(Boolean);
const started = Date.now();
const log = (msg) => console.log(`[floor ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

// As run.mjs: six real articles that name nothing we know and three short ones with mentions.
const CORPUS = ['yahoo-2', 'guardian-1', 'wikipedia-2', 'nytimes-4', 'msn', 'bbc-1'];
const FIXTURES = ['local-digital', 'ministers', 'platforms'];
const HOST = 'www.gov.uk';
const urlOf = (name) => `https://${HOST}/government/news/${name}`;
const wanted = (name) => onlyPages.length === 0 || onlyPages.includes(name);
const pages = [];
for (const name of CORPUS.filter(wanted)) pages.push({ name, kind: 'corpus', html: await readFile(path.resolve(repoRoot, '../shared/corpus/pages', `${name}.html`), 'utf8') });
for (const name of FIXTURES.filter(wanted)) pages.push({ name, kind: 'fixture', html: await readFile(path.join(here, 'fixtures', `${name}.html`), 'utf8') });
if (pages.length === 0) throw new Error('floor: no pages');
const served = new Map(pages.map((p) => [urlOf(p.name), p.html]));

const git = (...args) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
const source = { rev: sourceRev, commit: git('rev-parse', '--short', sourceRev) };
const loadAtStart = os.loadavg();
log(`rounds ${rounds}, pages ${pages.length}; load average ${loadAtStart.map((x) => x.toFixed(2)).join(' ')}; temp ${privateTmp}`);

try {
  log('builds');
  const built = await buildBaselineDist(repoRoot, sourceRev, 'floor-source');
  const dirs = await buildLadder(built, privateTmp);

  log('browsers');
  const variants = [];
  for (const step of LADDER) {
    const v = await launchVariant(step.name, dirs[step.name] ?? null, served);
    // The empty scripts answer nothing: read them when quiet, without asking for 'page/mentions'.
    if (step.name === 'empty' || step.name === 'css') v.hasExtension = false;
    if (step.name === 'off') await switchSiteOff(v, HOST);
    variants.push(v);
  }

  log('warm-up');
  for (const v of variants) for (const p of [pages.at(-1), pages[0]]) await measureLoad(v, urlOf(p.name));

  const samples = [];
  for (let r = 0; r < rounds; r++) {
    log(`round ${r + 1} of ${rounds} (load ${os.loadavg()[0].toFixed(2)})`);
    for (const [i, p] of pages.entries()) {
      // Every variant loads the page once per round, in an order that rotates with round and page.
      const order = variants.map((_, k) => variants[(k + r + i) % variants.length]);
      for (const v of order) {
        const { events: _e, ...m } = await measureLoad(v, urlOf(p.name));
        samples.push({ page: p.name, variant: v.name, round: r, ...m });
      }
    }
  }

  log('traced loads');
  // empty and css: highlights.css's style and layout CPU time; start and builtin: the split of the script's own tasks.
  const traced = variants.filter((v) => ['empty', 'css', 'start', 'builtin'].includes(v.name));
  const traces = {};
  for (let r = 0; r < traceRounds; r++) {
    for (const [i, p] of pages.entries()) {
      for (const v of traced.map((_, k) => traced[(k + r + i) % traced.length])) {
        const m = await measureLoad(v, urlOf(p.name), { trace: true });
        const a = attribute(m.events, dirs[v.name]);
        ((traces[v.name] ??= {})[p.name] ??= []).push({ threadMs: m.delta.threadMs, render: styleLayoutCpu(m.events), ...a });
      }
    }
  }

  log('DOM and style effects (one diagnostic load per page and variant)');
  // The real script, on and switched off, on the pages that name nothing; on with mentions on the fixtures.
  const dom = {};
  for (const p of pages) {
    const which = p.kind === 'corpus' ? ['off', 'builtin'] : ['builtin'];
    for (const v of variants.filter((x) => which.includes(x.name))) (dom[p.name] ??= {})[v.name] = await domEffects(v, urlOf(p.name));
  }
  log('restyle cost with and without highlights.css (corpus pages)');
  // Whether the ::highlight rules make every later style recalc of the page dearer (not just the load's).
  const restyle = {};
  const ab = variants.filter((v) => v.name === 'empty' || v.name === 'css');
  for (let r = 0; r < 3; r++) {
    for (const p of pages.filter((x) => x.kind === 'corpus')) {
      for (const v of r % 2 ? [...ab].reverse() : ab) ((restyle[p.name] ??= {})[v.name] ??= []).push(await restyleCost(v, urlOf(p.name)));
    }
  }
  for (const v of variants) await v.context.close();

  const meta = {
    date: new Date().toISOString(), elapsedS: (Date.now() - started) / 1000, source, rounds, traceRounds,
    chromium: execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    machine: { nproc: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg() },
  };
  const result = summariseFloor({ samples, traces, dom, restyle, pages, meta });
  await mkdir(path.join(repoRoot, 'bench/.cache'), { recursive: true });
  await writeFile(path.join(repoRoot, 'bench/.cache/page-load-floor.json'), `${JSON.stringify({ ...result, samples }, null, 1)}\n`);
  const md = await writeFloorSection(repoRoot, result, { section: !argv.includes('--no-section') });
  log(`done in ${(meta.elapsedS / 60).toFixed(1)} min; wrote ${path.relative(repoRoot, md)}, bench/.cache/page-load-floor.json`);
} finally {
  await rm(privateTmp, { recursive: true, force: true });
}
