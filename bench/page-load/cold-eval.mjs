// `node bench/page-load/cold-eval.mjs [--base=<rev>] [--trials=N] [--pages=a,b]`: the content
// script's first task alone (compile, top-level evaluation, and run() up to its first await), in
// Chromium, for the build of `--base` (default HEAD) against the working tree's, plus an empty
// script as the harness's own floor. Each trial is a fresh renderer process (a site of its own),
// so nothing is compiled or cached, as on a page load. The bundle runs in the page's main world
// with a stub extension runtime (a plain object, as the browser's is) whose sendMessage never
// answers, so the script does everything it does before 'page/start' is answered. Measured: the
// main thread's CPU time (CDP ThreadTime) across adding the script; medians over trials. Also
// reports the size of content.js (always loaded) and, apart, of the scripts injected on need
// (content-session.js, content-ui.js) where a tree builds them. Writes nothing.

import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROME_OPTIONS, contentEntries } from './content-builds.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const base = arg('base', 'HEAD');
const trials = Number(arg('trials', 15));
const pages = arg('pages', 'local-digital,ministers,platforms').split(',');

/** The content scripts as build.mjs makes them for Chromium (content-builds.mjs), from the source tree at `root`: { 'content.js': text, … }. */
async function contentScripts(root) {
  const result = await build({ ...CHROME_OPTIONS, absWorkingDir: root, entryPoints: contentEntries(root), outdir: path.join(root, 'out'), write: false });
  return Object.fromEntries(result.outputFiles.map((o) => [path.basename(o.path), o.text]));
}

const tree = path.join(os.tmpdir(), `cold-eval-${process.pid}`);
await rm(tree, { recursive: true, force: true });
await mkdir(tree, { recursive: true });
execFileSync('tar', ['-x', '-C', tree], { input: execFileSync('git', ['archive', base], { cwd: repoRoot, maxBuffer: 1 << 30 }) });
await symlink(path.join(repoRoot, 'node_modules'), path.join(tree, 'node_modules'));
const built = { [base]: await contentScripts(tree), 'working tree': await contentScripts(repoRoot) };
const scripts = { empty: ';', [base]: built[base]['content.js'], 'working tree': built['working tree']['content.js'] };
await rm(tree, { recursive: true, force: true });
const names = Object.keys(scripts);

const htmlOf = async (name) => {
  try {
    return await readFile(path.join(here, 'fixtures', `${name}.html`), 'utf8');
  } catch {
    return readFile(path.resolve(repoRoot, '../shared/corpus/pages', `${name}.html`), 'utf8');
  }
};
const html = Object.fromEntries(await Promise.all(pages.map(async (p) => [p, await htmlOf(p)])));
const STUB = `globalThis.browser = { runtime: { id: 'stub', getURL: (p) => 'chrome-extension://stub/' + p,
  sendMessage: () => new Promise(() => {}), onMessage: { addListener() {}, removeListener() {} } } };`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const cpu = {};
let site = 0;
console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (let t = 0; t < trials; t++) {
  for (const p of pages) {
    const shift = (t + pages.indexOf(p)) % names.length;
    for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
      const url = `https://t${site++}.example/${p}`;
      const context = await browser.newContext();
      await context.route('**/*', (route) => (route.request().url() === url ? route.fulfill({ status: 200, body: html[p], headers: { 'content-type': 'text/html' } }) : route.abort()));
      const page = await context.newPage();
      await page.goto(url);
      await page.addScriptTag({ content: STUB });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const threadMs = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
      const before = await threadMs();
      await page.addScriptTag({ content: scripts[name] });
      ((cpu[p] ??= {})[name] ??= []).push((await threadMs()) - before);
      await context.close();
    }
  }
}
await browser.close();
console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const bytes = (name, file) => (built[name][file] === undefined ? 'none' : `${Buffer.byteLength(built[name][file])} bytes`);
console.log(`content.js (always loaded): ${bytes(base, 'content.js')} (${base}) -> ${bytes('working tree', 'content.js')} (working tree)`);
for (const file of ['content-session.js', 'content-ui.js']) console.log(`${file} (injected on need, not measured above): ${bytes(base, file)} (${base}) -> ${bytes('working tree', file)} (working tree)`);
console.log(`main-thread CPU time across adding the script, ms, median of ${trials} (empty script = the harness's floor):`);
for (const p of pages) console.log(`  ${p}: ${names.map((n) => `${n} ${med(cpu[p][n]).toFixed(2)}`).join(', ')}`);
