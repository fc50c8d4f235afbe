// Chromium with the built extension: playwright-core, a persistent context (the only way to load
// an unpacked extension), request interception for every URL, and the extension's service worker
// as the privileged end for calls the popup or a keyboard command would make.

import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import type { BrowserName, Harness, TestPage } from './harness';
import { UI_HOST_SELECTOR, VIEWPORT } from './harness';
import { CHROMIUM, distDir, resultsPath } from './paths';
import { snapshotCard, snapshotPrivateMarks, snapshotUiBox, type Box, type CardSnapshot, type PrivateMark } from './probes';
import type { Site } from './site';

// The extension APIs, as seen inside the service worker (typed loosely: no @types/chrome here).
declare const chrome: any;

export interface ChromiumHarness extends Harness {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** Whether installing the extension opened its welcome tab (the harness closes it). */
  readonly welcomeOpened: boolean;
  /** The extension's service worker, restarted if Chromium stopped it. */
  worker(): Promise<Worker>;
  /**
   * Fires a keyboard command the way Chromium does after its shortcut: `commands.onCommand`
   * dispatched in the service worker, so the background's own listener handles it. (Headless
   * Chromium has no window-level accelerators, so pressing the keys in a page cannot trigger it.)
   */
  dispatchCommand(name: 'next-mention' | 'previous-mention'): Promise<void>;
  /** Opens popup.html in a background tab of the same window, so `page`'s tab stays the active one it reads. */
  openPopupFor(page: TestPage): Promise<Page>;
  /** The Playwright page behind a TestPage. */
  raw(page: TestPage): Page;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=Translate'];

/** `extraArgs`: more Chromium switches for one test file (e.g. the CDP Extensions domain). */
export async function launchChromium(site: Site, extraArgs: string[] = []): Promise<ChromiumHarness> {
  const dist = distDir('chrome');
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...CHROMIUM_ARGS, ...extraArgs],
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    // The extension's own pages (popup, welcome) load from the extension.
    if (url.startsWith('chrome-extension://')) return route.continue();
    const served = site.respond(url);
    if (served) return route.fulfill({ status: served.status, contentType: served.contentType, body: served.body });
    return route.abort();
  });

  // A first install opens the welcome tab; it would become the active tab that the popup and
  // commands act on, so note it and close it.
  let welcomeOpened = false;
  let welcomeSeen: () => void = () => {};
  const welcome = new Promise<void>((resolve) => (welcomeSeen = resolve));
  // Our own tabs (openOwnPage) are left open, welcome.html among them.
  const ownTabs = new WeakSet<Page>();
  const closeIfWelcome = async (p: Page) => {
    await p.waitForURL(/^chrome-extension:\/\/.*\/welcome\.html/, { timeout: 5000 }).catch(() => undefined);
    if (!ownTabs.has(p) && /^chrome-extension:\/\/[^/]+\/welcome\.html/.test(p.url())) {
      welcomeOpened = true;
      await p.close().catch(() => undefined);
      welcomeSeen();
    }
  };
  context.on('page', (p) => void closeIfWelcome(p));
  for (const p of context.pages()) void closeIfWelcome(p);

  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(first.url()).host;
  await Promise.race([welcome, new Promise((r) => setTimeout(r, 3000))]);

  const pages = new Map<TestPage, Page>();
  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    if (live.length > 0) return live[live.length - 1]!;
    // Chromium stops idle workers; any extension event starts it again.
    const started = context.waitForEvent('serviceworker', { timeout: 10_000 });
    const waker = await context.newPage();
    await waker.goto(`chrome-extension://${extensionId}/popup.html`).catch(() => undefined);
    const w = await started;
    await waker.close();
    return w;
  };

  const harness: ChromiumHarness = {
    browserName: 'chromium',
    context,
    extensionId,
    get welcomeOpened() {
      return welcomeOpened;
    },
    worker,
    async open(url, options) {
      const page = await context.newPage();
      for (const content of options?.initScripts ?? []) await page.addInitScript({ content });
      const wrapped = wrapPage(page, 'chromium');
      pages.set(wrapped, page);
      await wrapped.goto(url);
      return wrapped;
    },
    async openOwnPage(file) {
      const page = await context.newPage();
      ownTabs.add(page);
      const wrapped = wrapPage(page, 'chromium');
      pages.set(wrapped, page);
      await wrapped.goto(`chrome-extension://${extensionId}/${file}`);
      return wrapped;
    },
    async callTab<T>(page: TestPage, call: string, payload: object) {
      await page.bringToFront();
      const w = await worker();
      return w.evaluate(async ({ call, payload }) => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined) return { ok: false as const, error: 'no active tab' };
        try {
          return await chrome.tabs.sendMessage(tab.id, { call, payload }, { frameId: 0 });
        } catch (error) {
          return { ok: false as const, error: String(error) };
        }
      }, { call, payload }) as Promise<{ ok: true; value: T } | { ok: false; error: string }>;
    },
    async evaluateInBackground<T>(expression: string) {
      return (await worker()).evaluate(expression) as Promise<T>;
    },
    async commands() {
      const w = await worker();
      const all: { name: string; shortcut: string }[] = await w.evaluate(() => chrome.commands.getAll());
      return all.map(({ name, shortcut }) => ({ name, shortcut }));
    },
    async dispatchCommand(name) {
      const w = await worker();
      await w.evaluate((command) => chrome.commands.onCommand.dispatch(command), name);
    },
    async openPopupFor(page) {
      await page.bringToFront();
      const opened = context.waitForEvent('page', { timeout: 10_000 });
      const w = await worker();
      await w.evaluate(() => chrome.tabs.create({ url: chrome.runtime.getURL('popup.html'), active: false }));
      const popup = await opened;
      await popup.waitForURL(/\/popup\.html$/);
      await popup.waitForLoadState('load');
      return popup;
    },
    raw(page) {
      const p = pages.get(page);
      if (!p) throw new Error('not a page of this harness');
      return p;
    },
    async close() {
      await context.close();
    },
  };
  return harness;
}

