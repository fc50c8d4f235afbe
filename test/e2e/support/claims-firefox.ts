// Firefox's extension pages for the claim and sync tests: WebDriver BiDi hides moz-extension://
// documents (a navigation to one is refused, and they are listed as about:blank), so the options
// page, the claims list and the editor frame are reached over the Remote Debugging Protocol,
// on a second connection to the debugger server the harness started. Also: where Firefox saves
// downloads, set through BiDi so the options page's real "Export file" download can be read.
// Not a second harness: pages, tabs and the background stay launchFirefox's.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { RdpClient } from './firefox-rdp';
import { until } from './browsers';
import type { ClaimsDriver } from './claims-common';
import type { FirefoxHarness } from './firefox';
import type { TestPage } from './harness';

type Packet = Record<string, any>;

/** An extension document as the debugger server lists it. */
interface Target {
  url: string;
  consoleActor: string;
}

/**
 * Evaluates JavaScript in any of the add-on's documents (options.html, claims.html, editor.html
 * framed in a page), chosen by URL. The code runs in the page's own window, so it sees and can
 * drive its DOM as the page's scripts do.
 */
export class ExtensionPages {
  private readonly targets = new Map<string, Target>();
  private readonly results = new Map<string, Packet>();
  private readonly waiting = new Map<string, (p: Packet) => void>();
  private readonly watchedTabs = new Set<string>();

  private constructor(private readonly rdp: RdpClient) {
    rdp.onEvent((p) => {
      if (p.type === 'target-available-form' && p.target?.actor) {
        this.targets.set(p.target.actor, { url: String(p.target.url), consoleActor: p.target.consoleActor });
      } else if (p.type === 'target-destroyed-form' && p.target?.actor) {
        this.targets.delete(p.target.actor);
      } else if (p.type === 'frameUpdate' || p.type === 'tabNavigated') {
        const t = p.from ? this.targets.get(p.from) : undefined;
        if (t && typeof p.url === 'string') t.url = p.url;
      } else if (p.type === 'evaluationResult') {
        const waiter = this.waiting.get(p.resultID);
        if (waiter) waiter(p);
        else this.results.set(p.resultID, p);
      }
    });
  }

  /** Connects a second RDP client to the debugger server `h` was launched with. */
  static async attach(h: FirefoxHarness): Promise<ExtensionPages> {
    // The harness's own RDP connection: its add-on watcher already reports every extension
    // document (a second connection's getWatcher on the add-on never answers in Firefox 153).
    const rdp = (h.background as unknown as { rdp: RdpClient }).rdp;
    const pages = new ExtensionPages(rdp);
    return pages;
  }

  /**
   * Also reports the documents inside the tab showing `url` (the add-on's watcher does not report
   * our frames inside web pages, such as the editor; a watcher on the tab does).
   */
  async watchTab(url: string): Promise<void> {
    const { tabs } = await this.rdp.request({ to: 'root', type: 'listTabs' });
    const tab = (tabs as { actor: string; url: string; selected: boolean }[])
      .filter((t) => t.url === url)
      .sort((a, b) => Number(b.selected) - Number(a.selected))[0];
    if (!tab) throw new Error(`no tab shows ${url}`);
    if (this.watchedTabs.has(tab.actor)) return;
    const watcher = await this.rdp.request({ to: tab.actor, type: 'getWatcher', isServerTargetSwitchingEnabled: true });
    await this.rdp.request({ to: watcher.actor as string, type: 'watchTargets', targetType: 'frame' });
    this.watchedTabs.add(tab.actor);
  }

  /** Sets a Firefox preference (the debugger server's preference actor). */
  async setPref(name: string, value: boolean | number | string): Promise<void> {
    const root = await this.rdp.request({ to: 'root', type: 'getRoot' });
    const type = typeof value === 'boolean' ? 'setBoolPref' : typeof value === 'number' ? 'setIntPref' : 'setCharPref';
    await this.rdp.request({ to: root.preferenceActor as string, type, name, value });
  }

  urls(): string[] {
    return [...this.targets.values()].map((t) => t.url);
  }

  /** Whether a document whose URL contains `urlPart` is open. */
  has(urlPart: string): boolean {
    return [...this.targets.values()].some((t) => t.url.includes(urlPart));
  }

