// Attributes the content scripts' main-thread time in one traced page load (devtools.timeline +
// V8 CPU-profile samples), approximately. "Our scripts" are every content script of ours the build
// has (our-scripts.mjs: content.js, always; content-session.js and content-ui.js, injected on need):
//  - the page's renderer main thread is the one that evaluated or compiled one of our scripts;
//  - an "extension task" is a top-level task (RunTask) that ran our code (a CPU sample with a frame
//    in one of our scripts) or evaluated or compiled one of our scripts;
//  - inside extension tasks, each CPU sample goes to the bucket of the source file of its innermost
//    frame of ours, mapped through that script's own map (<script>.map, so minified names do not
//    matter); samples with no frame of ours are GC ('(garbage collector)') or native work (message
//    deserialisation, bindings, '(program)'); script compile is the v8.compile events for our scripts;
//  - style, layout, paint and HTML parsing inside an extension task count as forced by the extension
//    (style/layout) when a sample inside them has a frame of ours on its stack, and otherwise as the
//    page's own work that shared the task (reported apart, not counted as the extension's).
// Style, layout and paint the extension causes later, in the page's own rendering tasks, are not
// attributed here: Performance.getMetrics' with − without deltas measure them.

import { CONTENT_SCRIPTS, eventScript, ourScript, sourcePositions } from './our-scripts.mjs';

export const BUCKETS = ['parse/compile', 'dictionary transfer + load', 'walk + match', 'highlight registration', 'UI set-up', 'claims layer',
  'messaging', 'session + start-up', 'GC', 'forced style/layout', 'native (bindings, message deserialisation)', 'other'];

const PAGE_SHARE = 'page work in the same task';
const PAGE_WORK = new Set(['Layout', 'UpdateLayoutTree', 'PrePaint', 'Paint', 'Commit', 'Layerize', 'UpdateLayer', 'ParseHTML', 'IntersectionObserverController::computeIntersections']);

