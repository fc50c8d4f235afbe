// Measures one engine on one page with one dictionary: fresh tabs for cold runs, then warm runs,
// live (production-configured) runs with an incremental append, heap and traced main-thread tasks.

import { heapBytes, openPage, startTrace, stopTrace } from './browser.mjs';
import { taskWindows } from './trace.mjs';

const call = (page, method, ...args) => page.evaluate(([m, a]) => window.__bench[m](...a), [method, args]);

/**
 * `counts` (see plan.mjs): cold samples come from fresh tabs (the first tab's first run; with
 * `coldLive`, ours' first tab starts the way a content script does, so they come from extra tabs). `truths` maps
 * a dictionary name to the ground truth it should find (generated pages only).
 * @param {Record<string, any> & { tab?: { page: any, cdp: any } | null }} options
 */
export async function measureSet({ browser, context, site, payload, engine, truths, counts, harness, css, tab = null }) {
  /** @type {Record<'coldFind' | 'coldEndToEnd' | 'coldClear' | 'find' | 'register' | 'frame' | 'endToEnd' | 'clear' | 'parse' | 'load' | 'coldLive' | 'live' | 'incremental' | 'incrementalPainted' | 'settle' | 'walk' | 'search' | 'ranges' | 'index' | 'firstVisible', number[]>} */
  const s = { coldFind: [], coldEndToEnd: [], coldClear: [], find: [], register: [], frame: [], endToEnd: [], clear: [], parse: [], load: [], coldLive: [], live: [], incremental: [], incrementalPainted: [], settle: [], walk: [], search: [], ranges: [], index: [], firstVisible: [] };
  /** @type {Record<string, any>} The measurement, filled in as it is taken. */
  const out = { samples: s, accuracy: null, liveAccuracy: null, shown: null, liveShown: null, heap: null, windows: {}, coldTaskMs: [] };
  const open = async () => {
    const tab = await openPage(context, { url: site.url, html: site.html, harness, css });
    await call(tab.page, 'stash', payload);
    return tab;
  };
  /** Accuracy against each named ground truth (one per dictionary the measurement stands for). */
  const score = async (page) => {
    if (!truths) return null;
    /** @type {Record<string, unknown>} */
    const result = {};
    for (const [name, truth] of Object.entries(truths)) result[name] = await call(page, 'accuracy', truth);
    return result;
  };
  const load = async (page) => {
    const l = await call(page, 'load', engine);
    s.parse.push(l.parseMs);
    s.load.push(l.loadMs);
  };
  const coldRun = async (page) => {
    const r = await call(page, 'run', 'cold');
    s.coldFind.push(r.findMs);
    s.coldEndToEnd.push(r.endToEndMs);
    out.coldTaskMs.push(r.findMs + r.registerMs); // synchronous engines find and register in one task
    out.shown ??= r.shown;
    out.accuracy ??= await score(page);
    s.coldClear.push((await call(page, 'clear')).clearMs);
    await call(page, 'settle');
  };

  // The first tab: cold start, warm runs, then live runs; the tracer records only the live ones.
  const coldLive = engine === 'ours' && counts.coldLive;
  // A tab passed in is reused (the 10 MB page, one tab per engine for every dictionary) and left open.
  const { page, cdp } = tab ?? (await open());
  if (tab) await call(page, 'stash', payload);
  try {
    if (coldLive) {
      await startTrace(browser, page);
      const r = await call(page, 'coldLive', engine, 'cold-live');
      s.coldLive.push(r.liveMs);
      out.liveShown = r.shown;
      Object.assign(out.windows, taskWindows(await stopTrace(browser)));
      out.liveAccuracy = await score(page);
      await call(page, 'stopLive');
      await load(page);
    } else {
      await load(page);
      if (counts.cold > 0) await coldRun(page);
    }
    for (let i = 0; i < counts.warm; i++) {
      const r = await call(page, 'run', `warm-${i}`);
      s.find.push(r.findMs);
      s.register.push(r.registerMs);
      s.frame.push(r.frameMs);
      s.endToEnd.push(r.endToEndMs);
      out.shown ??= r.shown;
      if (i === 0) out.accuracy ??= await score(page);
      s.clear.push((await call(page, 'clear')).clearMs);
      await call(page, 'settle');
    }
    if (engine === 'ours') {
      for (let i = 0; i < (counts.phases ?? 0); i++) {
        const p = await call(page, 'oursPhases');
        s.walk.push(p.walkMs);
        s.search.push(p.searchMs);
        s.ranges.push(p.rangesMs);
        s.index.push(p.indexMs);
        out.textChars = p.textChars;
        out.blocks = p.blocks;
      }
    }
    if (counts.live > 0) await startTrace(browser, page);
    for (let i = 0; i < counts.live; i++) {
      const before = i === 0 ? await heapBytes(cdp) : null;
      const r = await call(page, 'live', `live-${i}`);
      s.live.push(r.liveMs);
      if (typeof r.firstVisibleMs === 'number') s.firstVisible.push(r.firstVisibleMs);
      out.liveShown ??= r.shown;
      if (before) {
        // What the engine's page state costs: after its first live scan minus before it.
        const after = await heapBytes(cdp);
        out.heap = { retainedBytes: after.total - before.total, v8: after.v8 - before.v8, dom: after.embedder - before.embedder, buffers: after.backing - before.backing };
      }
      if (site.append) {
        await call(page, 'prepareAppend', site.append);
        const inc = await call(page, 'append', `inc-${i}`);
        s.incremental.push(inc.processedMs);
        s.incrementalPainted.push(inc.paintedMs);
        s.settle.push(inc.settleMs);
        out.shownAfterAppend = inc.shown;
      }
      await call(page, 'stopLive');
    }
    if (counts.live > 0) Object.assign(out.windows, taskWindows(await stopTrace(browser)));
  } finally {
    if (!tab) await page.close();
  }

  // Further fresh tabs, one cold find each.
  const extra = coldLive ? counts.cold : Math.max(0, counts.cold - 1);
  for (let k = 0; k < extra; k++) {
    const tab = await open();
    try {
      await load(tab.page);
      await coldRun(tab.page);
    } finally {
      await tab.page.close();
    }
  }
  return out;
}
