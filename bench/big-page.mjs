// The big-page part of the scanning benchmark alone (`node bench/big-page.mjs`, a few minutes):
// the 2 MB generated page at 10k aliases, ours as a baseline commit builds it against the same
// commit with this working tree's copy of some paths laid over it (default: the highlighter), in
// alternating tabs, with mark.js markRegExp in each round for the ratios. Reports medians of
// end to end, first visible, the longest task and style/layout time of live runs, what a page's
// own DOM change costs while our highlights are registered, and scrolling to the middle and the
// end. Writes bench/.cache/big-page.json; never touches BENCHMARKS.md or bench-results.json.
//   --baseline=<rev>   (default 87df001)   --overlay=<path,...>   (default src/content/highlight)
//   --rounds=<n>       (default 5)         --page=gen-2mb|gen-10mb   (default gen-2mb)
//   --css=<file>       highlight styles for both variants (default src/content/highlight/highlights.css)

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
import { median, max } from './stats.mjs';
import { taskWindows } from './trace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const cache = path.join(here, '.cache');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const known = ['baseline', 'rounds', 'overlay', 'page', 'css'];
const unknown = process.argv.slice(2).filter((a) => !known.some((k) => a.startsWith(`--${k}=`)));
if (unknown.length) {
  console.error(`big-page: unknown arguments ${unknown.join(' ')} (known: ${known.map((k) => `--${k}=`).join(' ')})`);
  process.exit(2);
}
const git = (...args) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
const baseline = git('rev-parse', '--short', arg('baseline', '87df001'));
const overlay = arg('overlay', 'src/content/highlight').split(',').filter(Boolean);
const rounds = Number(arg('rounds', '5'));
const pageName = arg('page', 'gen-2mb');
const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

/** The bench's in-page harness over the baseline's `src`, with `paths` from this working tree laid over it. */
const harnessFor = (name, paths) => overlayHarness({ repoRoot, cache, baseline, name: `big-page-${name}`, paths });

log(`styles ${path.relative(repoRoot, path.resolve(repoRoot, arg('css', 'src/content/highlight/highlights.css')))}; baseline ${baseline}; compared: ${baseline} + working tree ${overlay.join(', ')}; ${rounds} rounds; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const variants = { base: await harnessFor('base', []), head: await harnessFor('head', overlay) };
const kbOut = path.join(cache, 'big-page-kb.mjs');
await build({ entryPoints: [path.join(here, 'node/kb.ts')], outfile: kbOut, bundle: true, logLevel: 'warning', format: 'esm', platform: 'node', target: ['node20'] });
const kb = await import(kbOut);
const cssFile = path.resolve(repoRoot, arg('css', 'src/content/highlight/highlights.css'));
const css = await readFile(cssFile, 'utf8');
const dict = buildDictionaries(kb, ['10k'])['10k'];
const largest = kb.aliasSpecs(generateEntities(50_000, kb.kbEntities(), (e) => kb.aliasSpecs([e]).length));
const site = (await buildPages(repoRoot, [pageName], largest))[pageName];
if (!site?.truth) throw new Error(`big-page: --page must be a generated page (gen-2mb, gen-10mb), not ${pageName}`);
const truth = truthFor(site, dict, null);

const { browser, context } = await launch();
const call = (page, method, ...args) => page.evaluate(([m, a]) => window.__bench[m](...a), [method, args]);
/** A DOM change of the page's own (one element appended), timed to the frame after it. */
const pageChange = (page, label) => page.evaluate(async (l) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  await frame();
  performance.mark(`${l}:start`);
  document.body.append(document.createElement('i'));
  await frame();
  performance.mark(`${l}:end`);
}, label);

/** @type {{ base: any[], head: any[], markjs: any[] }} */
const samples = { base: [], head: [], markjs: [] };
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? ['head', 'base'] : ['base', 'head'];
  for (const name of order) {
    const { page } = await openPage(context, { url: site.url, html: site.html, harness: variants[name], css });
    try {
      await call(page, 'stash', dict.payloads.ours);
      await call(page, 'load', 'ours');
      /** @type {any} */
      const s = { warm: [], live: [], windows: {} };
      for (let i = 0; i < 3; i++) {
        s.warm.push(await call(page, 'run', `warm-${i}`));
        if (i === 0) s.accuracy = await call(page, 'accuracy', truth);
        await call(page, 'clear');
        await call(page, 'settle');
      }
      await startTrace(browser, page);
      for (let i = 0; i < 2; i++) {
        s.live.push(await call(page, 'live', `live-${i}`));
        if (i === 0) s.liveAccuracy = await call(page, 'accuracy', truth);
        if (i === 1) {
          await pageChange(page, 'dom');
          s.middle = await call(page, 'scrollTo', 0.5, 'scroll-mid');
          s.end = await call(page, 'scrollTo', 1, 'scroll-end');
          await page.evaluate(() => window.scrollTo(0, 0));
        }
        await call(page, 'stopLive');
        await call(page, 'settle');
      }
      const events = await stopTrace(browser);
      s.windows = taskWindows(events);
      s.longTasks = longTasks(events);
      samples[name].push(s);
      log(`round ${round + 1} ${name}: e2e ${s.warm.map((w) => w.endToEndMs.toFixed(0)).join('/')} ms; first visible ${s.live.map((l) => l.firstVisibleMs?.toFixed(0)).join('/')} ms; longest live task ${['live-0', 'live-1'].map((l) => s.windows[l]?.longestTaskMs.toFixed(0)).join('/')} ms; registered at the end ${s.end?.registered} of ${s.end?.shown}`);
    } finally {
      await page.close();
    }
  }
  const { page } = await openPage(context, { url: site.url, html: site.html, harness: variants.head, css });
  try {
    await call(page, 'stash', dict.payloads['markjs-regexp']);
    await call(page, 'load', 'markjs-regexp');
    /** @type {any[]} */
    const runs = [];
    for (let i = 0; i < 2; i++) {
      runs.push(await call(page, 'run', `mark-${i}`));
      await call(page, 'clear');
      await call(page, 'settle');
    }
    samples.markjs.push(...runs);
    log(`round ${round + 1} mark.js markRegExp: e2e ${runs.map((r) => r.endToEndMs.toFixed(0)).join('/')} ms`);
  } finally {
    await page.close();
  }
}
await browser.close();

/** Main-thread tasks over 50 ms: when, how long, and the events directly inside them that took longest. */
function longTasks(events) {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && /:start$/.test(e.name)).sort((a, b) => a.ts - b.ts);
  return onMain.filter((e) => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.dur > 50_000).map((t) => {
    const inside = new Map();
    for (const e of onMain) {
      if (e === t || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur || e.dur < 2000) continue;
      inside.set(e.name, Math.max(inside.get(e.name) ?? 0, e.dur));
    }
    const after = marks.filter((m) => m.ts <= t.ts).at(-1)?.name.replace(/:start$/, '');
    return { window: after, ms: Math.round(t.dur / 100) / 10, inside: [...inside].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`) };
  });
}

