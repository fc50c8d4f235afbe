// Entry point of `npm run bench` (`-- --quick` for a ~2 minute subset): builds fixtures, measures
// every engine × page × dictionary in headless Chromium, then writes BENCHMARKS.md and bench-results.json.

import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, heapBytes, openPage } from './browser.mjs';
import { buildBundles } from './build-bundles.mjs';
import { browserDictionaryBuild } from './browser-build.mjs';
import { buildDictionaries, buildPages, truthFor } from './fixtures.mjs';
import { generateEntities } from './generate-dictionary.mjs';
import { measureSet } from './measure-set.mjs';
import { contentBundleSize, dictionaryBuild } from './node-measures.mjs';
import { FULL, PER_PAGE_ENGINES, QUICK } from './plan.mjs';
import { printTable, reportPaths, writeReport } from './report.mjs';
import { toRecord } from './summarise.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// An argument this script does not know would otherwise start the full ~20 minute run.
const unknown = process.argv.slice(2).filter((a) => !['--quick', '--report-only'].includes(a) && !/^--(pages|dictionaries|engines)=/.test(a));
if (unknown.length) {
  console.error(`bench/run.mjs: unknown arguments ${unknown.join(' ')} (known: --quick --report-only --pages= --dictionaries= --engines=; the 2 MB page alone, before/after: node bench/big-page.mjs)`);
  process.exit(2);
}
if (process.argv.includes('--report-only')) {
  // Rewrites BENCHMARKS.md from the last full run's files, e.g. after changing the report's layout.
  const paths = reportPaths(repoRoot, 'full');
  const meta = JSON.parse(await readFile(paths.meta, 'utf8'));
  await writeReport(repoRoot, { ...meta, records: JSON.parse(await readFile(paths.records, 'utf8')) });
  process.exit(0);
}
const plan = { ...(process.argv.includes('--quick') ? QUICK : FULL) };
// `--pages=a,b --dictionaries=kb,10k --engines=ours,regexp` run a subset (reported to bench/.cache).
for (const key of ['pages', 'dictionaries', 'engines']) {
  const arg = process.argv.find((a) => a.startsWith(`--${key}=`));
  if (!arg) continue;
  plan[key] = arg.slice(key.length + 3).split(',');
  if (!plan.name.endsWith('-partial')) plan.name = `${plan.name}-partial`;
}
const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

const loadAtStart = os.loadavg();
log(`plan: ${plan.name}; load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')}`);
const git = (...args) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
const source = { commit: git('rev-parse', '--short', 'HEAD'), srcModified: git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean).length };
const { harness: harnessPath, buildHarness: buildHarnessPath, kb: kbPath } = await buildBundles();
const kb = await import(kbPath);
const harness = await readFile(harnessPath, 'utf8');
const css = `${await readFile(path.join(repoRoot, 'src/content/highlight/highlights.css'), 'utf8')}\n::highlight(bench-regexp) { background-color: rgba(255, 184, 28, 0.32); }`;

log('dictionary build times (fresh Node process each) and content bundle size');
const build = dictionaryBuild(kbPath, ['kb', '1k', '10k', '50k'], plan.buildRuns);
const bundle = contentBundleSize(repoRoot);

log('fixtures');
const dictionaries = buildDictionaries(kb, plan.dictionaries);
// Filler prose avoids every word of the largest dictionary, so pages are the same in every plan.
const largest = kb.aliasSpecs(generateEntities(50_000, kb.kbEntities(), (e) => kb.aliasSpecs([e]).length));
const pages = await buildPages(repoRoot, plan.pages, largest);

const { browser, context } = await launch();
const chromium = browser.version();

log('dictionary build times in Chromium (a fresh tab each)');
const browserBuild = await browserDictionaryBuild(context, await readFile(buildHarnessPath, 'utf8'), kb, Object.keys(build), plan.buildRuns);
for (const [name, b] of Object.entries(browserBuild)) Object.assign(build[name], { browserColdBuildMs: b.coldBuildMs, browserWarmBuildMs: b.warmBuildMs });

