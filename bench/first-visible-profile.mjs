// Where ours' firstVisibleMs goes on the 2 MB page at 10k aliases (`node bench/first-visible-profile.mjs`):
// the harness's live run (as measure-set.mjs times it) traced with the V8 sampler, and each run's
// window from its start mark to its first frame painting every on-screen mention split into main-
// thread tasks, trace-event self time (style, layout, hit tests, paint...) and sampled self time per
// JS function. A baseline commit and this working tree's src are built into the same harness and
// measured in alternating tabs. Prints medians; writes bench/.cache/first-visible-profile.json.
//   --baseline=<rev> (default HEAD)   --rounds=<n> (default 3)   --live=<n> per tab (default 3)

import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { openPage } from './browser.mjs';
import { buildDictionaries, buildPages } from './fixtures.mjs';
import { generateEntities } from './generate-dictionary.mjs';
import { overlayHarness } from './overlay-harness.mjs';
import { median } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const cache = path.join(here, '.cache');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const git = (...args) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
const baseline = git('rev-parse', '--short', arg('baseline', 'HEAD'));
const rounds = Number(arg('rounds', '3'));
const lives = Number(arg('live', '3'));
const CATEGORIES = ['-*', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel', 'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.cpu_profiler.hires'];

console.log(`baseline ${baseline} vs working tree src; ${rounds} rounds x ${lives} live runs; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const variants = {
  base: await overlayHarness({ repoRoot, cache, baseline, name: 'fv-base', paths: [] }),
  head: await overlayHarness({ repoRoot, cache, baseline, name: 'fv-head', paths: ['src'] }),
};
const kbOut = path.join(cache, 'fv-kb.mjs');
await build({ entryPoints: [path.join(here, 'node/kb.ts')], outfile: kbOut, bundle: true, logLevel: 'warning', format: 'esm', platform: 'node', target: ['node20'] });
const kb = await import(kbOut);
const css = await readFile(path.join(repoRoot, 'src/content/highlight/highlights.css'), 'utf8');
const dict = buildDictionaries(kb, ['10k'])['10k'];
const largest = kb.aliasSpecs(generateEntities(50_000, kb.kbEntities(), (e) => kb.aliasSpecs([e]).length));
const site = (await buildPages(repoRoot, ['gen-2mb'], largest))['gen-2mb'];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const call = (page, method, ...args) => page.evaluate(([m, a]) => window.__bench[m](...a), [method, args]);

const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);

/** One live window's breakdown: [start mark, start + firstVisibleMs]. */
function breakdown(events, label, firstVisibleMs) {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const startMark = events.find((e) => e.name === `${label}:start` && e.cat?.includes('blink.user_timing'));
  if (!startMark) return null;
  const key = [...main].find((k) => k === `${startMark.pid}:${startMark.tid}`) ?? [...main][0];
  const onMain = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === key).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const t0 = startMark.ts;
  const t1 = t0 + firstVisibleMs * 1000;
  const inWindow = onMain.filter((e) => e.ts >= t0 - 1 && e.ts < t1);
  const tasks = [];
  for (const e of inWindow) {
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    if (tasks.length && e.ts < tasks.at(-1).ts + tasks.at(-1).dur) continue;
    tasks.push(e);
  }
  // The task holding the start mark began before it: count it too.
  const holder = onMain.find((e) => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ts < t0 && e.ts + e.dur > t0);
  if (holder) tasks.unshift(holder);
  const self = new Map();
  const stack = [];
  const within = onMain.filter((e) => e.ts + e.dur > t0 && e.ts < t1);
  for (const e of within) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    if (stack.length) stack.at(-1).childDur = (stack.at(-1).childDur ?? 0) + e.dur;
    stack.push(e);
  }
  for (const e of within) {
    const from = Math.max(e.ts, t0);
    const to = Math.min(e.ts + e.dur, t1);
    const share = e.dur > 0 ? (to - from) / e.dur : 0;
    self.set(e.name, (self.get(e.name) ?? 0) + (Math.max(0, e.dur - (e.childDur ?? 0)) * share) / 1000);
  }
  // Sampled JS self time by function, inside the window.
  const nodes = new Map();
  const samples = [];
  const profiles = events.filter((e) => e.pid === startMark.pid && (e.name === 'Profile' || e.name === 'ProfileChunk'));
  const byId = new Map();
  for (const e of profiles) {
    if (e.name === 'Profile') byId.set(e.id, { ts: e.args.data.startTime, tid: e.tid });
  }
  for (const e of profiles) {
    if (e.name !== 'ProfileChunk') continue;
    const p = byId.get(e.id);
    if (!p) continue;
    const cp = e.args.data.cpuProfile ?? {};
    for (const n of cp.nodes ?? []) nodes.set(`${e.id}:${n.id}`, n);
    const deltas = e.args.data.timeDeltas ?? [];
    (cp.samples ?? []).forEach((id, i) => samples.push({ id: `${e.id}:${id}`, ts: (p.ts += deltas[i]) }));
  }
  samples.sort((a, b) => a.ts - b.ts);
  const fns = new Map();
  for (let i = 0; i < samples.length - 1; i++) {
    const s = samples[i];
    if (s.ts < t0 || s.ts >= t1) continue;
    const w = Math.min(samples[i + 1].ts - s.ts, 1000) / 1000;
    const f = nodes.get(s.id)?.callFrame;
    const name = f ? `${f.functionName || '(anonymous)'}${f.url ? ` ${path.basename(f.url)}:${f.lineNumber}` : ''}` : '?';
    fns.set(name, (fns.get(name) ?? 0) + w);
  }
  // Each task as the harness's start (the one holding the start mark), rendering (style, layout,
  // paint: most of it) or script; the rest of the window is the thread waiting (for a frame, a core).
  const renderIn = (t) => onMain.filter((e) => RENDER.has(e.name) && e.ts >= t.ts && e.ts < t.ts + t.dur).reduce((a, e) => a + e.dur, 0);
  const split = { startTaskMs: 0, scriptMs: 0, renderMs: 0, waitMs: 0 };
  for (const t of tasks) {
    const ms = (Math.min(t.ts + t.dur, t1) - Math.max(t.ts, t0)) / 1000;
    if (t === holder) split.startTaskMs += ms;
    else if (renderIn(t) > t.dur / 2) split.renderMs += ms;
    else split.scriptMs += ms;
  }
  split.waitMs = firstVisibleMs - split.startTaskMs - split.scriptMs - split.renderMs;
  return {
    split,
    tasks: tasks.map((t) => ({ atMs: Math.round((t.ts - t0) / 100) / 10, ms: Math.round(t.dur / 100) / 10 })),
    self: Object.fromEntries([...self].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => [k, Math.round(v * 100) / 100])),
    functions: Object.fromEntries([...fns].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => [k, Math.round(v * 100) / 100])),
  };
}

/** @type {{ base: any[], head: any[] }} */
const results = { base: [], head: [] };
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 ? ['head', 'base'] : ['base', 'head']) {
    const { page } = await openPage(context, { url: site.url, html: site.html, harness: variants[name], css });
    try {
      await call(page, 'stash', dict.payloads.ours);
      await call(page, 'load', 'ours');
      for (let i = 0; i < 2; i++) {
        await call(page, 'run', `warm-${i}`);
        await call(page, 'clear');
        await call(page, 'settle');
      }
      await browser.startTracing(page, { categories: CATEGORIES });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      const runs = [];
      for (let i = 0; i < lives; i++) {
        runs.push(await call(page, 'live', `live-${i}`));
        await call(page, 'stopLive');
        await call(page, 'settle');
      }
      const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
      runs.forEach((r, i) => {
        const b = r.firstVisibleMs === null ? null : breakdown(events, `live-${i}`, r.firstVisibleMs);
        results[name].push({ firstVisibleMs: r.firstVisibleMs, liveMs: r.liveMs, ...b });
      });
      console.log(`round ${round + 1} ${name}: first visible ${runs.map((r) => r.firstVisibleMs?.toFixed(1)).join(' / ')} ms`);
    } finally {
      await page.close();
    }
  }
}
await browser.close();

const merge = (list, key) => {
  const names = new Set(list.flatMap((r) => Object.keys(r[key] ?? {})));
  return Object.fromEntries([...names].map((n) => [n, Math.round(median(list.map((r) => r[key]?.[n] ?? 0)) * 100) / 100])
    .sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 0.1));
};
for (const [name, list] of Object.entries(results)) {
  console.log(`\n== ${name === 'base' ? baseline : 'working tree'}: firstVisibleMs median ${median(list.map((r) => r.firstVisibleMs)).toFixed(1)} of ${list.map((r) => r.firstVisibleMs?.toFixed(1)).join(', ')}`);
  console.log('split (median ms):', merge(list, 'split'));
  console.log('tasks (at ms: ms) of each run:');
  for (const r of list) console.log(`  ${(r.tasks ?? []).map((t) => `${t.atMs}:${t.ms}`).join('  ')}`);
  console.log('trace self time (median ms):', merge(list, 'self'));
  console.log('JS self time by function (median ms):', merge(list, 'functions'));
}
const out = path.join(cache, 'first-visible-profile.json');
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), baseline, loadAverage: os.loadavg(), results }, null, 1));
console.log(`\nwrote ${path.relative(repoRoot, out)}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
