// One of the extension's own pages (welcome.html) in a Firefox tab, opened by the extension as it
// opens it at install. WebDriver BiDi can script a moz-extension:// tab and move the pointer in it,
// but reports none of its errors or console messages (nor runs a preload script there), so those
// come over the Remote Debugging Protocol, from a watcher on the add-on, which also hands over
// what the document logged before it was watched.

import type { Browser, Page } from 'puppeteer-core';
import { until } from './browsers';
import { bidiSession, contextId } from './firefox';
import type { ExtensionBackground, RdpClient } from './firefox-rdp';
import { VIEWPORT } from './harness';

type Packet = Record<string, any>;

/** Per connection: the add-on's documents' errors and console messages are being reported. */
const watching = new WeakMap<RdpClient, Promise<unknown>>();

export interface OwnTab {
  page: Page;
  url: string;
  /** Sends the tab's uncaught errors and console messages (as `type: text`) to these lists, from its first. */
  logInto(errors: string[], console: string[]): void;
}

/** Opens `file` of the extension in a new active tab; `taken`: pages already handed out. */
export async function openOwnTab(browser: Browser, background: ExtensionBackground, file: string, taken: Page[]): Promise<OwnTab> {
  const rdp = (background as unknown as { rdp: RdpClient }).rdp;
  const url = await background.evaluate<string>(`browser.runtime.getURL(${JSON.stringify(file)})`);

  // Documents showing `url` (the harness's frame watcher announces each), and what they logged.
  const ours = new Set<string>();
  let sink = { errors: [] as string[], console: [] as string[] };
  rdp.onEvent((p) => {
    if (p.type === 'target-available-form' && p.target?.url === url) ours.add(p.target.actor as string);
    if (p.type !== 'resources-available-array' || !ours.has(p.from as string)) return;
    for (const [type, list] of p.array as [string, Packet[]][]) {
      for (const r of list) {
        if (type === 'console-message') sink.console.push(`${r.level}: ${(r.arguments as unknown[]).map(text).join(' ')}`);
        else if (type === 'error-message' && r.pageError.exception) sink.errors.push(`${r.pageError.errorMessage}\n${r.pageError.sourceName}:${r.pageError.lineNumber}`);
        else if (type === 'error-message') sink.console.push(`${r.pageError.error ? 'error' : r.pageError.warning ? 'warning' : 'info'}: ${r.pageError.errorMessage}`);
      }
    }
  });
  if (!watching.has(rdp)) watching.set(rdp, watchAddon(rdp, await background.evaluate<string>('browser.runtime.id')));
  await watching.get(rdp);

  const session = bidiSession((await browser.pages())[0]!);
  await background.evaluate(`browser.tabs.create({ url: ${JSON.stringify(url)}, active: true }).then(() => null)`);
  const page = (await until(async () => {
    const { result } = await session.send('browsingContext.getTree', { maxDepth: 0 });
    const ids = (result.contexts as { context: string; url: string }[]).filter((c) => c.url === url).map((c) => c.context);
    return (await browser.pages()).find((p) => ids.includes(contextId(p)) && !taken.includes(p));
  }, (p) => p !== undefined, `a tab showing ${url}`))!;
  await page.setViewport(VIEWPORT);
  await until(() => page.evaluate(() => document.readyState), (state) => state === 'complete', `${file} to load`);

  return {
    page,
    url,
    logInto(errors, console) {
      // Everything so far, then everything that follows.
      errors.push(...sink.errors);
      console.push(...sink.console);
      sink = { errors, console };
    },
  };
}

async function watchAddon(rdp: RdpClient, addonId: string): Promise<void> {
  const { addons } = await rdp.request({ to: 'root', type: 'listAddons' });
  const addon = (addons as { id: string; actor: string }[]).find((a) => a.id === addonId);
  if (!addon) throw new Error(`add-on ${addonId} is not installed`);
  const watcher = await rdp.request({ to: addon.actor, type: 'getWatcher', isServerTargetSwitchingEnabled: true });
  await rdp.request({ to: watcher.actor as string, type: 'watchResources', resourceTypes: ['error-message', 'console-message'] });
}

/** A console argument as text: primitives as they are, objects by their preview. */
function text(arg: unknown): string {
  if (arg === null || typeof arg !== 'object') return String(arg);
  const grip = arg as Packet;
  return String(grip.initial ?? grip.class ?? grip.type);
}
