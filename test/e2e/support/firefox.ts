// Firefox with the built extension: puppeteer-core over WebDriver BiDi (browser.installExtension
// installs it as a temporary add-on), request interception per page, BiDi's privileged node
// access for the card's closed shadow root, and the Remote Debugging Protocol for the extension's
// background page.

import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Harness, OpenOptions, TestPage } from './harness';
import { UI_HOST_SELECTOR, VIEWPORT } from './harness';
import { ExtensionBackground, RdpClient } from './firefox-rdp';
import { openOwnTab } from './firefox-own-page';
import { FIREFOX, distDir, resultsPath } from './paths';
import { snapshotCard, snapshotPrivateMarks, snapshotUiBox, type Box, type CardSnapshot, type PrivateMark } from './probes';
import type { Site } from './site';

export interface FirefoxHarness extends Harness {
  readonly browser: Browser;
  readonly background: ExtensionBackground;
  readonly welcomeOpened: boolean;
  raw(page: TestPage): Page;
}

export async function launchFirefox(site: Site): Promise<FirefoxHarness> {
  const port = await freePort();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    args: ['--start-debugger-server', String(port)],
    extraPrefsFirefox: {
      // The debugger server, for the background page (see firefox-rdp.ts), without a prompt.
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
      // The plain-http test page must load over http: without these, HSTS preloading (gov.uk is
      // on the list) and HTTPS-First upgrade it mid-navigation, which fails the navigation at random.
      'network.stricttransportsecurity.preloadlist': false,
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
    },
  });
  const dist = distDir('firefox');
  const addonId = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id as string;
  await browser.installExtension(dist);
  const rdp = await RdpClient.connect(port);
  const background = await ExtensionBackground.attach(rdp, addonId);

  // A first install opens the welcome tab, which would become the active tab; close it.
  const welcomeOpened = await background.evaluate<boolean>(`(async () => {
    for (let i = 0; i < 30; i++) {
      const tabs = (await browser.tabs.query({})).filter((t) => /^moz-extension:\\/\\/[^/]+\\/welcome\\.html/.test(t.url ?? ''));
      if (tabs.length > 0) { await browser.tabs.remove(tabs.map((t) => t.id)); return true; }
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  })()`);

  const pages = new Map<TestPage, Page>();
  const harness: FirefoxHarness = {
    browserName: 'firefox',
    browser,
    background,
    welcomeOpened,
    async open(url, options) {
      const page = await newServedPage(browser, site, options);
      const wrapped = wrapPage(page);
      pages.set(wrapped, page);
      await wrapped.goto(url);
      return wrapped;
    },
    async openOwnPage(file) {
      const { page, url, logInto } = await openOwnTab(browser, background, file, [...pages.values()]);
      const wrapped = wrapPage(page);
      // Puppeteer lists a moz-extension:// tab as about:blank, and BiDi reports nothing it logs.
      wrapped.url = () => url;
      logInto(wrapped.errors, wrapped.console);
      pages.set(wrapped, page);
      return wrapped;
    },
    evaluateInBackground: <T>(expression: string) => background.evaluate<T>(expression),
    async callTab<T>(page: TestPage, call: string, payload: object) {
      await page.bringToFront();
      return background.evaluate<{ ok: true; value: T } | { ok: false; error: string }>(`(async () => {
        const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined) return { ok: false, error: 'no active tab' };
        if (tab.url !== ${JSON.stringify(page.url())}) return { ok: false, error: 'active tab is ' + tab.url };
        try {
          return await browser.tabs.sendMessage(tab.id, ${JSON.stringify({ call, payload })}, { frameId: 0 });
        } catch (error) {
          return { ok: false, error: String(error) };
        }
      })()`);
    },
    async commands() {
      return background.evaluate<{ name: string; shortcut: string }[]>(
        'browser.commands.getAll().then((all) => all.map(({ name, shortcut }) => ({ name, shortcut })))',
      );
    },
    raw(page) {
      const p = pages.get(page);
      if (!p) throw new Error('not a page of this harness');
      return p;
    },
    async close() {
      rdp.close();
      await browser.close();
    },
  };
  return harness;
}

/** A new tab whose every request is answered from `site` or aborted. */
export async function newServedPage(browser: Browser, site: Site, options?: OpenOptions): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  for (const source of options?.initScripts ?? []) await page.evaluateOnNewDocument(source);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const served = site.respond(request.url());
    // A request can vanish before it is answered (the page navigated on): nothing to do then.
    const ignoreGone = () => undefined;
    if (served) request.respond({ status: served.status, contentType: served.contentType, body: served.body }).catch(ignoreGone);
    else request.abort().catch(ignoreGone);
  });
  return page;
}

