// Where a tab's first dictionary load spends its time, for two source trees side by side: in
// Chromium, each sample a fresh browser context (so a fresh renderer and V8 isolate: nothing
// compiled, optimised or cached, as in a new tab), the message parsed with JSON.parse and loaded
// with the tree's own loadDictionary, under the V8 CPU profiler sampling every 25 µs. Prints, per
// tree and dictionary, the median parse and load times (performance.now, 5 µs in a cross-origin
// isolated page) and the median self time of each function of ours that the profiler saw.
// With --cpu, no profiler: the thread CPU time (trace RunTask tdur) of the task that parses and of
// the one that loads, which a busy machine's waiting for a core does not inflate.
//   node bench/wire-profile.mjs --old=/tmp/old-tree [--new=.] [--samples=15] [--dictionaries=kb,10k] [--top=14] [--cpu]

import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { median } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const trees = { old: arg('old', null), new: arg('new', repoRoot) };
if (!trees.old) {
  console.error('bench/wire-profile.mjs: --old=<source tree to compare with> is required');
  process.exit(2);
}
const samplesWanted = Number(arg('samples', '15'));
const dictNames = arg('dictionaries', 'kb,10k').split(',');
const topN = Number(arg('top', '14'));
const cpuMode = process.argv.includes('--cpu');
const URL_ = 'https://wire.test/';
const SCRIPT_URL = 'https://wire.test/load.js';

/** The tree's loader as one unminified script (function names kept), and its messages. */
async function prepare(root) {
  root = path.resolve(root);
  const out = path.join(root, 'bench/.cache/wire-profile');
  await mkdir(out, { recursive: true });
  const entry = path.join(out, 'entry.ts');
  await writeFile(entry, [
    `import { loadDictionary } from ${JSON.stringify(path.join(root, 'src/content/scan/loaded-dictionary.ts'))};`,
    'let held: unknown = null;',
    '(globalThis as any).__wire = {',
    '  run(json: string) {',
    '    const t0 = performance.now();',
    '    const message = JSON.parse(json);',
    '    const t1 = performance.now();',
    '    held = loadDictionary(message.packed);',
    // Only the load: a tab reads the entity list when a page names someone, which may be never.
    '    return { parseMs: t1 - t0, loadMs: performance.now() - t1, version: (held as any).version };',
    '  },',
    // For --cpu: the parse and the load each in a task of its own, marked so the trace finds them.
    '  parse(json: string) { performance.mark("wire:parse"); (globalThis as any).__message = JSON.parse(json); },',
    '  load() { performance.mark("wire:load"); held = loadDictionary((globalThis as any).__message.packed); return (held as any).version; },',
    '};',
  ].join('\n'));
  await build({ entryPoints: [entry], outfile: path.join(out, 'load.js'), bundle: true, format: 'iife', target: ['chrome120'], keepNames: true, logLevel: 'warning' });
  await build({ entryPoints: [path.join(root, 'bench/node/kb.ts')], outfile: path.join(out, 'kb.mjs'), bundle: true, format: 'esm', platform: 'node', target: ['node20'], logLevel: 'warning' });
  const kb = await import(pathToFileURL(path.join(out, 'kb.mjs')).href);
  const { buildDictionaries } = await import(pathToFileURL(path.join(root, 'bench/fixtures.mjs')).href);
  const dictionaries = buildDictionaries(kb, dictNames);
  const { readFile } = await import('node:fs/promises');
  return { script: await readFile(path.join(out, 'load.js'), 'utf8'), payloads: Object.fromEntries(dictNames.map((d) => [d, dictionaries[d].payloads.ours])) };
}

const prepared = { old: await prepare(trees.old), new: await prepare(trees.new) };
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'] });

