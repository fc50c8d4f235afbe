// Compares the dictionary message of two source trees (e.g. a git worktree of an older commit and
// this one) the way a tab pays for it, in one Chromium, interleaved round by round: the message's
// size, the browser's parse and our load in a fresh tab (cold) and again in it (warm), and the
// longest main-thread task (wall and thread CPU time) of a tab that starts as the content script
// does (parse, then load and scan in 8 ms slices: the harness's coldLive) on corpus pages. Each tree's own harness and
// compiler are bundled and used; pages, browser and trace reading are this tree's.
//   node bench/wire-compare.mjs --old=/tmp/old-tree [--new=.] [--rounds=3] [--pages=a,b] [--dictionaries=10k,50k]

import { build } from 'esbuild';
import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, openPage, startTrace, stopTrace } from './browser.mjs';
import { buildPages, CORPUS_PAGES } from './fixtures.mjs';
import { generateEntities } from './generate-dictionary.mjs';
import { median } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const oldRoot = arg('old', null);
if (!oldRoot) {
  console.error('bench/wire-compare.mjs: --old=<source tree to compare with> is required');
  process.exit(2);
}
const trees = { old: path.resolve(oldRoot), new: path.resolve(arg('new', repoRoot)) };
const rounds = Number(arg('rounds', '3'));
const pageNames = arg('pages', Object.keys(CORPUS_PAGES).join(',')).split(',');
const dictNames = arg('dictionaries', '10k,50k').split(',');
const log = (msg) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

/** The tree's in-page harness (text) and its dictionaries' messages, compiled by the tree's own code. */
async function prepare(root) {
  const out = path.join(root, 'bench/.cache/wire-compare');
  await mkdir(out, { recursive: true });
  const bundle = (entry, file, options) => build({ entryPoints: [path.join(root, entry)], outfile: path.join(out, file), bundle: true, logLevel: 'warning', ...options });
  await bundle('bench/page/harness.ts', 'harness.js', { format: 'iife', target: ['chrome120'], legalComments: 'none' });
  await bundle('bench/node/kb.ts', 'kb.mjs', { format: 'esm', platform: 'node', target: ['node20'] });
  const kb = await import(pathToFileURL(path.join(out, 'kb.mjs')).href);
  const { buildDictionaries } = await import(pathToFileURL(path.join(root, 'bench/fixtures.mjs')).href);
  const dictionaries = buildDictionaries(kb, dictNames);
  const payloads = Object.fromEntries(dictNames.map((d) => [d, dictionaries[d].payloads.ours]));
  return { harness: await readFile(path.join(out, 'harness.js'), 'utf8'), payloads, kb };
}