/** Launches Firefox without the extension (a baseline to compare pages against). */
export async function launchPlainFirefox(): Promise<Browser> {
  return puppeteer.launch({ browser: 'firefox', protocol: 'webDriverBiDi', executablePath: FIREFOX, headless: true });
}

export function wrapPage(page: Page): TestPage {
  const errors: string[] = [];
  const messages: string[] = [];
  page.on('pageerror', (e) => errors.push(e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e)));
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));

  // puppeteer's BiDi session and this page's browsing context, for the commands it does not wrap.
  const bidi = () => ({ session: bidiSession(page), context: contextId(page) });

  /** The browsing context of the first child frame whose URL contains `urlPart`. */
  const frameContext = (urlPart: string): string => {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes(urlPart));
    if (!frame) throw new Error(`no frame with ${urlPart}`);
    return (frame as unknown as { browsingContext: { id: string } }).browsingContext.id;
  };

  /** The shared id of our UI's closed shadow root: BiDi serialises closed roots for the automation client. */
  async function shadowRootId(context = bidi().context): Promise<string | null> {
    const { session } = bidi();
    const { result } = await session.send('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(UI_HOST_SELECTOR)})`,
      target: { context },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    });
    return result.result?.value?.shadowRoot?.sharedId ?? null;
  }

  /** Runs a probe (root, ...args) => JSON on our closed shadow root; null if our UI is not in the page. */
  async function onRoot(probe: (root: ShadowRoot, ...args: string[]) => string, args: { type: 'string'; value: string }[] = [], context = bidi().context): Promise<string | null> {
    const root = await shadowRootId(context);
    if (!root) return null;
    const { session } = bidi();
    const { result } = await session.send('script.callFunction', {
      functionDeclaration: probe.toString(),
      arguments: [{ sharedId: root }, ...args],
      target: { context },
      awaitPromise: false,
    });
    if (result.type !== 'success') throw new Error(`${probe.name} failed: ${JSON.stringify(result).slice(0, 300)}`);
    return result.result.value as string;
  }

  const wrapped: TestPage = {
    browserName: 'firefox',
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
    async press(combo) {
      // Playwright-style "Shift+Tab".
      const keys = combo.split('+') as Parameters<typeof page.keyboard.press>[0][];
      const key = keys.pop()!;
      for (const k of keys) await page.keyboard.down(k);
      await page.keyboard.press(key);
      for (const k of keys.reverse()) await page.keyboard.up(k);
    },
    async screenshot(name) {
      const file = resultsPath(`firefox-${name}.png`);
      await page.screenshot({ path: file as `${string}.png` });
      return file;
    },
    async bringToFront() {
      await page.bringToFront();
    },
    async uiBox(selector, text = '') {
      const json = await onRoot(snapshotUiBox, [{ type: 'string', value: selector }, { type: 'string', value: text }]);
      return json === null ? null : (JSON.parse(json) as Box | null);
    },
    async privateMarks() {
      const json = await onRoot(snapshotPrivateMarks);
      return json === null ? [] : (JSON.parse(json) as PrivateMark[]);
    },
    async card() {
      const json = await onRoot(snapshotCard);
      return json === null ? null : (JSON.parse(json) as CardSnapshot | null);
    },
    async cardInFrame(urlPart) {
      const json = await onRoot(snapshotCard, [], frameContext(urlPart));
      return json === null ? null : (JSON.parse(json) as CardSnapshot | null);
    },
    async hasDialogNamed(name) {
      const root = await shadowRootId();
      if (!root) return false;
      const { session, context } = bidi();
      // Firefox's accessibility locator: role and accessible name as its a11y engine computes them.
      const { result } = await session.send('browsingContext.locateNodes', {
        context,
        locator: { type: 'accessibility', value: { role: 'dialog', name } },
        startNodes: [{ sharedId: root }],
      });
      return result.nodes.length > 0;
    },
    async close() {
      await page.close();
    },
  };
  return wrapped;
}

export type BidiSession = { send(method: string, params: object): Promise<{ result: any }> };

/** Puppeteer's WebDriver BiDi session, reached through any of its pages. */
export function bidiSession(page: Page): BidiSession {
  return (page.mainFrame() as unknown as { browsingContext: { userContext: { browser: { session: BidiSession } } } }).browsingContext.userContext.browser.session;
}

/** The BiDi browsing context behind a page. */
export function contextId(page: Page): string {
  return (page.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