/** One cold parse and load under the profiler: times, and self time (ms) per function of ours. */
async function sample(tree, dict) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Cross-origin isolated, so performance.now() is precise to 5 µs rather than 100 µs.
    const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
    await page.route(URL_, (r) => r.fulfill({ status: 200, body: '<!doctype html><title>wire</title>', headers: { 'content-type': 'text/html', ...isolation } }));
    await page.route(SCRIPT_URL, (r) => r.fulfill({ status: 200, body: prepared[tree].script, headers: { 'content-type': 'text/javascript', ...isolation } }));
    await page.goto(URL_);
    await page.addScriptTag({ url: SCRIPT_URL });
    await page.evaluate((json) => {
      globalThis.__json = json;
    }, prepared[tree].payloads[dict]);
    if (cpuMode) return await cpuSample(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 25 });
    await cdp.send('Profiler.start');
    const times = await page.evaluate(() => globalThis.__wire.run(globalThis.__json));
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    const ids = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      const f = nodes.get(ids[i] ?? -1)?.callFrame;
      if (!f) continue;
      const ours = f.url === SCRIPT_URL;
      const name = ours ? `${f.functionName || '(anonymous)'}:${f.lineNumber + 1}` : f.functionName || f.url || '(native)';
      if (name === '(idle)' || (name === '(program)' && !ours)) continue;
      self.set(name, (self.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
    }
    return { ...times, self };
  } finally {
    await context.close();
  }
}

/** Thread CPU time (ms) of the renderer main-thread task that holds each `wire:` mark. */
async function cpuSample(page) {
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', '__metadata'] });
  await page.evaluate(() => globalThis.__wire.parse(globalThis.__json));
  await page.evaluate(() => globalThis.__wire.load());
  const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const cpuOf = (mark) => {
    const m = events.find((e) => e.name === mark);
    if (!m) throw new Error(`wire-profile: no ${mark} mark in the trace`);
    const task = events.filter((e) => e.ph === 'X' && e.pid === m.pid && e.tid === m.tid && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ts <= m.ts && e.ts + e.dur >= m.ts).sort((a, b) => b.dur - a.dur)[0];
    // A task the trace closed without its thread time (rare): the sample is taken again.
    return typeof task?.tdur === 'number' ? task.tdur / 1000 : null;
  };
  const [parseMs, loadMs] = [cpuOf('wire:parse'), cpuOf('wire:load')];
  return parseMs === null || loadMs === null ? null : { parseMs, loadMs, self: new Map() };
}

console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${samplesWanted} cold samples per tree and dictionary, interleaved`);
const results = {};
for (let s = 0; s < samplesWanted; s++) {
  for (const dict of dictNames) {
    for (const tree of s % 2 === 0 ? ['old', 'new'] : ['new', 'old']) {
      let r = null;
      for (let attempt = 0; r === null && attempt < 3; attempt++) r = await sample(tree, dict);
      if (r === null) throw new Error('wire-profile: three traces in a row without task CPU times');
      ((results[dict] ??= { old: [], new: [] })[tree]).push(r);
    }
  }
}
await browser.close();

const fmt = (x) => x.toFixed(2).padStart(7);
for (const dict of dictNames) {
  console.log(`\n${dict} (message ${(prepared.old.payloads[dict].length / 1e6).toFixed(2)} → ${(prepared.new.payloads[dict].length / 1e6).toFixed(2)} MB)`);
  // --cpu: each the whole task's thread CPU time (the call's harness overhead on both sides).
  for (const key of ['parseMs', 'loadMs']) {
    const o = median(results[dict].old.map((r) => r[key]));
    const n = median(results[dict].new.map((r) => r[key]));
    const lo = (tree) => Math.min(...results[dict][tree].map((r) => r[key]));
    console.log(`  ${key.padEnd(8)} median old ${fmt(o)}  new ${fmt(n)} ms (${(n / o).toFixed(2)}×); fastest old ${fmt(lo('old'))}  new ${fmt(lo('new'))} ms (${(lo('new') / lo('old')).toFixed(2)}×)`);
  }
  for (const tree of cpuMode ? [] : ['old', 'new']) {
    const names = new Set(results[dict][tree].flatMap((r) => [...r.self.keys()]));
    const rows = [...names].map((name) => [name, median(results[dict][tree].map((r) => r.self.get(name) ?? 0))]).sort((a, b) => b[1] - a[1]).slice(0, topN);
    console.log(`  ${tree}: median self time per function (ms)`);
    for (const [name, ms] of rows) console.log(`    ${fmt(ms)}  ${name}`);
  }
}
