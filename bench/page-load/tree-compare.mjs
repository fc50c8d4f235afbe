// `node bench/page-load/tree-compare.mjs --tree=<source tree> [--base=<rev>, default HEAD] [--rounds=5] [--trace-rounds=2] [--pages=a,b]`:
// the page-load cost of an extension built from another source tree (a prototype in a git
// worktree, say) against this repository's `--base` revision and against no extension, in one run,
// measured by the same code as bench:load and floor.mjs (browsers.mjs measureLoad, attribute.mjs):
// round-robin loads in an order that rotates with round and page, then traced loads of the two
// builds. Prints, per page, the added ThreadTime and TaskDuration (with minus without, median over
// rounds) and the traced extension-task CPU, base against tree, and the mention counts each build
// reported (a check that the tree still finds what base finds). Writes nothing to BENCHMARKS.md.
// Builds go to a private temp directory (its own TMPDIR), never the shared bench-dist one.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const tree = arg('tree', null);
if (!tree) {
  console.error('tree-compare: --tree=<source tree to compare with the base revision> is required');
  process.exit(2);
}
const baseRev = arg('base', 'HEAD');
const rounds = Number(arg('rounds', 5));
const traceRounds = Number(arg('trace-rounds', 2));
const pageNames = arg('pages', 'yahoo-2,guardian-1,wikipedia-2,nytimes-4,msn,bbc-1').split(',');
// Before bench-dist.mjs is imported: it fixes its build root from os.tmpdir() when loaded.
const privateTmp = await mkdtemp(path.join(os.tmpdir(), 'sound-familiar-tree-compare-'));
process.env.TMPDIR = privateTmp;
const { attribute } = await import('./attribute.mjs');
const { buildBaselineDist } = await import('./bench-dist.mjs');
const { buildContentWithMaps } = await import('./content-builds.mjs');
const { launchVariant, measureLoad } = await import('./browsers.mjs');