function bucketOf(source) {
  if (!source) return 'other';
  if (/src\/content\/scan\/loaded-dictionary|src\/shared\/dictionary|src\/shared\/matcher\/pack/.test(source)) return 'dictionary transfer + load';
  if (/src\/content\/scan\/|src\/shared\/matcher\/|src\/shared\/normalise|src\/shared\/precision|src\/shared\/knowledge/.test(source)) return 'walk + match';
  if (/src\/content\/highlight\//.test(source)) return 'highlight registration';
  if (/src\/content\/ui\/|src\/content\/selection\/|node_modules\/preact/.test(source)) return 'UI set-up';
  if (/src\/content\/claims\/|src\/content\/anchoring\/|src\/shared\/anchoring\//.test(source)) return 'claims layer';
  if (/src\/platform\/|webextension-polyfill|src\/shared\/messages/.test(source)) return 'messaging';
  if (/src\/content\/(page-session|index|session-entry|ui-entry|yield-to-page)/.test(source)) return 'session + start-up';
  return 'other';
}

/**
 * `maps`: the unpacked extension's directory (each script's map beside it), or the path of its
 * content.js.map (the others looked for beside it), or { 'content.js': mapPath, … }.
 */
export function attribute(events, maps) {
  const positionOf = sourcePositions(maps);
  const isOurs = (url) => ourScript(url) !== null;
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const evals = events.filter((e) => (e.name === 'EvaluateScript' || e.name === 'v8.compile') && eventScript(e));
  const key = evals.map((e) => `${e.pid}:${e.tid}`).find((k) => mainThreads.has(k));
  if (!key) return { error: 'no content script of ours ran on a renderer main thread in this trace' };
  const [pid, tid] = key.split(':').map(Number);
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = [];
  for (const t of onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')) {
    if (!tasks.length || t.ts >= tasks.at(-1).ts + tasks.at(-1).dur) tasks.push({ ts: t.ts, dur: t.dur, cpu: Math.min(t.tdur ?? t.dur, t.dur), buckets: {}, ours: false });
  }
  const taskAt = (ts) => {
    let lo = 0;
    let hi = tasks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tasks[mid].ts + tasks[mid].dur < ts) lo = mid + 1;
      else if (tasks[mid].ts > ts) hi = mid - 1;
      else return tasks[mid];
    }
    return null;
  };

  // CPU profile of that thread: 'Profile' + 'ProfileChunk' events sharing an id.
  const profiles = new Map();
  for (const e of events) {
    if (e.pid !== pid || (e.name !== 'Profile' && e.name !== 'ProfileChunk')) continue;
    const p = profiles.get(e.id) ?? { tid: null, start: 0, nodes: new Map(), samples: [], deltas: [] };
    if (e.name === 'Profile') {
      p.tid = e.tid;
      p.start = e.args.data.startTime;
    } else {
      const cp = e.args.data.cpuProfile ?? {};
      for (const n of cp.nodes ?? []) p.nodes.set(n.id, n);
      p.samples.push(...(cp.samples ?? []));
      p.deltas.push(...(e.args.data.timeDeltas ?? []));
    }
    profiles.set(e.id, p);
  }
  const profile = [...profiles.values()].find((p) => p.tid === tid) ?? [...profiles.values()].sort((a, b) => b.samples.length - a.samples.length)[0];
  const spots = new Map();
  const samples = [];
  if (profile) {
    let ts = profile.start;
    const times = profile.deltas.map((d) => (ts += d));
    profile.samples.forEach((id, i) => {
      const weight = i + 1 < times.length ? Math.min(times[i + 1] - times[i], 2000) : 0;
      let node = profile.nodes.get(id);
      const leafName = node?.callFrame?.functionName;
      const leafUrl = node?.callFrame?.url;
      let ours = null;
      while (node) {
        if (isOurs(node.callFrame?.url)) {
          ours = node.callFrame;
          break;
        }
        node = profile.nodes.get(node.parent);
      }
      samples.push({ ts: times[i], weight, ours, leafName, leafUrl });
    });
  }
  for (const s of samples) {
    if (!s.ours) continue;
    const t = taskAt(s.ts);
    if (t) t.ours = true;
  }
  for (const e of evals) {
    const t = e.pid === pid && e.tid === tid ? taskAt(e.ts) : null;
    if (t) t.ours = true;
  }
  const add = (t, b, us) => (t.buckets[b] = (t.buckets[b] ?? 0) + us);
  // Rendering and parsing inside an extension task: forced by the content script if a sample inside
  // it has a frame of ours on the stack (JS asked for style or layout), else the page's own work
  // that happened to share the task (not counted as the extension's).
  const sampleIndexAt = (ts) => {
    let lo = 0;
    let hi = samples.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (samples[mid].ts < ts) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const consumed = new Set();
  let coveredUntil = -1;
  for (const e of onMain) {
    if (!PAGE_WORK.has(e.name) || e.ts < coveredUntil) continue;
    const t = taskAt(e.ts);
    if (!t?.ours) continue;
    coveredUntil = e.ts + e.dur;
    let forced = false;
    const inside = [];
    for (let i = sampleIndexAt(e.ts); i < samples.length && samples[i].ts <= e.ts + e.dur; i++) {
      inside.push(i);
      if (samples[i].ours) forced = true;
    }
    for (const i of inside) consumed.add(i);
    add(t, forced ? (e.name === 'ParseHTML' ? 'other' : 'forced style/layout') : PAGE_SHARE, e.dur);
  }
  for (const e of onMain) {
    if (e.name !== 'v8.compile' || !eventScript(e)) continue;
    const t = taskAt(e.ts);
    if (!t?.ours) continue;
    add(t, 'parse/compile', e.dur);
    for (let i = sampleIndexAt(e.ts); i < samples.length && samples[i].ts <= e.ts + e.dur; i++) consumed.add(i);
  }
  samples.forEach((s, i) => {
    const t = taskAt(s.ts);
    if (!t?.ours || consumed.has(i)) return;
    if (s.ours) {
      const pos = positionOf(s.ours);
      add(t, bucketOf(pos.source), s.weight);
      const spot = `${pos.source?.replace(/^.*?(src\/|node_modules\/)/, '$1')}:${pos.line} ${pos.name ?? ''}${s.leafName && !isOurs(s.leafUrl) ? ` → ${s.leafName || '(native)'}` : ''}`;
      spots.set(spot, (spots.get(spot) ?? 0) + s.weight);
    } else if (s.leafName === '(garbage collector)') add(t, 'GC', s.weight);
    else if (s.leafName !== '(idle)') add(t, 'native (bindings, message deserialisation)', s.weight);
  });
  const ours = tasks.filter((t) => t.ours);
  // Wall time → CPU time: each task's buckets are scaled by its thread time / wall time (RunTask's
  // tdur / dur), i.e. time the thread waited for a core is spread evenly over what it was doing.
  for (const t of ours) {
    const pageShare = t.buckets[PAGE_SHARE] ?? 0;
    const sampled = Object.entries(t.buckets).filter(([k]) => k !== PAGE_SHARE).reduce((n, [, v]) => n + v, 0);
    t.buckets.other = (t.buckets.other ?? 0) + Math.max(0, t.dur - pageShare - sampled);
    const scale = t.dur > 0 ? t.cpu / t.dur : 1;
    for (const k of Object.keys(t.buckets)) t.buckets[k] *= scale;
  }
  const sum = (b) => ours.reduce((n, t) => n + (t.buckets[b] ?? 0), 0) / 1000;
  const buckets = Object.fromEntries(BUCKETS.map((b) => [b, sum(b)]));
  const pageShareMs = sum(PAGE_SHARE);
  const totalMs = ours.reduce((n, t) => n + t.cpu, 0) / 1000 - pageShareMs;
  const wallMs = ours.reduce((n, t) => n + t.dur, 0) / 1000;
  const runs = Object.fromEntries(CONTENT_SCRIPTS.map((f) => [f, evals.filter((e) => e.name === 'EvaluateScript' && eventScript(e) === f).length]));
  const gcEvents = onMain.filter((e) => (e.name === 'MinorGC' || e.name === 'MajorGC') && taskAt(e.ts)?.ours);
  return {
    extensionTasks: ours.length,
    /** CPU time (thread time) of the extension tasks, less the page's share. */
    extensionTaskMs: totalMs,
    extensionTaskWallMs: wallMs,
    /** The page's own rendering and parsing that ran inside those tasks (not counted in extensionTaskMs). */
    pageShareMs,
    longestExtensionTaskMs: Math.max(0, ...ours.map((t) => t.dur / 1000)),
    longestExtensionTaskCpuMs: Math.max(0, ...ours.map((t) => t.cpu / 1000)),
    /** Evaluations of content.js itself (the "content.js runs" column). */
    contentScriptEvaluations: runs['content.js'],
    /** Evaluations of each of our scripts (0 for one the build has but the page never got). */
    scriptRuns: runs,
    samplesInProfile: samples.length,
    buckets,
    gcEventsMs: gcEvents.reduce((n, e) => n + e.dur, 0) / 1000,
    hotSpots: [...spots].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([where, us]) => ({ where, ms: us / 1000 })),
    topTasks: ours.sort((a, b) => b.cpu - a.cpu).slice(0, 5).map((t) => ({
      ms: t.dur / 1000, cpuMs: t.cpu / 1000, atMs: (t.ts - tasks[0].ts) / 1000,
      buckets: Object.fromEntries(Object.entries(t.buckets).filter(([, v]) => v >= 100).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / 1000])),
    })),
  };
}
