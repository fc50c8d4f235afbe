// Times the first scan's whole-page prefilter (scanned-text.ts + prefilter.ts) as a page load runs
// it: once, cold (a fresh tab per run, so the code is as unoptimised as in a real content script),
// the working tree's version against a base commit's, interleaved, on the corpus pages in real
// Chromium, at the shipped knowledge base. Also lists every corpus page's verdict under both.
//
//   node bench/prefilter.mjs [--base=<commit>] [--rounds=N] [--pages=a,b]
//
// The dictionary is compiled once in Node and loaded in each tab before the clock starts; the
// timed part is what scanner.ts does: scannedText(body), then prefilter (which builds its
// per-dictionary tables on first use, as it does once per page load).

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { median, round } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const CACHE = path.join(here, '.cache', 'prefilter');
const CORPUS = process.env.CORPUS_DIR ?? path.join(root, '..', 'shared', 'corpus', 'pages');
const FILES = ['prefilter.ts', 'starts.ts', 'scanned-text.ts'];

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
// The prefilter before issue 12's rework.
const base = arg('base', 'a308029');
const rounds = Number(arg('rounds', '5'));
const onlyPages = arg('pages', '')?.split(',').filter(Boolean) ?? [];

/** The base commit's files beside symlinks to the working tree's, so both share everything else. */
function oldTree() {
  const dir = path.join(CACHE, 'old');
  rmSync(dir, { recursive: true, force: true });
  const scan = path.join(dir, 'src', 'content', 'scan');
  mkdirSync(scan, { recursive: true });
  symlinkSync(path.join(root, 'src', 'shared'), path.join(dir, 'src', 'shared'));
  for (const f of readdirSync(path.join(root, 'src', 'content', 'scan'))) {
    if (!FILES.includes(f)) symlinkSync(path.join(root, 'src', 'content', 'scan', f), path.join(scan, f));
  }
  for (const f of FILES) {
    let text = '';
    try {
      text = execFileSync('git', ['show', `${base}:src/content/scan/${f}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      continue; // not in the base (a new file of the working tree's)
    }
    writeFileSync(path.join(scan, f), text);
  }
  return dir;
}

async function bundles(oldDir) {
  const entry = path.join(CACHE, 'harness.ts');
  const scan = (dir, file) => JSON.stringify(path.join(dir, 'src', 'content', 'scan', file));
  // The prefilter and its key sets moved to shared/matcher/ (the background runs them too).
  const matcher = (file) => JSON.stringify(path.join(root, 'src', 'shared', 'matcher', file));
  writeFileSync(entry, `
import { loadDictionary } from ${scan(root, 'loaded-dictionary')};
import { prefilter as newPrefilter } from ${matcher('prefilter')};
import { aliasStarts as newStarts } from ${matcher('starts')};
import { aliasStarts as oldStarts } from ${scan(oldDir, 'starts')};
import { scannedText as newText } from ${scan(root, 'scanned-text')};
import { prefilter as oldPrefilter } from ${scan(oldDir, 'prefilter')};
import { scannedText as oldText } from ${scan(oldDir, 'scanned-text')};
const UI = 'SOUND-FAMILIAR-UI';
const variants = { old: [oldText, oldPrefilter, oldStarts], new: [newText, newPrefilter, newStarts] };
let searcher;
let text = '';
// One step per call, so that Node can read the main thread's CPU time around each.
globalThis.__pf = {
  init(packed) { searcher = loadDictionary(packed).searcher; },
  text(name) {
    const t0 = performance.now();
    text = variants[name][0](document.body, UI);
    return { ms: performance.now() - t0, chars: text.length };
  },
  // What the prefilter's first call builds per dictionary, timed apart (it is then cached).
  starts(name) {
    const t0 = performance.now();
    variants[name][2](searcher.automaton);
    return { ms: performance.now() - t0 };
  },
  prefilter(name) {
    const t0 = performance.now();
    const verdict = variants[name][1](searcher, text);
    return { ms: performance.now() - t0, verdict };
  },
};
`);
  const page = path.join(CACHE, 'harness.js');
  await build({ entryPoints: [entry], outfile: page, bundle: true, format: 'iife', target: ['chrome120'], logLevel: 'warning', preserveSymlinks: false });
  const kbOut = path.join(CACHE, 'kb.mjs');
  await build({ entryPoints: [path.join(here, 'node', 'kb.ts')], outfile: kbOut, bundle: true, format: 'esm', platform: 'node', target: ['node20'], logLevel: 'warning' });
  return { harness: readFileSync(page, 'utf8'), kb: await import(kbOut) };
}

async function main() {
  mkdirSync(CACHE, { recursive: true });
  const { harness, kb } = await bundles(oldTree());
  const packed = kb.compile(kb.kbEntities());
  const pages = readdirSync(CORPUS).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)).filter((p) => onlyPages.length === 0 || onlyPages.includes(p));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route('**/*', (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (!pages.includes(name)) return route.abort();
    return route.fulfill({ status: 200, body: readFileSync(path.join(CORPUS, `${name}.html`), 'utf8'), headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" } });
  });

  /**
   * One cold run: a fresh tab, the page loaded, the harness evaluated, then scannedText, the
   * beginnings and the prefilter, each in its own call: its time in the page (wall) and the main
   * thread's CPU time around the call less that of an empty call (the round trip's own).
   */
  async function once(name, variant) {
    const tab = await context.newPage();
    await tab.goto(`https://corpus.test/${name}`, { waitUntil: 'load', timeout: 120_000 });
    await tab.evaluate(harness);
    await tab.evaluate((p) => globalThis.__pf.init(p), packed);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    const cpu = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
    // Straight through the protocol, so no page-side code of the driver's runs around the call.
    /** @param {string} expression */
    const evaluate = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
    const empty = [];
    for (let k = 0; k < 3; k++) {
      const before = await cpu();
      await evaluate('0');
      empty.push((await cpu()) - before);
    }
    const overhead = median(empty) ?? 0;
    /** @param {string} fn */
    const step = async (fn) => {
      const before = await cpu();
      const r = await evaluate(`globalThis.__pf.${fn}(${JSON.stringify(variant)})`);
      return { ...r, cpu: ((await cpu()) - before - overhead) * 1000 };
    };
    const text = await step('text');
    const starts = await step('starts');
    const pf = await step('prefilter');
    await tab.close();
    return {
      chars: text.chars, verdict: pf.verdict,
      textMs: text.ms, startsMs: starts.ms, prefilterMs: starts.ms + pf.ms,
      textCpu: text.cpu, startsCpu: starts.cpu, prefilterCpu: starts.cpu + pf.cpu,
    };
  }

  /** @typedef {{ chars: number, verdict: string, textMs: number, startsMs: number, prefilterMs: number, textCpu: number, startsCpu: number, prefilterCpu: number }} Run */
  /** @type {Record<string, { old: Run[], new: Run[] }>} */
  const runs = {};
  for (let round = 0; round < rounds; round++) {
    for (const name of pages) {
      const pageRuns = (runs[name] ??= { old: [], new: [] });
      /** @type {('old' | 'new')[]} */
      const order = round % 2 ? ['new', 'old'] : ['old', 'new'];
      // Alternate which goes first, so neither always runs on a freshly started renderer.
      for (const v of order) pageRuns[v].push(await once(name, v));
    }
    process.stderr.write(`round ${round + 1}/${rounds}\n`);
  }
  await browser.close();

  const rows = [];
  /** @type {{ wall: number[], cpu: number[] }} */
  const ratios = { wall: [], cpu: [] };
  /** @param {string} name @param {'old' | 'new'} v */
  const of = (name, v) => runs[name]?.[v] ?? [];
  /** @param {string} name @param {'old' | 'new'} v @param {keyof Run} k */
  const m = (name, v, k) => median(of(name, v).map((r) => r[k]));
  /** @param {string} name @param {'old' | 'new'} v @param {'cpu' | 'wall'} unit */
  const total = (name, v, unit) => median(of(name, v).map((r) => (unit === 'cpu' ? r.textCpu + r.prefilterCpu : r.textMs + r.prefilterMs))) ?? NaN;
  const pair = (name, k, digits = 2) => `${round(m(name, 'old', k), digits)} / ${round(m(name, 'new', k), digits)}`;
  for (const name of pages) {
    /** @param {'old' | 'new'} v */
    const verdicts = (v) => [...new Set(of(name, v).map((r) => r.verdict))].join('/');
    /** @param {'cpu' | 'wall'} unit */
    const ratio = (unit) => total(name, 'old', unit) / total(name, 'new', unit);
    ratios.wall.push(ratio('wall'));
    ratios.cpu.push(ratio('cpu'));
    rows.push(`| ${name} | ${of(name, 'new')[0]?.chars} | ${pair(name, 'textCpu')} | ${pair(name, 'prefilterCpu')} | ${pair(name, 'startsCpu')} | ${round(total(name, 'old', 'cpu'), 2)} / ${round(total(name, 'new', 'cpu'), 2)} | ${round(ratio('cpu'), 2)}× | ${round(total(name, 'old', 'wall'), 2)} / ${round(total(name, 'new', 'wall'), 2)} | ${round(ratio('wall'), 2)}× | ${verdicts('old')} → ${verdicts('new')} |`);
  }
  /** @param {'old' | 'new'} v @param {'cpu' | 'wall'} unit */
  const sum = (v, unit) => pages.reduce((s, name) => s + total(name, v, unit), 0);
  console.log(`Prefilter, cold, ${rounds} interleaved runs per variant and page: ${base} (old) vs working tree (new), medians in ms (CPU: the renderer main thread's, around each call)\n`);
  console.log('| page | text chars | scannedText CPU old / new | prefilter CPU old / new | of which building its beginnings | total CPU old / new | old ÷ new | total wall old / new | old ÷ new | verdict old → new |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) console.log(r);
  for (const unit of /** @type {const} */ (['cpu', 'wall'])) {
    console.log(`\n${unit === 'cpu' ? 'CPU' : 'Wall'}: sum of per-page medians old ${round(sum('old', unit), 1)} ms, new ${round(sum('new', unit), 1)} ms (${round(sum('old', unit) / sum('new', unit), 2)}×); median of per-page ratios ${round(median(ratios[unit]), 2)}×.`);
  }
}

await main();
