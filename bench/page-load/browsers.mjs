// The browsers the page-load benchmark compares: one persistent Chromium context per variant (no
// extension, or an unpacked build loaded with --load-extension), pages served at https://www.gov.uk/…
// through request interception (every other request aborted), and one measured load per fresh tab.

import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// As test/e2e/support/chromium.ts (CHROMIUM_ARGS) and its viewport.
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=Translate'];
const VIEWPORT = { width: 1280, height: 800 };
export const TRACE_CATEGORIES = [
  '-*', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'toplevel', 'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.cpu_profiler.hires', 'disabled-by-default-v8.gc',
];

/**
 * `extensionDir` null: a browser without the extension. `pages`: url → html. Pages are served with
 * `Content-Security-Policy: script-src 'none'` (the saved pages' own scripts only add noise; the
 * content script is not subject to the page's CSP), every other request is aborted.
 */
export async function launchVariant(name, extensionDir, pages) {
  const args = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...ARGS] : ARGS;
  const context = await chromium.launchPersistentContext('', { executablePath: CHROMIUM, headless: true, viewport: VIEWPORT, args });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    const html = pages.get(url.split('#')[0]);
    if (html === undefined) return route.abort();
    return route.fulfill({ status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" } });
  });
  let extensionId = null;
  if (extensionDir) {
    const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(first.url()).host;
    // The first install opens the welcome tab: close it, so the measured tab is the only page.
    await new Promise((r) => setTimeout(r, 1500));
  }
  for (const p of context.pages()) if (p.url().startsWith('chrome-extension://')) await p.close();
  return { name, context, extensionId, hasExtension: Boolean(extensionDir) };
}

async function worker(v) {
  const live = v.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${v.extensionId}/`));
  if (live.length) return live.at(-1);
  const started = v.context.waitForEvent('serviceworker', { timeout: 15_000 });
  const waker = await v.context.newPage();
  await waker.goto(`chrome-extension://${v.extensionId}/popup.html`).catch(() => undefined);
  const w = await started;
  await waker.close();
  return w;
}

/**
 * Asks the tab's content script for 'page/mentions' as the popup does (test/e2e/support/browsers.ts
 * pageMentions): it answers only after its first scan, so this is "the extension has scanned".
 * Until the content script is injected the call fails in the browser, costing the page nothing.
 */