/**
 * Runs `fn` with our UI's closed shadow root as a remote object id (through the driver's
 * privileged channel, which no page script has); null if our UI is not in the page. With
 * `frameUrlPart`, our UI in the first child frame whose URL contains it (looked up from a world
 * of the test's own in that frame).
 */
export async function withUiRoot<R>(session: () => Promise<CDPSession>, fn: (s: CDPSession, rootId: string) => Promise<R>, frameUrlPart?: string): Promise<R | null> {
  const s = await session();
  const group = 'sound-familiar-e2e';
  try {
    const contextId = frameUrlPart === undefined ? undefined : await frameWorld(s, frameUrlPart);
    const { result } = await s.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(UI_HOST_SELECTOR)})`, objectGroup: group, contextId });
    if (!result.objectId) return null;
    const { node } = await s.send('DOM.describeNode', { objectId: result.objectId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await s.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, objectGroup: group, executionContextId: contextId });
    if (!object.objectId) return null;
    return await fn(s, object.objectId);
  } finally {
    await s.send('Runtime.releaseObjectGroup', { objectGroup: group }).catch(() => undefined);
  }
}

/** A world of the test's own in the first child frame whose URL contains `urlPart`: its execution context id. */
async function frameWorld(s: CDPSession, urlPart: string): Promise<number> {
  type Tree = { frame: { id: string; url: string }; childFrames?: Tree[] };
  const { frameTree } = (await s.send('Page.getFrameTree')) as { frameTree: Tree };
  const children = (t: Tree): Tree[] => (t.childFrames ?? []).flatMap((c) => [c, ...children(c)]);
  const frame = children(frameTree).find((t) => t.frame.url.includes(urlPart));
  if (!frame) throw new Error(`no frame with ${urlPart}`);
  const { executionContextId } = await s.send('Page.createIsolatedWorld', { frameId: frame.frame.id, worldName: 'sound-familiar-e2e' });
  return executionContextId;
}

/** Wraps a Playwright page as a TestPage. Exported for the corpus baseline browser. */
export function wrapPage(page: Page, browserName: BrowserName): TestPage {
  const errors: string[] = [];
  const messages: string[] = [];
  page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  let cdp: CDPSession | undefined;
  const session = async () => (cdp ??= await page.context().newCDPSession(page));

  const withRoot = <R>(fn: (s: CDPSession, rootId: string) => Promise<R>, frameUrlPart?: string) => withUiRoot(session, fn, frameUrlPart);
  const readCard = async (frameUrlPart?: string) => {
    const json = await withRoot(async (s, rootId) => {
      const { result } = await s.send('Runtime.callFunctionOn', { objectId: rootId, functionDeclaration: `function () { return (${snapshotCard.toString()})(this); }`, returnByValue: true });
      return result.value as string;
    }, frameUrlPart);
    return json ? (JSON.parse(json) as CardSnapshot | null) : null;
  };

  const wrapped: TestPage = {
    browserName,
    errors,
    console: messages,
    url: () => page.url(),
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async evaluateInFrame(urlPart, fn, arg) {
      const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes(urlPart));
      if (!frame) throw new Error(`no frame with ${urlPart}`);
      return frame.evaluate(fn as never, arg) as never;
    },
    async mouseMove(x, y) {
      await page.mouse.move(x, y);
    },
    async click(x, y) {
      await page.mouse.click(x, y);
    },
    async press(key) {
      await page.keyboard.press(key);
    },
    async screenshot(name) {
      const path = resultsPath(`${browserName}-${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async bringToFront() {
      await page.bringToFront();
    },
    card: () => readCard(),
    cardInFrame: (urlPart) => readCard(urlPart),
    async uiBox(selector, text = '') {
      const json = await withRoot(async (s, rootId) => {
        const { result } = await s.send('Runtime.callFunctionOn', { objectId: rootId, functionDeclaration: `function () { return (${snapshotUiBox.toString()})(this, ${JSON.stringify(selector)}, ${JSON.stringify(text)}); }`, returnByValue: true });
        return result.value as string;
      });
      return json ? (JSON.parse(json) as Box | null) : null;
    },
    async privateMarks() {
      const json = await withRoot(async (s, rootId) => {
        const { result } = await s.send('Runtime.callFunctionOn', { objectId: rootId, functionDeclaration: `function () { return (${snapshotPrivateMarks.toString()})(this); }`, returnByValue: true });
        return result.value as string;
      });
      return json ? (JSON.parse(json) as PrivateMark[]) : [];
    },
    async hasDialogNamed(name) {
      const found = await withRoot(async (s, rootId) => {
        const { result } = await s.send('Runtime.callFunctionOn', { objectId: rootId, functionDeclaration: 'function () { return [...this.querySelectorAll("[role=dialog]")]; }', objectGroup: 'sound-familiar-e2e' });
        const { result: props } = await s.send('Runtime.getProperties', { objectId: result.objectId!, ownProperties: true });
        for (const p of props) {
          if (!/^\d+$/.test(p.name) || !p.value?.objectId) continue;
          const { nodes } = await s.send('Accessibility.getPartialAXTree', { objectId: p.value.objectId, fetchRelatives: false });
          const ax = nodes[0];
          if (ax && ax.role?.value === 'dialog' && ax.name?.value === name && !ax.ignored) return true;
        }
        return false;
      });
      return found ?? false;
    },
    async close() {
      await page.close();
    },
  };
  return wrapped;
}