const started = Date.now();
const log = (msg) => console.log(`[tree-compare ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
const urlOf = (name) => `https://www.gov.uk/government/news/${name}`;
const htmlOf = async (name) => {
  try {
    return await readFile(path.join(here, 'fixtures', `${name}.html`), 'utf8');
  } catch {
    return readFile(path.resolve(repoRoot, '../shared/corpus/pages', `${name}.html`), 'utf8');
  }
};
const served = new Map(await Promise.all(pageNames.map(async (p) => [urlOf(p), await htmlOf(p)])));

log(`base ${baseRev}, tree ${tree}; rounds ${rounds}, traced ${traceRounds}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const dirs = { base: await buildBaselineDist(repoRoot, baseRev, 'tree-compare-base') };
// The tree as it stands (uncommitted edits included), with its own build.mjs; its content scripts again, each with a map.
execFileSync('node', ['build.mjs'], { cwd: tree, stdio: 'ignore' });
dirs.tree = path.join(tree, 'dist/chrome');
await buildContentWithMaps(tree, dirs.tree);

const variants = [await launchVariant('none', null, served)];
for (const name of ['base', 'tree']) variants.push(await launchVariant(name, dirs[name], served));
log('warm-up');
for (const v of variants) for (const p of [pageNames.at(-1), pageNames[0]]) await measureLoad(v, urlOf(p));

const samples = [];
for (let r = 0; r < rounds; r++) {
  log(`round ${r + 1} of ${rounds} (load ${os.loadavg()[0].toFixed(2)})`);
  for (const [i, p] of pageNames.entries()) {
    for (const v of variants.map((_, k) => variants[(k + r + i) % variants.length])) {
      const { events: _e, ...m } = await measureLoad(v, urlOf(p));
      samples.push({ page: p, variant: v.name, round: r, threadMs: m.delta.threadMs, taskMs: m.delta.cpuMs, mentions: m.mentions, enabled: m.enabled, timedOut: m.quietTimedOut });
    }
  }
}
log('traced loads');
const traced = [];
const builds = variants.filter((v) => v.name !== 'none');
for (let r = 0; r < traceRounds; r++) {
  for (const [i, p] of pageNames.entries()) {
    for (const v of builds.map((_, k) => builds[(k + r + i) % builds.length])) {
      const m = await measureLoad(v, urlOf(p), { trace: true });
      const a = attribute(m.events, dirs[v.name]);
      traced.push({ page: p, variant: v.name, extMs: a.extensionTaskMs ?? NaN, tasks: a.extensionTasks, buckets: a.buckets ?? {} });
    }
  }
}
for (const v of variants) await v.context.close();
log(`done; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
/** Per round, the variant's reading minus the same round's load without the extension. */
const added = (page, variant, key) => {
  const out = [];
  for (let r = 0; r < rounds; r++) {
    const a = samples.find((s) => s.page === page && s.variant === variant && s.round === r);
    const b = samples.find((s) => s.page === page && s.variant === 'none' && s.round === r);
    if (a && b) out.push(a[key] - b[key]);
  }
  return out;
};
const rows = pageNames.map((p) => {
  const ext = (v) => median(traced.filter((t) => t.page === p && t.variant === v).map((t) => t.extMs));
  const seen = (v) => [...new Set(samples.filter((s) => s.page === p && s.variant === v).map((s) => `${s.enabled ? 'on' : 'off'}/${s.mentions}`))].join(',');
  return {
    page: p, alone: median(samples.filter((s) => s.page === p && s.variant === 'none').map((s) => s.threadMs)),
    threadBase: median(added(p, 'base', 'threadMs')), threadTree: median(added(p, 'tree', 'threadMs')),
    taskBase: median(added(p, 'base', 'taskMs')), taskTree: median(added(p, 'tree', 'taskMs')),
    extBase: ext('base'), extTree: ext('tree'), seenBase: seen('base'), seenTree: seen('tree'),
  };
});
console.log('\n| Page | page alone (ThreadTime) | added ThreadTime: base | tree | saving | added TaskDuration: base | tree | traced ext CPU: base | tree | enabled/mentions: base; tree |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) {
  console.log(`| ${r.page} | ${f(r.alone)} | ${f(r.threadBase)} | ${f(r.threadTree)} | ${f(r.threadBase - r.threadTree)} | ${f(r.taskBase)} | ${f(r.taskTree)} | ${f(r.extBase)} | ${f(r.extTree)} | ${r.seenBase}; ${r.seenTree} |`);
}
const over = (key) => median(rows.map((r) => r[key]));
console.log(`| **median over pages** | ${f(over('alone'))} | ${f(over('threadBase'))} | ${f(over('threadTree'))} | ${f(over('threadBase') - over('threadTree'))} | ${f(over('taskBase'))} | ${f(over('taskTree'))} | ${f(over('extBase'))} | ${f(over('extTree'))} | |`);
const bucketMedians = (v) => Object.keys(traced[0]?.buckets ?? {}).map((k) => `${k} ${f(median(pageNames.map((p) => median(traced.filter((t) => t.page === p && t.variant === v).map((t) => t.buckets[k] ?? 0)))))}`).join(', ');
console.log(`\nloads never quiet (read at the limit): ${samples.filter((s) => s.timedOut).length}`);
for (const v of ['base', 'tree']) console.log(`traced buckets, ${v} (median over pages of the per-page medians): ${bucketMedians(v)}`);
console.log(`traced ext CPU per load, base: ${pageNames.map((p) => `${p} ${traced.filter((t) => t.page === p && t.variant === 'base').map((t) => f(t.extMs)).join('/')}`).join('; ')}`);
console.log(`traced ext CPU per load, tree: ${pageNames.map((p) => `${p} ${traced.filter((t) => t.page === p && t.variant === 'tree').map((t) => f(t.extMs)).join('/')}`).join('; ')}`);