export async function pageMentions(v, page, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  await page.bringToFront();
  for (;;) {
    const w = await worker(v);
    const reply = await w.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) return { ok: false, error: 'no active tab' };
      try {
        return await chrome.tabs.sendMessage(tab.id, { call: 'page/mentions', payload: {} }, { frameId: 0 });
      } catch (error) {
        return { ok: false, error: String(error) };
      }
    }).catch((error) => ({ ok: false, error: String(error) }));
    if (reply?.ok) return reply.value;
    if (Date.now() > deadline) throw new Error(`no page/mentions reply: ${reply?.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  // Seconds → ms; the protocol's own commands (getMetrics itself) are not the page's work.
  const ms = (k) => (m[k] ?? 0) * 1000;
  return {
    cpuMs: ms('TaskDuration') - ms('DevToolsCommandDuration'),
    scriptMs: ms('ScriptDuration'), layoutMs: ms('LayoutDuration'), styleMs: ms('RecalcStyleDuration'), compileMs: ms('V8CompileDuration'),
    devtoolsMs: ms('DevToolsCommandDuration'), threadMs: ms('ThreadTime'),
    heap: m.JSHeapUsedSize ?? 0, nodes: m.Nodes ?? 0, frames: m.Frames ?? 0, layoutCount: m.LayoutCount ?? 0, styleCount: m.RecalcStyleCount ?? 0,
  };
}

/**
 * Polls until the page's main thread has done < `maxMs` of work in the last `windowMs`. Returns the
 * last sample. Each poll is a task of the tab's own (DevToolsCommandDuration leaves out only the
 * command inside it): polled every 100 ms, an idle tab did 0.5 ms or more a second of nothing but
 * answering, so no load was ever quiet and every reading was taken at the timeout.
 */
export async function untilQuiet(cdp, { windowMs = 500, stepMs = 250, maxMs = 0.5, timeoutMs = 15_000 } = {}) {
  const samples = [];
  const started = Date.now();
  for (;;) {
    const m = await metrics(cdp);
    samples.push({ t: Date.now(), m });
    const old = samples.find((s) => s.t >= Date.now() - windowMs - stepMs / 2);
    if (old && samples.at(-1).t - old.t >= windowMs && m.cpuMs - old.m.cpuMs < maxMs) return { m, quietAfterMs: Date.now() - started, timedOut: false };
    if (Date.now() - started > timeoutMs) return { m, quietAfterMs: Date.now() - started, timedOut: true };
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

const sub = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] - b[k]]));

/**
 * One load of `url` in a fresh tab of variant `v`: Performance metrics enabled before navigating
 * (the tab's new renderer starts counting at the navigation), read once the page has done < 0.5 ms
 * of main-thread work in a second. Only then, with the extension, is 'page/mentions' asked (it
 * answers after the first scan): that confirms the scan had finished without counting the call
 * itself, whose summary sorts names with localeCompare (ICU collator set-up, ~30 ms the first
 * time in a renderer); `afterQuietMs` is the work between the reading and the reply, as a check.
 * `trace`: a devtools.timeline + CPU-profile trace of the load up to the reading.
 */
export async function measureLoad(v, url, { trace = false, quietMs = 0.5 } = {}) {
  const page = await v.context.newPage();
  const cdp = await v.context.newCDPSession(page);
  const events = [];
  try {
    await cdp.send('Performance.enable');
    if (trace) {
      cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
      await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES.join(','), transferMode: 'ReportEvents' });
    }
    const before = await metrics(cdp);
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const loadMs = Date.now() - t0;
    const quiet = await untilQuiet(cdp, { windowMs: 1000, maxMs: quietMs });
    const after = quiet.m;
    if (trace) {
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await done;
    }
    let mentions = null;
    let afterQuietMs = null;
    if (v.hasExtension) {
      mentions = await pageMentions(v, page);
      afterQuietMs = (await metrics(cdp)).cpuMs - after.cpuMs;
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const gc = await metrics(cdp);
    return {
      delta: sub(after, before), heapAfterGc: gc.heap, nodes: gc.nodes, frames: gc.frames,
      loadMs, quietAfterMs: quiet.quietAfterMs, quietTimedOut: quiet.timedOut, afterQuietMs,
      mentions: mentions ? mentions.mentions.reduce((n, m) => n + m.count, 0) : null, enabled: mentions?.enabled ?? null,
      events: trace ? events : null,
    };
  } finally {
    await page.close();
  }
}

const IDLE_EVENTS = ['TimerInstall', 'TimerFire', 'RequestAnimationFrame', 'FireAnimationFrame', 'RequestIdleCallback', 'FireIdleCallback', 'FunctionCall', 'EventDispatch'];

/**
 * Loads `url`, waits until quiet (and, with the extension, for the first scan), then records
 * `idleMs` of the idle tab: main-thread work from Performance.getMetrics, and a devtools.timeline
 * trace counting timers, frames and callbacks on renderer main threads.
 */
export async function measureIdle(v, url, idleMs) {
  const page = await v.context.newPage();
  const cdp = await v.context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await untilQuiet(cdp, { windowMs: 1000 });
    if (v.hasExtension) await pageMentions(v, page);
    await untilQuiet(cdp, { windowMs: 500 });
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel', transferMode: 'ReportEvents' });
    const m0 = await metrics(cdp);
    await new Promise((r) => setTimeout(r, idleMs));
    const m1 = await metrics(cdp);
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const counts = Object.fromEntries(IDLE_EVENTS.map((n) => [n, events.filter((e) => e.name === n && main.has(`${e.pid}:${e.tid}`)).length]));
    const ours = events.filter((e) => main.has(`${e.pid}:${e.tid}`) && /^chrome-extension:/.test(e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url ?? '')).length;
    return { ...sub(m1, m0), events: counts, extensionEvents: ours };
  } finally {
    await page.close();
  }
}
