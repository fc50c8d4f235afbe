// Headless Chromium for the benchmark: launches it, serves one page per tab through request
// interception (every other request blocked, page scripts blocked by CSP), and reads heap and traces.

import { chromium } from 'playwright-core';

const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'];

export async function launch() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return { browser, context };
}

/**
 * Opens `html` at `url` in a fresh tab with the harness injected. The page's own scripts are
 * blocked (CSP `script-src 'none'`): saved pages' scripts only add noise, and some take seconds.
 */
export async function openPage(context, { url, html, harness, css }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // Everything but the page itself fails in the network stack, without a round trip to Node.
  await cdp.send('Network.enable');
  await cdp.send('Network.setBlockedURLs', { urls: ['*'] });
  await page.route(url, (route) => route.fulfill({
    status: 200,
    body: html,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" },
  }));
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await page.evaluate(harness);
  await page.evaluate((c) => window.__bench.init(c), css);
  return { page, cdp };
}

/** JS heap in bytes after a full GC: V8 heap + Blink (DOM) heap + ArrayBuffer backing stores. */
export async function heapBytes(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  return { v8: h.usedSize, embedder: h.embedderHeapUsedSize ?? 0, backing: h.backingStorageSize ?? 0, total: h.usedSize + (h.embedderHeapUsedSize ?? 0) + (h.backingStorageSize ?? 0) };
}

export async function startTrace(browser, page) {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  // Let the renderer settle into tracing (its set-up lands in the first tasks) before any window opens.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

export async function stopTrace(browser) {
  return JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
}