  /** Waits until a document whose URL contains `urlPart` exists. */
  async waitFor(urlPart: string, timeout = 10_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!this.has(urlPart)) {
      if (Date.now() > deadline) throw new Error(`no extension document ${urlPart}; have ${JSON.stringify(this.urls())}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * Evaluates `expression` (may return a promise) in the newest document whose URL contains
   * `urlPart`; its value comes back through JSON.
   */
  async evaluate<T>(urlPart: string, expression: string): Promise<T> {
    await this.waitFor(urlPart);
    const target = [...this.targets.values()].filter((t) => t.url.includes(urlPart)).pop()!;
    const text = `(async () => JSON.stringify({ value: await (${expression}) }))()`;
    const ack = await this.rdp.request({ to: target.consoleActor, type: 'evaluateJSAsync', text, mapped: { await: true } });
    const result = await this.result(ack.resultID as string, 30_000);
    if (result.exceptionMessage || result.topLevelAwaitRejected) {
      throw new Error(`evaluation in ${urlPart} failed: ${result.exceptionMessage ?? 'rejected'} in ${expression.slice(0, 200)}`);
    }
    let json = result.result;
    if (json && typeof json === 'object' && json.type === 'longString') {
      const { substring } = await this.rdp.request({ to: json.actor, type: 'substring', start: 0, end: json.length });
      json = substring;
    }
    if (typeof json !== 'string') throw new Error(`unexpected evaluation result ${JSON.stringify(json).slice(0, 200)}`);
    return (JSON.parse(json) as { value: T }).value;
  }

  close(): void {
    this.rdp.close();
  }

  private result(id: string, timeoutMs: number): Promise<Packet> {
    const ready = this.results.get(id);
    if (ready) {
      this.results.delete(id);
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error('RDP: no evaluation result'));
      }, timeoutMs);
      this.waiting.set(id, (p) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(p);
      });
    });
  }
}

/**
 * Makes Firefox save every download, without asking, into a fresh folder, and returns it
 * (WebDriver BiDi's browser.setDownloadBehavior). `page` is any page of the harness: BiDi's
 * session is reached through it.
 */
export async function captureDownloads(page: Page): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sf-downloads-'));
  const context = (page.mainFrame() as unknown as { browsingContext: { userContext: { browser: { session: { send(method: string, params: object): Promise<unknown> } } } } }).browsingContext;
  await context.userContext.browser.session.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: dir } });
  return dir;
}

/**
 * Firefox's side of the claim and sync tests. Clicks and typing are real (puppeteer over BiDi);
 * the editor frame, shown to BiDi as about:blank, is driven by keyboard and only READ over RDP;
 * calls to the background go through an options.html tab opened in the background.
 */
export class FirefoxClaims implements ClaimsDriver {
  private constructor(readonly h: FirefoxHarness, readonly ext: ExtensionPages, private readonly base: string) {}

  static async attach(h: FirefoxHarness): Promise<FirefoxClaims> {
    const ext = await ExtensionPages.attach(h);
    return new FirefoxClaims(h, ext, await h.background.evaluate<string>('browser.runtime.getURL("")'));
  }

  async click(page: TestPage, x: number, y: number): Promise<void> {
    await this.h.raw(page).mouse.click(x, y);
  }

  async type(page: TestPage, text: string): Promise<void> {
    await this.h.raw(page).keyboard.type(text);
  }

  /** Opens one of our pages in a new background tab (the test's page stays the active tab). */
  async openExtensionPage(file: string): Promise<void> {
    await this.h.background.evaluate(`browser.tabs.create({ url: browser.runtime.getURL(${JSON.stringify(file)}), active: false }).then(() => null)`);
    await this.ext.waitFor(this.base + file);
    await until(() => this.ext.evaluate<string>(this.base + file, 'document.readyState'), (s) => s === 'complete', `${file} to load`);
  }

  /** Closes our tabs showing `file`, and waits until their documents are gone. */
  async closeExtensionPage(file: string): Promise<void> {
    await this.h.background.evaluate(`browser.tabs.query({}).then((tabs) => browser.tabs.remove(tabs.filter((t) => (t.url ?? '').startsWith(browser.runtime.getURL(${JSON.stringify(file)}))).map((t) => t.id))).then(() => null)`);
    await until(async () => this.ext.has(this.base + file), (open) => !open, `${file} to close`);
  }

  /** Evaluates in our page `file` (options.html, claims.html, editor.html). */
  evaluateIn<T>(file: string, expression: string): Promise<T> {
    return this.ext.evaluate<T>(this.base + file, expression);
  }

  async call<T>(name: string, payload: object): Promise<T> {
    if (!this.ext.has(this.base + 'options.html')) await this.openExtensionPage('options.html');
    const reply = await this.evaluateIn<{ ok: boolean; value?: T; error?: string } | undefined>('options.html', `browser.runtime.sendMessage(${JSON.stringify({ call: name, payload })})`);
    if (!reply?.ok) throw new Error(`${name} failed: ${reply?.error ?? 'no reply'}`);
    return reply.value as T;
  }

  async editorReady(page: TestPage): Promise<void> {
    await this.ext.watchTab(page.url());
    await this.ext.waitFor(this.base + 'editor.html#');
    // Rendered, and focused: the keyboard is about to type into it.
    const ready = '({ form: !!document.querySelector("form.claim-form"), focused: document.hasFocus(), active: document.activeElement && document.activeElement !== document.body ? document.activeElement.tagName : null })';
    await until(() => this.editor<{ form: boolean; focused: boolean; active: string | null }>(ready), (s) => s.form && s.focused && !!s.active, 'the editor form, focused');
  }

  async editorOpen(_page: TestPage): Promise<boolean> {
    return this.ext.has(this.base + 'editor.html#');
  }

  /** Reads from the editor frame (never drives it: the tests type into it by keyboard). */
  editor<T>(expression: string): Promise<T> {
    return this.ext.evaluate<T>(this.base + 'editor.html#', expression);
  }

  async close(): Promise<void> {
    await this.h.close();
  }
}
