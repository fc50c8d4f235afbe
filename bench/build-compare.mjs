// Dictionary build in headless Chromium, old code against new in one run: `node bench/build-compare.mjs
// [--old=<rev>] [--new=<rev or directory>] [--rounds=N] [--runs=N] [--dictionaries=kb,10k,50k]`.
// A revision is `git archive`d into a temp directory (the working tree is untouched); new defaults to
// the working tree. Both trees bundle the same in-page harness.
// Each round opens a fresh tab per variant (alternating which goes first), times one cold build and
// `runs` warm ones, and checks both built the same dictionary. Prints medians over rounds.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launch } from './browser.mjs';
import { buildDictionaries } from './fixtures.mjs';
import { median } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const oldRev = arg('old', 'HEAD');
const newArg = arg('new', repoRoot);
const rounds = Number(arg('rounds', '5'));
const runs = Number(arg('runs', '5'));
const names = arg('dictionaries', 'kb,10k,50k').split(',');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sf-build-compare-'));
/** A source tree for `rev`: a directory as it is, or the revision unpacked into the temp directory. */
function treeOf(rev, name) {
  const dir = path.resolve(rev);
  if (existsSync(path.join(dir, 'src'))) return dir;
  const tree = path.join(tmp, name);
  mkdirSync(tree);
  execFileSync('sh', ['-c', `git -C "${repoRoot}" archive "${rev}" src bench tsconfig.json | tar -x -C "${tree}"`]);
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(tree, 'node_modules'));
  return tree;
}
const oldTree = treeOf(oldRev, 'old');
const newTree = treeOf(newArg, 'new');
for (const tree of [oldTree, newTree]) {
  if (tree !== repoRoot) copyFileSync(path.join(here, 'page/build-compare-harness.ts'), path.join(tree, 'bench/page/build-compare-harness.ts'));
}

async function bundle(tree, name) {
  const outfile = path.join(tmp, `${name}.js`);
  await build({ entryPoints: [path.join(tree, 'bench/page/build-compare-harness.ts')], outfile, bundle: true, format: 'iife', target: ['chrome120'], logLevel: 'warning' });
  return readFile(outfile, 'utf8');
}
const variants = { old: await bundle(oldTree, 'old'), new: await bundle(newTree, 'new') };

// The entities come from the current tree's generator (the same in both trees' runs).
const kbBundle = path.join(tmp, 'kb.mjs');
await build({ entryPoints: [path.join(here, 'node/kb.ts')], outfile: kbBundle, bundle: true, format: 'esm', platform: 'node', target: ['node20'], logLevel: 'warning' });
const kb = await import(kbBundle);

const { browser, context } = await launch();
const url = 'https://news.example.co.uk/build';
const results = {};
console.log(`old = ${oldRev} (${execFileSync('git', ['-C', repoRoot, 'rev-parse', '--short', oldRev], { encoding: 'utf8' }).trim()}), new = ${newArg === repoRoot ? 'working tree' : newArg}; Chromium ${browser.version()}; load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (const name of names) {
  const { [name]: d } = buildDictionaries(kb, [name], { compile: false });
  const json = JSON.stringify(d.entities);
  /** @type {{ old: { cold: number[], warm: number[] }, new: { cold: number[], warm: number[] }, fingerprints: Set<string> }} */
  const r = (results[name] = { old: { cold: [], warm: [] }, new: { cold: [], warm: [] }, fingerprints: new Set() });
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? ['new', 'old'] : ['old', 'new'];
    for (const v of order) {
      const page = await context.newPage();
      await page.route(url, (route) => route.fulfill({ status: 200, body: '<!DOCTYPE html><title>build</title>', headers: { 'content-type': 'text/html' } }));
      await page.goto(url);
      await page.evaluate(variants[v]);
      const { times, fingerprint } = await page.evaluate(({ j, n }) => window.__buildCompare(j, n), { j: json, n: runs });
      await page.close();
      r[v].cold.push(times[0]);
      r[v].warm.push(median(times.slice(1)));
      r.fingerprints.add(fingerprint);
    }
  }
  const f = (x) => x.toFixed(1).padStart(7);
  const same = r.fingerprints.size === 1 ? 'same output' : `OUTPUTS DIFFER: ${[...r.fingerprints].join(' ')}`;
  console.log(`${name} (${d.aliasCount} aliases): warm old ${f(median(r.old.warm))} new ${f(median(r.new.warm))} ms | cold old ${f(median(r.old.cold))} new ${f(median(r.new.cold))} ms | ${same}`);
  console.log(`  fastest: warm old ${f(Math.min(...r.old.warm))} new ${f(Math.min(...r.new.warm))} ms | cold old ${f(Math.min(...r.old.cold))} new ${f(Math.min(...r.new.cold))} ms`);
  console.log(`  warm per round old [${r.old.warm.map((x) => x.toFixed(0)).join(' ')}] new [${r.new.warm.map((x) => x.toFixed(0)).join(' ')}]`);
}
await browser.close();
rmSync(tmp, { recursive: true, force: true });
if (Object.values(results).some((r) => r.fingerprints.size !== 1)) process.exitCode = 1;