const summary = (list) => {
  const live = (k) => list.flatMap((s) => ['live-0', 'live-1'].map((l) => s.windows[l]?.[k]));
  return {
    runs: list.length,
    endToEndMs: median(list.flatMap((s) => s.warm.map((w) => w.endToEndMs))),
    findMs: median(list.flatMap((s) => s.warm.map((w) => w.findMs))),
    registerMs: median(list.flatMap((s) => s.warm.map((w) => w.registerMs))),
    frameMs: median(list.flatMap((s) => s.warm.map((w) => w.frameMs))),
    firstVisibleMs: median(list.flatMap((s) => s.live.map((l) => l.firstVisibleMs))),
    liveMs: median(list.flatMap((s) => s.live.map((l) => l.liveMs))),
    liveLongestTaskMs: median(live('longestTaskMs')),
    liveLongestTaskMaxMs: max(live('longestTaskMs')),
    liveLongestRenderTaskMs: median(live('longestRenderTaskMs')),
    liveLongestScriptTaskMs: median(live('longestScriptTaskMs')),
    liveRenderTotalMs: median(live('renderTotalMs')),
    liveTasksOver50: live('tasksOver50').reduce((a, b) => a + (b ?? 0), 0),
    pageChangeFrameMs: median(list.map((s) => s.windows.dom?.longestTaskMs)),
    scrollMiddlePaintedMs: median(list.map((s) => s.middle?.paintedMs)),
    scrollEndPaintedMs: median(list.map((s) => s.end?.paintedMs)),
    scrollFrames: median(list.flatMap((s) => [s.middle?.frames, s.end?.frames])),
    scrollLongestTaskMs: max(list.flatMap((s) => [s.windows['scroll-mid']?.longestTaskMs, s.windows['scroll-end']?.longestTaskMs])),
    scrollUnpainted: list.filter((s) => s.middle?.paintedMs === null || s.end?.paintedMs === null).length,
    registeredAtEnd: median(list.map((s) => s.end?.registered)),
    shown: median(list.map((s) => s.end?.shown)),
    recall: Math.min(...list.flatMap((s) => [s.accuracy.recall, s.liveAccuracy.recall])),
    precision: Math.min(...list.flatMap((s) => [s.accuracy.precision, s.liveAccuracy.precision])),
  };
};
const base = summary(samples.base);
const head = summary(samples.head);
const markE2e = median(samples.markjs.map((r) => r.endToEndMs));
const fmt = (x) => (x === null || x === undefined ? '–' : typeof x !== 'number' ? String(x) : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));
console.log(`\n| ${pageName}, 10k (medians over ${rounds} rounds) | ${baseline} | ${baseline} + ${overlay.join(', ')} | ratio |\n| --- | ---: | ---: | ---: |`);
for (const key of Object.keys(head)) {
  const ratio = typeof base[key] === 'number' && typeof head[key] === 'number' && head[key] !== 0 ? (base[key] / head[key]).toFixed(2) : '';
  console.log(`| ${key} | ${fmt(base[key])} | ${fmt(head[key])} | ${ratio} |`);
}
console.log(`\nmark.js markRegExp end to end: ${fmt(markE2e)} ms (median of ${samples.markjs.length})`);
for (const [name, s] of /** @type {[string, any][]} */ ([[baseline, base], ['compared', head]])) {
  console.log(`${name}: end to end ${(markE2e / s.endToEndMs).toFixed(1)}x faster than mark.js; first visible ${(markE2e / s.firstVisibleMs).toFixed(1)}x sooner`);
}
const out = path.join(cache, `big-page${pageName === 'gen-2mb' ? '' : `-${pageName}`}${arg('css', '') ? '-css' : ''}.json`);
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), page: pageName, css: cssFile, baseline, overlay, rounds, loadAverage: os.loadavg(), base, head, markE2e, samples }, null, 1));
log(`wrote ${path.relative(repoRoot, out)}`);
