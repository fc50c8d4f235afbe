// Turns the page-load samples into per-page and overall numbers: for each page and extension
// variant, the median over rounds of (with − without) for each metric, paired by round (the two
// loads of a pair ran one after the other); the median over pages and the worst page; the targets.

import { median } from '../stats.mjs';

const KEYS = ['cpuMs', 'threadMs', 'scriptMs', 'compileMs', 'layoutMs', 'styleMs'];
export const TARGETS = { medianMs: 15, worstMs: 30 };

const r1 = (x) => (typeof x === 'number' ? Math.round(x * 10) / 10 : x);

export function summarise({ samples, traces, idle, pages, aliasCounts, variants, rounds, idleMs, quietMs = 0.5, meta }) {
  const get = (page, variant, round) => samples.find((s) => s.page === page && s.variant === variant && s.round === round);
  const perPage = {};
  for (const p of pages) {
    const base = samples.filter((s) => s.page === p.name && s.variant === 'none');
    const without = Object.fromEntries(KEYS.map((k) => [k, r1(median(base.map((s) => s.delta[k])))]));
    perPage[p.name] = { kind: p.kind, bytes: Buffer.byteLength(p.html), without: { ...without, heapBytes: median(base.map((s) => s.heapAfterGc)) }, variants: {} };
    for (const v of variants.filter((x) => x !== 'none')) {
      const pairs = [];
      for (let r = 0; r < rounds; r++) {
        const a = get(p.name, v, r);
        const b = get(p.name, 'none', r);
        if (a && b) pairs.push([a, b]);
      }
      const mine = pairs.map(([a]) => a);
      perPage[p.name].variants[v] = {
        added: Object.fromEntries(KEYS.map((k) => [k, r1(median(pairs.map(([a, b]) => a.delta[k] - b.delta[k])))])),
        with: Object.fromEntries(KEYS.map((k) => [k, r1(median(mine.map((s) => s.delta[k])))])),
        addedHeapBytes: median(pairs.map(([a, b]) => a.heapAfterGc - b.heapAfterGc)),
        addedPctOfPage: r1((100 * median(pairs.map(([a, b]) => a.delta.cpuMs - b.delta.cpuMs))) / without.cpuMs),
        mentions: median(mine.map((s) => s.mentions)),
        afterQuietMs: r1(median(mine.map((s) => s.afterQuietMs))),
        quietTimeouts: mine.filter((s) => s.quietTimedOut).length,
        pairs: pairs.length,
      };
    }
  }
  const overall = {};
  for (const v of variants.filter((x) => x !== 'none')) {
    const rows = pages.map((p) => ({ page: p.name, ...perPage[p.name].variants[v], without: perPage[p.name].without }));
    const worst = rows.reduce((w, r) => (r.added.cpuMs > w.added.cpuMs ? r : w));
    const worstThread = rows.reduce((w, r) => (r.added.threadMs > w.added.threadMs ? r : w));
    overall[v] = {
      aliases: aliasCounts[v],
      medianAddedCpuMs: r1(median(rows.map((r) => r.added.cpuMs))),
      medianAddedPct: r1(median(rows.map((r) => r.addedPctOfPage))),
      worstAddedCpuMs: worst.added.cpuMs, worstPage: worst.page, worstPct: worst.addedPctOfPage,
      medianAddedThreadMs: r1(median(rows.map((r) => r.added.threadMs))),
      worstAddedThreadMs: worstThread.added.threadMs, worstThreadPage: worstThread.page,
      medianAddedHeapBytes: median(rows.map((r) => r.addedHeapBytes)),
      worstAddedHeapBytes: Math.max(...rows.map((r) => r.addedHeapBytes)),
    };
  }
  const idleSummary = {};
  for (const page of [...new Set(idle.map((i) => i.page))]) {
    idleSummary[page] = {};
    for (const v of [...new Set(idle.map((i) => i.variant))]) {
      const rows = idle.filter((i) => i.page === page && i.variant === v);
      idleSummary[page][v] = {
        cpuMs: r1(median(rows.map((i) => i.cpuMs))), threadMs: r1(median(rows.map((i) => i.threadMs))), scriptMs: r1(median(rows.map((i) => i.scriptMs))),
        timers: Math.max(...rows.map((i) => i.events.TimerFire + i.events.TimerInstall)),
        callbacks: Math.max(...rows.map((i) => i.events.FireAnimationFrame + i.events.FireIdleCallback + i.events.FunctionCall)),
        extensionEvents: Math.max(...rows.map((i) => i.extensionEvents)), events: rows.map((i) => i.events), runs: rows.length,
      };
    }
  }
  const b = overall.builtin;
  const idleTimers = Object.values(idleSummary).map((x) => (x.builtin?.timers ?? 0) - (x.none?.timers ?? 0));
  const targets = [
    { name: 'Added main-thread task time per page load (TaskDuration), shipped pack, median over pages', value: b.medianAddedCpuMs, bar: `≤ ${TARGETS.medianMs} ms`, pass: b.medianAddedCpuMs <= TARGETS.medianMs },
    { name: 'Added main-thread task time per page load (TaskDuration), shipped pack, worst page', value: b.worstAddedCpuMs, bar: `≤ ${TARGETS.worstMs} ms`, pass: b.worstAddedCpuMs <= TARGETS.worstMs, page: b.worstPage },
    { name: 'Added main-thread CPU time per page load (ThreadTime), shipped pack, median over pages', value: b.medianAddedThreadMs, bar: `≤ ${TARGETS.medianMs} ms`, pass: b.medianAddedThreadMs <= TARGETS.medianMs },
    { name: 'Added main-thread CPU time per page load (ThreadTime), shipped pack, worst page', value: b.worstAddedThreadMs, bar: `≤ ${TARGETS.worstMs} ms`, pass: b.worstAddedThreadMs <= TARGETS.worstMs, page: b.worstThreadPage },
    { name: 'Timers the extension adds to an idle tab', value: Math.max(0, ...idleTimers), bar: '0', pass: idleTimers.every((n) => n <= 0) },
  ];
  return { ...meta, rounds, idleMs, quietMs, metric: 'Performance.getMetrics TaskDuration − DevToolsCommandDuration', targets, overall, perPage, idle: idleSummary, traces };
}
