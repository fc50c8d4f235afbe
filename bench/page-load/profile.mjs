// `node bench/page-load/profile.mjs [--pages=a,b] [--runs=N] [--baseline=<rev>] [--json=file]`: a
// closer look than bench:load's attribution, for finding what to cut. For each page, N traced
// loads per build (interleaved), and per load: the content script's tasks with their trace events'
// self time by name (so the part no CPU sample covered is named: compile, bindings, style…), and
// self time by the innermost function of our content scripts (content.js, and content-session.js,
// content-ui.js where built: source file:line through that script's own source map).
// Prints medians over the runs. Nothing is written to BENCHMARKS.md.

import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { attribute } from './attribute.mjs';
import { buildBaselineDist, buildBenchDist } from './bench-dist.mjs';
import { launchVariant, measureLoad } from './browsers.mjs';
import { eventScript, ourScript, sourcePositions } from './our-scripts.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const pages = arg('pages', 'local-digital,ministers,yahoo-2,wikipedia-2').split(',');
const runs = Number(arg('runs', 3));
const baselineRev = arg('baseline', null);
const urlOf = (name) => `https://www.gov.uk/government/news/${name}`;
const htmlOf = async (name) => {
  const fixture = path.join(here, 'fixtures', `${name}.html`);
  try {
    return await readFile(fixture, 'utf8');
  } catch {
    return readFile(path.resolve(repoRoot, '../shared/corpus/pages', `${name}.html`), 'utf8');
  }
};
const served = new Map(await Promise.all(pages.map(async (p) => [urlOf(p), await htmlOf(p)])));

const dists = { current: await buildBenchDist(repoRoot, 'profile', null) };
if (baselineRev) dists.baseline = await buildBaselineDist(repoRoot, baselineRev);
const variants = [];
for (const [name, dir] of Object.entries(dists)) variants.push({ ...(await launchVariant(name, dir, served)), dir });
for (const v of variants) for (const p of pages) await measureLoad(v, urlOf(p)); // warm-up

const isOurs = (url) => ourScript(url) !== null;
/** A compile event's name with the script it compiled: one of ours by its file name, else 'other'. */
const compileName = (e) => `${e.name} (${eventScript(e) ?? 'other'})`;

/** Self time (ms) by trace-event name inside the extension's tasks, and by innermost function of ours. */
function detail(events, dir, a) {
  const positionOf = sourcePositions(dir);
  const evals = events.filter((e) => (e.name === 'EvaluateScript' || e.name === 'v8.compile') && eventScript(e));
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const key = evals.map((e) => `${e.pid}:${e.tid}`).find((k) => main.has(k));
  if (!key) return null;
  const [pid, tid] = key.split(':').map(Number);
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X').sort((x, y) => x.ts - y.ts || y.dur - x.dur);
  // Extension tasks: as attribute.mjs decides them (its topTasks give only five, so recompute by time).
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const ourSpans = [];
  const profileEvents = events.filter((e) => e.pid === pid && (e.name === 'Profile' || e.name === 'ProfileChunk'));
  const nodes = new Map();
  const samples = [];
  let start = 0;
  for (const e of profileEvents) {
    if (e.name === 'Profile') start = e.args.data.startTime;
  }
  let ts = start;
  for (const e of profileEvents.filter((x) => x.name === 'ProfileChunk' && (x.tid === tid || true))) {
    const cp = e.args.data.cpuProfile ?? {};
    for (const n of cp.nodes ?? []) nodes.set(n.id, n);
    const deltas = e.args.data.timeDeltas ?? [];
    (cp.samples ?? []).forEach((id, i) => samples.push({ id, ts: (ts += deltas[i]) }));
  }
  const oursFrame = (id) => {
    for (let n = nodes.get(id); n; n = nodes.get(n.parent)) if (isOurs(n.callFrame?.url)) return n.callFrame;
    return null;
  };
  for (const t of tasks) {
    const hasSample = samples.some((s) => s.ts >= t.ts && s.ts <= t.ts + t.dur && oursFrame(s.id));
    const hasEval = evals.some((e) => e.ts >= t.ts && e.ts <= t.ts + t.dur);
    if (hasSample || hasEval) ourSpans.push(t);
  }
  const inOurs = (e) => ourSpans.some((t) => e.ts >= t.ts && e.ts < t.ts + t.dur);
  // Self time per event name: duration less that of events nested directly inside.
  const self = new Map();
  const stack = [];
  for (const e of onMain) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    if (stack.length) stack.at(-1).childDur = (stack.at(-1).childDur ?? 0) + e.dur;
    stack.push(e);
  }
  for (const e of onMain) {
    if (!inOurs(e)) continue;
    const name = e.name === 'v8.compile' || e.name === 'v8.compileModule' ? compileName(e) : e.name;
    self.set(name, (self.get(name) ?? 0) + Math.max(0, e.dur - (e.childDur ?? 0)) / 1000);
  }
  const fns = new Map();
  const leaves = new Map();
  for (let i = 0; i < samples.length - 1; i++) {
    const s = samples[i];
    if (!ourSpans.some((t) => s.ts >= t.ts && s.ts < t.ts + t.dur)) continue;
    const w = Math.min(samples[i + 1].ts - s.ts, 2000) / 1000;
    const leaf = nodes.get(s.id)?.callFrame;
    const f = oursFrame(s.id);
    if (f) {
      const pos = positionOf(f);
      const where = `${pos.source?.replace(/^.*?(src\/|node_modules\/)/, '$1')}:${pos.line}${pos.name ? ` ${pos.name}` : ''}`;
      fns.set(where, (fns.get(where) ?? 0) + w);
    }
    const leafName = `${leaf?.functionName || '(anonymous)'}${leaf && !isOurs(leaf.url) && leaf.url ? ` @${leaf.url.slice(-30)}` : ''}${f ? '' : ' [no frame of ours]'}`;
    leaves.set(leafName, (leaves.get(leafName) ?? 0) + w);
  }
  // Unsampled time: gaps between consecutive samples longer than 3 intervals, inside our tasks,
  // charged to the innermost trace event around the gap's middle (what the thread was doing when
  // the profiler could not sample it, e.g. compiling, deserialising a message, or in GC).
  const gaps = new Map();
  for (let i = 0; i < samples.length - 1; i++) {
    const gap = samples[i + 1].ts - samples[i].ts;
    if (gap < 300) continue;
    const mid = samples[i].ts + gap / 2;
    if (!ourSpans.some((t) => mid >= t.ts && mid < t.ts + t.dur)) continue;
    let inner = null;
    for (const e of onMain) {
      if (e.ts > mid) break;
      if (e.ts + e.dur >= mid && (!inner || e.dur <= inner.dur)) inner = e;
    }
    const name = inner ? (inner.name === 'v8.compile' ? compileName(inner) : inner.name) : '(no event)';
    gaps.set(name, (gaps.get(name) ?? 0) + Math.min(gap, 20_000) / 1000);
  }
  const top = (m, n) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n).map(([k, v]) => [k, Math.round(v * 100) / 100]);
  return {
    tasks: ourSpans.map((t) => ({ atMs: (t.ts - ourSpans[0].ts) / 1000, wallMs: t.dur / 1000, cpuMs: (t.tdur ?? t.dur) / 1000 })),
    traceSelf: top(self, 25), functions: top(fns, 25), leaves: top(leaves, 20), unsampled: top(gaps, 12), attribution: a,
  };
}