log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; preparing ${trees.old} and ${trees.new}`);
const prepared = { old: await prepare(trees.old), new: await prepare(trees.new) };
const largest = prepared.new.kb.aliasSpecs(generateEntities(50_000, prepared.new.kb.kbEntities(), (e) => prepared.new.kb.aliasSpecs([e]).length));
const pages = await buildPages(repoRoot, pageNames, largest);
const css = await readFile(path.join(repoRoot, 'src/content/highlight/highlights.css'), 'utf8');
const call = (page, method, ...args) => page.evaluate(([m, a]) => window.__bench[m](...a), [method, args]);

/**
 * The renderer main thread's tasks between the page's `label:start` and `label:end` marks: the
 * longest by wall time and by thread CPU time (on a busy machine wall time also counts the time
 * the thread waited for a core), and the first one's CPU time (the task that parses the message).
 */
function startTasks(traceEvents, label) {
  const main = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = traceEvents.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')).sort((a, b) => a.ts - b.ts);
  const outer = [];
  for (const t of tasks) if (!outer.length || t.ts >= outer.at(-1).ts + outer.at(-1).dur) outer.push(t);
  const mark = (edge) => traceEvents.find((e) => e.cat?.includes('blink.user_timing') && e.name === `${label}:${edge}`)?.ts;
  const [start, end] = [mark('start'), mark('end')];
  const inside = outer.filter((t) => t.ts + t.dur > start && t.ts < end);
  // A task the trace closed without its thread time (rare) counts for wall time only.
  const timed = inside.filter((t) => typeof t.tdur === 'number');
  if (!timed.length) throw new Error('wire-compare: no task CPU times in the trace');
  return {
    longestTaskMs: Math.max(...inside.map((t) => t.dur)) / 1000,
    longestTaskCpuMs: Math.max(...timed.map((t) => t.tdur)) / 1000,
    parseTaskCpuMs: typeof inside[0].tdur === 'number' ? inside[0].tdur / 1000 : null,
  };
}

/** samples[tree][dictionary][measure] = numbers; longest tasks also per page. */
const samples = { old: {}, new: {} };
const add = (tree, dict, key, value) => ((samples[tree][dict] ??= {})[key] ??= []).push(value);

const { browser, context } = await launch();
for (let r = 0; r < rounds; r++) {
  // Alternate which tree goes first, so neither always meets a warmer machine.
  const order = r % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
  for (const page of Object.values(pages)) {
    for (const dict of dictNames) {
      for (const tree of order) {
        const { harness, payloads } = prepared[tree];
        // A tab that starts as the content script does, traced.
        let tab = await openPage(context, { url: page.url, html: page.html, harness, css });
        await call(tab.page, 'stash', payloads[dict]);
        await startTrace(browser, tab.page);
        await call(tab.page, 'coldLive', 'ours', 'cold-live');
        const w = startTasks(await stopTrace(browser), 'cold-live');
        for (const [key, value] of Object.entries(w)) if (value !== null) add(tree, dict, key, value);
        add(tree, dict, `longestCpu:${page.name}`, w.longestTaskCpuMs);
        await tab.page.close();
        // A fresh tab: the first parse and load (cold), then three more (warm).
        tab = await openPage(context, { url: page.url, html: page.html, harness, css });
        await call(tab.page, 'stash', payloads[dict]);
        for (let i = 0; i < 4; i++) {
          const l = await call(tab.page, 'load', 'ours');
          add(tree, dict, i === 0 ? 'coldParseMs' : 'parseMs', l.parseMs);
          add(tree, dict, i === 0 ? 'coldLoadMs' : 'loadMs', l.loadMs);
        }
        await tab.page.close();
      }
      const last = (tree, key) => samples[tree][dict][key].at(-1).toFixed(1);
      log(`round ${r + 1}/${rounds} ${page.name} × ${dict}: longest task (wall / CPU) old ${last('old', 'longestTaskMs')} / ${last('old', 'longestTaskCpuMs')} ms, new ${last('new', 'longestTaskMs')} / ${last('new', 'longestTaskCpuMs')} ms`);
    }
  }
}
await browser.close();

const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
console.log(`\nload average now ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${rounds} rounds; medians (old → new, ratio new/old)`);
for (const dict of dictNames) {
  const mb = (tree) => Buffer.byteLength(prepared[tree].payloads[dict]) / 1e6;
  console.log(`\n${dict}: message ${mb('old').toFixed(2)} → ${mb('new').toFixed(2)} MB of JSON (${(mb('new') / mb('old')).toFixed(2)}×)`);
  for (const key of Object.keys(samples.new[dict])) {
    const o = median(samples.old[dict][key]);
    const n = median(samples.new[dict][key]);
    const worst = key.startsWith('longestTask') ? `; worst ${fmt(Math.max(...samples.old[dict][key]))} → ${fmt(Math.max(...samples.new[dict][key]))}` : '';
    console.log(`  ${key.padEnd(32)} ${fmt(o).padStart(6)} → ${fmt(n).padStart(6)} ms (${(n / o).toFixed(2)}×)${worst}`);
  }
}