log('per-tab dictionary memory');
const memory = {};
for (const d of Object.values(dictionaries)) {
  memory[d.name] = {};
  for (const engine of ['ours', 'regexp']) {
    const { page, cdp } = await openPage(context, { url: 'https://news.example.co.uk/blank', html: '<!DOCTYPE html><p>Nothing here.</p>', harness, css });
    await heapBytes(cdp); // the first full GC after load still frees start-up garbage
    const before = await heapBytes(cdp);
    await page.evaluate((j) => window.__bench.stash(j), d.payloads[engine]);
    await page.evaluate((e) => window.__bench.retainDictionary(e), engine);
    const after = await heapBytes(cdp);
    memory[d.name][engine] = { bytes: after.total - before.total, v8: after.v8 - before.v8, buffers: after.backing - before.backing };
    await page.close();
  }
}

const records = [];
const failures = [];
for (const page of Object.values(pages)) {
  const sharedTab = plan.sharedTabPages.includes(page.name);
  for (const engine of plan.engines) {
    const perPage = PER_PAGE_ENGINES.has(engine);
    let dictNames = perPage ? [plan.dictionaries.includes('10k') ? '10k' : plan.dictionaries.at(-1)] : plan.dictionaries;
    if (sharedTab) dictNames = [...dictNames].sort((a, b) => Number(b === '10k') - Number(a === '10k'));
    let tab = sharedTab && !perPage ? await openPage(context, { url: page.url, html: page.html, harness, css }) : null;
    for (const dictName of dictNames) {
      const dict = dictionaries[dictName];
      const counts = plan.counts(page.name, dictName, engine);
      // A per-page engine's one measurement stands for every dictionary; mark(array)'s accuracy only for generated ones.
      const standsFor = perPage ? plan.dictionaries.map((n) => dictionaries[n]) : [dict];
      const truths = page.truth && engine !== 'floor'
        ? Object.fromEntries(standsFor.filter((d) => engine !== 'markjs-array' || d.name !== 'kb').map((d) => [d.name, truthFor(page, d, engine === 'markjs-array' ? dict.subset : null)]))
        : null;
      log(`${page.name} × ${perPage ? 'any dictionary' : dictName} × ${engine} (cold ${counts.cold}, warm ${counts.warm}, live ${counts.live}${tab ? ', shared tab' : ''})`);
      let result;
      try {
        result = await withTimeout(measureSet({ browser, context, site: page, payload: dict.payloads[engine], engine, truths, counts, harness, css, tab }), plan.setTimeoutMs);
      } catch (thrown) {
        const error = /** @type {any} */ (thrown);
        failures.push({ page: page.name, dictionary: dictName, engine, error: String(error.message ?? error).slice(0, 300) });
        log(`  failed: ${error.message}`);
        await browser.stopTracing().catch(() => {});
        for (const p of context.pages()) await p.close().catch(() => {});
        tab = null;
        continue;
      }
      for (const d of standsFor) {
        const extrapolate = engine === 'markjs-array' ? { keywords: dict.subset.length } : null;
        records.push({ ...toRecord({ page, dict: d, engine, result, counts, extrapolate }), ...(perPage ? { measuredWith: dictName } : {}), ...(tab ? { sharedTab: true } : {}) });
      }
    }
    await tab?.page.close();
  }
}
// Rows in a stable order whatever order they were measured in.
const order = (r) => [Object.keys(pages).indexOf(r.page), plan.dictionaries.indexOf(r.dictionary), plan.engines.indexOf(r.engine)];
records.sort((a, b) => order(a).reduce((c, x, i) => c || x - (order(b)[i] ?? 0), 0));
await browser.close();

const elapsedS = (Date.now() - started) / 1000;
const results = {
  plan: plan.name,
  date: new Date().toISOString(),
  machine: { nproc: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: Number((os.totalmem() / 2 ** 30).toFixed(1)), chromium, node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg() },
  source,
  elapsedS,
  build,
  bundle,
  memory,
  pages: Object.values(pages).map((p) => ({ name: p.name, kind: p.kind, bytes: p.bytes, mentions: p.truth?.length ?? null })),
  failures,
  records,
};
printTable(records);
const written = await writeReport(repoRoot, results);
log(`done in ${(elapsedS / 60).toFixed(1)} min; wrote ${Object.values(written).map((f) => path.relative(repoRoot, f)).join(', ')}`);

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(timer));
}
