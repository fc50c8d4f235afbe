// Reads a Chromium trace: for each window the page marked (`label:start` … `label:end`), the
// longest renderer main-thread task, split into script tasks and rendering (style/layout/paint) tasks,
// and the main-thread CPU (thread time) its tasks spent outside rendering.

const RENDER_EVENTS = new Set(['PrePaint', 'Paint', 'Layout', 'UpdateLayoutTree', 'Commit', 'Layerize', 'UpdateLayer']);

export function taskWindows(traceEvents) {
  const mainThreads = new Set(traceEvents
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const onMain = traceEvents.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts);
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  // Nested RunTask events (one inside another) count once, as the outer task.
  const outer = [];
  for (const t of tasks) if (!outer.length || t.ts >= outer.at(-1).ts + outer.at(-1).dur) outer.push(t);
  const firstAtOrAfter = (ts) => {
    let lo = 0;
    let hi = onMain.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (onMain[mid].ts < ts) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Wall time, or with `cpu` thread time (tdur: what the thread ran, not what it waited for a core).
  const renderTime = (t, cpu = false) => {
    let ms = 0;
    let covered = t.ts;
    for (let i = firstAtOrAfter(t.ts); i < onMain.length; i++) {
      const e = onMain[i];
      if (e.ts > t.ts + t.dur) break;
      if (RENDER_EVENTS.has(e.name) && e.ts >= covered) {
        ms += cpu ? e.tdur ?? e.dur : e.dur;
        covered = e.ts + e.dur;
      }
    }
    return ms;
  };

  const marks = new Map();
  for (const e of traceEvents) {
    if (!e.cat?.includes('blink.user_timing')) continue;
    const m = /^(.*):(start|end)$/.exec(e.name);
    if (!m) continue;
    const w = marks.get(m[1]) ?? {};
    w[/** @type {'start' | 'end'} */ (m[2])] ??= e.ts;
    marks.set(m[1], w);
  }
  const windows = {};
  for (const [label, { start, end }] of marks) {
    if (start === undefined || end === undefined) continue;
    const inside = outer.filter((t) => t.ts + t.dur > start && t.ts < end);
    let script = 0;
    let laterScript = 0;
    let render = 0;
    let renderTotal = 0;
    let scriptCpu = 0;
    inside.forEach((t, i) => {
      const rendering = renderTime(t);
      renderTotal += rendering;
      scriptCpu += (t.tdur ?? t.dur) - renderTime(t, true);
      if (rendering > t.dur / 2) render = Math.max(render, t.dur);
      else {
        script = Math.max(script, t.dur);
        if (i > 0) laterScript = Math.max(laterScript, t.dur);
      }
    });
    windows[label] = {
      longestTaskMs: Math.max(script, render) / 1000,
      longestScriptTaskMs: script / 1000,
      /** Script tasks after the window's first, e.g. after the task that appended content. */
      longestLaterScriptTaskMs: laterScript / 1000,
      longestRenderTaskMs: render / 1000,
      tasksOver50: inside.filter((t) => t.dur > 50_000).length,
      /** Style, layout and paint time summed over the window's tasks. */
      renderTotalMs: renderTotal / 1000,
      /**
       * Thread time of the window's tasks less their style, layout and paint: the script (and its GC)
       * that ran, whoever's. In an append window that is the engine's processing plus the append.
       */
      scriptCpuMs: scriptCpu / 1000,
    };
  }
  return windows;
}
