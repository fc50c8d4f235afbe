// What the content script does to a page's DOM and style on one load (bench/page-load/floor.mjs):
// a main-world MutationObserver started at DOMContentLoaded records every DOM change after the
// parser is done (any world's changes show: the DOM is shared), the page's CSS.highlights registry
// is read at the end, and a trace with Blink's invalidation tracking lists each style or layout
// invalidation whose JavaScript stack has a chrome-extension:// frame. A control at the end (the
// harness inserts a node from the main world while tracing) shows the tracker does record a
// script's invalidations in this harness, so "none from the extension" is a finding, not a blind spot.

import { pageMentions, untilQuiet } from './browsers.mjs';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking',
  'disabled-by-default-devtools.timeline.stack', 'v8.execute'];
const INVALIDATIONS = new Set(['StyleRecalcInvalidationTracking', 'StyleInvalidatorInvalidationTracking', 'ScheduleStyleInvalidationTracking',
  'LayoutInvalidationTracking', 'ScheduleStyleRecalculation', 'InvalidateLayout']);
const CONTROL_ATTR = 'data-floor-control';
const CONTROL_RECORD = 'childList body +div';

/** One diagnostic load of `url` in variant `v` (not a timed load: tracing with stacks slows it). */
export async function domEffects(v, url) {
  const page = await v.context.newPage();
  const cdp = await v.context.newCDPSession(page);
  const events = [];
  try {
    await page.addInitScript(() => {
      const log = [];
      Object.defineProperty(window, '__floorMutations', { value: log });
      const name = (n) => (n.nodeType === 1 ? n.nodeName.toLowerCase() : n.nodeName);
      document.addEventListener('DOMContentLoaded', () => {
        new MutationObserver((records) => {
          for (const r of records) log.push(`${r.type} ${name(r.target)}${r.attributeName ? ` @${r.attributeName}` : ''}${[...r.addedNodes].map((n) => ` +${name(n)}`).join('')}${[...r.removedNodes].map((n) => ` -${name(n)}`).join('')}`);
        }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    });
    await cdp.send('Performance.enable');
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    await cdp.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await untilQuiet(cdp, { windowMs: 1000 });
    const reply = v.hasExtension ? await pageMentions(v, page) : null;
    await untilQuiet(cdp, { windowMs: 300, stepMs: 100 });
    await page.evaluate((attr) => {
      const div = document.createElement('div');
      div.setAttribute(attr, '');
      document.body.append(div);
      return document.body.getBoundingClientRect().width;
    }, CONTROL_ATTR);
    await new Promise((r) => setTimeout(r, 200));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    const seen = await page.evaluate(() => ({
      mutations: [...window.__floorMutations],
      highlights: [...CSS.highlights].map(([k, h]) => `${k} (${h.size})`),
    }));
    const ours = [];
    let controlEvents = 0;
    for (const e of events) {
      if (!INVALIDATIONS.has(e.name)) continue;
      const stack = e.args?.data?.stackTrace ?? [];
      if (stack.some((f) => f.url?.startsWith('chrome-extension://'))) ours.push(`${e.name}: ${e.args.data.reason ?? ''} ${e.args.data.nodeName ?? ''}`.trim());
      else if (stack.length && stack.every((f) => !f.url)) controlEvents++;
    }
    // The control's own insertion is the last record (proof the observer saw changes); the rest are the page's or ours.
    const controlSeen = seen.mutations.at(-1) === CONTROL_RECORD;
    return {
      mutations: controlSeen ? seen.mutations.slice(0, -1) : seen.mutations, controlSeen, highlights: seen.highlights,
      extensionInvalidations: ours, controlInvalidations: controlEvents,
      enabled: reply?.enabled ?? null, mentions: reply ? reply.mentions.reduce((n, m) => n + m.count, 0) : null,
    };
  } finally {
    await page.close();
  }
}

/**
 * Style and layout CPU time in one traced load: the UpdateLayoutTree and Layout events' thread
 * time (tdur, so time spent waiting for a core is not counted) on the page's renderer main thread
 * (the CrRendererMain thread with the most style time).
 */
export function styleLayoutCpu(events) {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of events) {
    if ((e.name !== 'UpdateLayoutTree' && e.name !== 'Layout') || e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    const t = byThread.get(`${e.pid}:${e.tid}`) ?? { styleMs: 0, layoutMs: 0, styles: 0, layouts: 0 };
    const ms = (e.tdur ?? e.dur) / 1000;
    if (e.name === 'UpdateLayoutTree') {
      t.styleMs += ms;
      t.styles++;
    } else {
      t.layoutMs += ms;
      t.layouts++;
    }
    byThread.set(`${e.pid}:${e.tid}`, t);
  }
  return [...byThread.values()].sort((a, b) => b.styleMs - a.styleMs)[0] ?? { styleMs: 0, layoutMs: 0, styles: 0, layouts: 0 };
}

/**
 * The cost of one full restyle of the loaded page: after the load went quiet, `times` times an
 * inherited custom property on the root changes (every element's style is recomputed; nothing's
 * layout changes) and a style read forces the recalc at once. Returns per restyle the main
 * thread's CPU time (ThreadTime) and RecalcStyleDuration (wall), from Performance.getMetrics.
 */
export async function restyleCost(v, url, times = 20) {
  const page = await v.context.newPage();
  const cdp = await v.context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await untilQuiet(cdp, { windowMs: 1000 });
    const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const before = await read();
    const n = await page.evaluate((count) => {
      const root = document.documentElement;
      let recalcs = 0;
      for (let i = 0; i < count; i++) {
        root.style.setProperty('--floor-restyle', String(i));
        if (getComputedStyle(document.body).getPropertyValue('--floor-restyle') === String(i)) recalcs++;
      }
      return recalcs;
    }, times);
    const after = await read();
    return { restyles: n, threadMs: ((after.ThreadTime - before.ThreadTime) * 1000) / times, styleMs: ((after.RecalcStyleDuration - before.RecalcStyleDuration) * 1000) / times };
  } finally {
    await page.close();
  }
}
