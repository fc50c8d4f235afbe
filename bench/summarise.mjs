// Turns one measured set (raw samples, trace windows, accuracy) into bench-results.json records:
// medians of warm runs, cold apart, the longest task attributable to the engine, and accuracy.

import { max, median, round } from './stats.mjs';

/** Longest tasks: script tasks anywhere in the engine's windows; rendering only where the engine caused it. */
function longestTasks(engine, result) {
  const entries = Object.entries(result.windows);
  const live = entries.filter(([label]) => label === 'cold-live' || label.startsWith('live-')).map(([, w]) => w);
  const inc = entries.filter(([label]) => label.startsWith('inc-')).map(([, w]) => w);
  // Synchronous engines find and register in one task, and process an append in the task that made
  // it: those tasks are timed directly. Ours' first task after an append is the page's (the append
  // itself); its own work follows in timer tasks.
  const sync = engine === 'ours' ? [] : [...result.coldTaskMs, ...result.samples.incremental];
  const incScript = engine === 'ours' ? inc.map((w) => w.longestLaterScriptTaskMs) : [];
  const script = max(live.map((w) => w.longestScriptTaskMs).concat(incScript, sync));
  // After an append the page's own layout runs whatever the engine: rendering counts only in live windows.
  const render = max(live.map((w) => w.longestRenderTaskMs));
  return {
    longestTaskMs: max([script, render]),
    longestScriptTaskMs: script,
    longestRenderTaskMs: render,
    longestTaskWarmMs: median(entries.filter(([l]) => l.startsWith('live-')).map(([, w]) => w.longestTaskMs)),
    incrementalLongestTaskMs: max(inc.map((w) => w.longestTaskMs)),
    // Main-thread CPU from the append to processed and painted, outside style/layout/paint (the
    // page's own): the engine's processing plus the append itself, the same for every engine.
    incrementalCpuMs: median(inc.map((w) => w.scriptCpuMs)),
    tasksOver50: live.reduce((n, w) => n + w.tasksOver50, 0),
  };
}

export function toRecord({ page, dict, engine, result, counts: _counts, extrapolate }) {
  const s = result.samples;
  const acc = result.accuracy?.[dict.name] ?? null;
  const tasks = longestTasks(engine, result);
  const warmOrCold = (warm, cold) => median(warm) ?? median(cold);
  /** @type {Record<string, any>} One row of bench-results.json. */
  const record = {
    page: page.name,
    pageBytes: page.bytes,
    dictionary: dict.name,
    aliases: dict.aliasCount,
    engine,
    findMs: warmOrCold(s.find, s.coldFind),
    endToEndMs: warmOrCold(s.endToEnd, s.coldEndToEnd),
    recall: acc?.recall ?? null,
    precision: acc?.precision ?? null,
    coldFindMs: median(s.coldFind),
    coldEndToEndMs: median(s.coldEndToEnd),
    registerMs: median(s.register),
    frameMs: median(s.frame),
    clearMs: warmOrCold(s.clear, s.coldClear),
    coldClearMs: median(s.coldClear),
    liveMs: median(s.live),
    /** Ours as the content script runs it: until the frame that paints every mention on screen (warm). */
    firstVisibleMs: median(s.firstVisible ?? []),
    coldLiveMs: median(s.coldLive),
    incrementalMs: median(s.incremental),
    incrementalPaintedMs: median(s.incrementalPainted),
    incrementalSettleMs: median(s.settle),
    parseMs: median(s.parse),
    loadMs: median(s.load),
    heapRetainedBytes: result.heap?.retainedBytes ?? null,
    shown: result.shown,
    liveShown: result.liveShown,
    ...tasks,
    recallByForm: acc?.recallByForm ?? null,
    missed: acc?.missed ?? null,
    spurious: acc?.spurious ?? null,
    liveRecall: result.liveAccuracy?.[dict.name]?.recall ?? null,
    livePrecision: result.liveAccuracy?.[dict.name]?.precision ?? null,
    runs: { cold: s.coldFind.length, warm: s.find.length, live: s.live.length + s.coldLive.length },
    warmFrom: s.find.length ? 'warm' : 'cold',
    windows: Object.fromEntries(Object.entries(result.windows).map(([k, w]) => [k, [round(w.longestScriptTaskMs, 1), round(w.longestRenderTaskMs, 1), w.tasksOver50]])),
  };
  if (engine === 'ours') {
    const m = (v) => round(median(v), 2);
    record.phases = { walkMs: m(s.walk), searchMs: m(s.search), rangesMs: m(s.ranges), indexMs: m(s.index), textChars: result.textChars, blocks: result.blocks };
  }
  if (extrapolate) {
    // mark(array) runs one pass per keyword: time scales with the keyword count, matches do not.
    const f = dict.aliasCount / extrapolate.keywords;
    record.measured = { keywords: extrapolate.keywords, findMs: record.findMs, endToEndMs: record.endToEndMs, coldFindMs: record.coldFindMs, longestTaskMs: record.longestTaskMs, incrementalMs: record.incrementalMs };
    record.incrementalPaintedMs = null;
    record.incrementalCpuMs = null;
    record.findMs = record.findMs * f;
    record.coldFindMs = record.coldFindMs === null ? null : record.coldFindMs * f;
    record.endToEndMs = record.findMs + (record.frameMs ?? (record.measured.endToEndMs - record.measured.findMs));
    record.coldEndToEndMs = record.coldFindMs === null ? null : record.coldFindMs + (record.measured.endToEndMs - record.measured.findMs);
    record.longestTaskMs = record.longestTaskMs === null ? null : record.longestTaskMs * f;
    record.longestScriptTaskMs = record.longestScriptTaskMs === null ? null : record.longestScriptTaskMs * f;
    record.incrementalMs = record.incrementalMs === null ? null : record.incrementalMs * f;
    record.extrapolated = true;
  }
  for (const [k, v] of Object.entries(record)) if (typeof v === 'number' && !Number.isInteger(v)) record[k] = round(v, 2);
  return record;
}