const out = {};
console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (let r = 0; r < runs; r++) {
  for (const p of pages) {
    for (const v of r % 2 ? [...variants].reverse() : variants) {
      const m = await measureLoad(v, urlOf(p), { trace: true });
      if (arg('save', null)) writeFileSync(path.join(arg('save'), `${p}-${v.name}-${r}.json`), JSON.stringify(m.events));
      const a = attribute(m.events, v.dir);
      const d = detail(m.events, v.dir, a);
      ((out[v.name] ??= {})[p] ??= []).push({ threadMs: m.delta.threadMs, cpuMs: m.delta.cpuMs, mentions: m.mentions, ...d });
      console.log(`${p} × ${v.name} run ${r + 1}: ext CPU ${a.extensionTaskMs?.toFixed(1)} ms in ${a.extensionTasks} tasks; ` +
        Object.entries(a.buckets ?? {}).filter(([, x]) => x >= 0.5).map(([k, x]) => `${k} ${x.toFixed(1)}`).join(', '));
    }
  }
}
for (const v of variants) await v.context.close();
console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const med = (xs) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
for (const [v, byPage] of Object.entries(out)) {
  for (const [p, list] of Object.entries(byPage)) {
    console.log(`\n=== ${p} × ${v}: ext task CPU median ${med(list.map((x) => x.attribution.extensionTaskMs)).toFixed(1)} ms (runs ${list.map((x) => x.attribution.extensionTaskMs.toFixed(1)).join(', ')})`);
    const sum = (key) => {
      const m = new Map();
      for (const x of list) for (const [k, ms] of x?.[key] ?? []) m.set(k, (m.get(k) ?? 0) + ms / list.length);
      return [...m].sort((a, b) => b[1] - a[1]);
    };
    console.log('  trace self (mean):', sum('traceSelf').slice(0, 14).map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join('; '));
    console.log('  functions (mean):', sum('functions').slice(0, 14).map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join('; '));
    console.log('  unsampled gaps by innermost trace event (mean):', sum('unsampled').slice(0, 8).map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join('; '));
    console.log('  leaves (mean):', sum('leaves').slice(0, 10).map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join('; '));
    console.log('  tasks (run 1):', list[0].tasks.map((t) => `@${t.atMs.toFixed(0)} ${t.cpuMs.toFixed(1)}/${t.wallMs.toFixed(1)}`).join(' '));
  }
}
const jsonFile = arg('json', null);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(out, null, 1));
