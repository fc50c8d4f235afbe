// `node bench/page-load/candidate-cold.mjs [--base=<rev>] [--files=a.ts,b.ts] [--trials=N] [--pages=a,b]`: what the echo
// candidate filter (src/shared/echo/candidate.ts isCandidate) costs the first time a page runs it,
// in Chromium, where it runs: every trial is a fresh renderer process (its own site), so V8 has
// compiled none of the filter's regular expressions yet, as on a real page load. In each trial the
// page's sentences are first read untimed (textBlocks + splitSentences, as page-sentences.ts does),
// then isCandidate is timed over all of them, once cold and once more warm. The filter of `--base`
// (default HEAD) and those of `--files` (default the working tree's) take turns, in rotating order.
// Also checks that every filter picks the same sentences. Prints medians; writes nothing.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const base = arg('base', 'HEAD');
const trials = Number(arg('trials', 15));
const pages = arg('pages', 'local-digital,ministers,platforms').split(',');
const CANDIDATE = 'src/shared/echo/candidate.ts';

const htmlOf = async (name) => {
  try {
    return await readFile(path.join(here, 'fixtures', `${name}.html`), 'utf8');
  } catch {
    return readFile(path.resolve(repoRoot, '../shared/corpus/pages', `${name}.html`), 'utf8');
  }
};

/** A page bundle exposing __collect() (untimed reading) and __filter(sentences) (timed), with `candidateFile` as the filter. */
async function bundle(candidateFile) {
  const entry = `
    import { isCandidate, splitSentences } from ${JSON.stringify(candidateFile)};
    const pick = (list) => list.map((s) => isCandidate(s));
    import { textBlocks } from ${JSON.stringify(path.join(repoRoot, 'src/content/scan/text-blocks.ts'))};
    globalThis.__collect = () => {
      const out = [];
      for (const block of textBlocks(document.body, 'sound-familiar-ui')) if (block.text.length >= 30) out.push(...splitSentences(block.text));
      return out;
    };
    globalThis.__filter = (sentences) => {
      const t0 = performance.now();
      const picked = pick(sentences);
      const t1 = performance.now();
      pick(sentences);
      const t2 = performance.now();
      return { cold: t1 - t0, warm: t2 - t1, picked };
    };`;
  const result = await build({
    stdin: { contents: entry, resolveDir: repoRoot, loader: 'js' }, bundle: true, format: 'iife', target: ['chrome120'], minify: true, write: false, logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'candidate-cold-'));
const baseFile = path.join(tmp, 'candidate.ts');
await writeFile(baseFile, execFileSync('git', ['show', `${base}:${CANDIDATE}`], { cwd: repoRoot }));
const files = arg('files', CANDIDATE).split(',').map((f) => path.resolve(repoRoot, f));
const builds = { base: await bundle(baseFile) };
for (const f of files) builds[path.relative(repoRoot, f)] = await bundle(f);
const names = Object.keys(builds);
const html = Object.fromEntries(await Promise.all(pages.map(async (p) => [p, await htmlOf(p)])));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const results = {};
let site = 0;
let mismatches = 0;
console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (let t = 0; t < trials; t++) {
  for (const p of pages) {
    const shift = (t + pages.indexOf(p)) % names.length;
    const order = [...names.slice(shift), ...names.slice(0, shift)];
    const picked = {};
    for (const name of order) {
      // A site of its own: a renderer process of its own, with nothing compiled.
      const url = `https://t${site++}.example/${p}`;
      const context = await browser.newContext();
      await context.route('**/*', (route) => (route.request().url() === url ? route.fulfill({ status: 200, body: html[p], headers: { 'content-type': 'text/html' } }) : route.abort()));
      const page = await context.newPage();
      await page.goto(url);
      await page.addScriptTag({ content: builds[name] });
      await page.evaluate(() => void (globalThis.__sentences = globalThis.__collect()));
      // CPU time of the main thread around the timed call (on a busy machine, wall time is mostly waiting for a core).
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const cpu = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
      const before = await cpu();
      const r = await page.evaluate(() => globalThis.__filter(globalThis.__sentences));
      r.cpu = (await cpu()) - before;
      await context.close();
      ((results[p] ??= {})[name] ??= []).push(r);
      picked[name] = r.picked.join();
    }
    if (names.some((n) => picked[n] !== picked.base)) mismatches++;
  }
}
await browser.close();
console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
for (const p of pages) {
  const b = results[p].base;
  console.log(`${p}: ${b[0].picked.length} sentences, ${b[0].picked.filter(Boolean).length} candidates; isCandidate over all of them, ms, median of ${trials}: cold, main-thread CPU time (includes the harness's call, the same for all) / cold wall / warm wall:`);
  for (const n of names) {
    const r = results[p][n];
    console.log(`  ${n === 'base' ? `${base} (base)` : n}: ${med(r.map((x) => x.cpu)).toFixed(2)} / ${med(r.map((x) => x.cold)).toFixed(2)} / ${med(r.map((x) => x.warm)).toFixed(2)}`);
  }
}
console.log(mismatches ? `MISMATCH: the two filters picked different sentences in ${mismatches} page loads` : 'same sentences picked by both filters on every load');
