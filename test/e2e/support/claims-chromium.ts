// Chromium's side of the claim and sync tests: real clicks and typing through Playwright, the
// editor frame (an extension-origin iframe Playwright can drive), extension pages opened as tabs,
// and the keyboard-command and context-menu paths fired in the service worker.

import type { Frame, Page } from 'playwright-core';
import { until } from './browsers';
import type { ChromiumHarness } from './chromium';
import type { ClaimsDriver } from './claims-common';
import type { TestPage } from './harness';

declare const chrome: any;

export class ChromiumClaims implements ClaimsDriver {
  private caller: Page | null = null;

  constructor(readonly h: ChromiumHarness) {}

  async click(page: TestPage, x: number, y: number): Promise<void> {
    await this.h.raw(page).mouse.click(x, y);
  }

  async type(page: TestPage, text: string): Promise<void> {
    await this.h.raw(page).keyboard.type(text);
  }

  /** chrome-extension://ID/<file> */
  url(file: string): string {
    return `chrome-extension://${this.h.extensionId}/${file}`;
  }

  /**
   * Opens one of our pages (options.html, claims.html) in a tab of its own. It becomes the active
   * tab; tests bring their page back to the front before anything that acts on the active tab.
   */
  async openExtensionPage(file: string): Promise<Page> {
    const page = await this.h.context.newPage();
    await page.goto(this.url(file), { waitUntil: 'load' });
    return page;
  }

  async call<T>(name: string, payload: object): Promise<T> {
    if (!this.caller || this.caller.isClosed()) this.caller = await this.openExtensionPage('options.html');
    const reply = await this.caller.evaluate(({ name, payload }) => chrome.runtime.sendMessage({ call: name, payload }), { name, payload });
    if (!reply?.ok) throw new Error(`${name} failed: ${reply?.error ?? 'no reply'}`);
    return reply.value as T;
  }

  /** The claim editor's frame inside `page`, once it has rendered its form. */
  async editorFrame(page: TestPage): Promise<Frame> {
    const raw = this.h.raw(page);
    const frame = await until(async () => raw.frames().filter((f) => !f.isDetached() && /^chrome-extension:\/\/[^/]+\/editor\.html#/.test(f.url())).pop() ?? null, (f) => f !== null, 'the editor frame');
    await frame!.waitForSelector('form.claim-form', { timeout: 10_000 });
    // The form puts focus on its first field once mounted: typing starts only then.
    await frame!.waitForFunction(() => document.hasFocus() && document.activeElement !== document.body, undefined, { timeout: 10_000 });
    return frame!;
  }

  async editorReady(page: TestPage): Promise<void> {
    await this.editorFrame(page);
  }

  async editorOpen(page: TestPage): Promise<boolean> {
    return this.h.raw(page).frames().some((f) => !f.isDetached() && /\/editor\.html#/.test(f.url()));
  }

  /** Fires the "record-claim" keyboard command as Chromium does after Alt+Shift+R: onCommand in the service worker. */
  async recordCommand(page: TestPage): Promise<void> {
    await page.bringToFront();
    const w = await this.h.worker();
    await w.evaluate(() => chrome.commands.onCommand.dispatch('record-claim'));
  }

  /** Fires the "Add … to Sound Familiar" context-menu item on the selection, as a right-click would. */
  async contextMenu(page: TestPage, menuItemId: 'record-claim' | 'add-to-knowledge-base'): Promise<void> {
    await page.bringToFront();
    const w = await this.h.worker();
    // The page is the active tab (tabs.query cannot match by URL without the "tabs" permission).
    const tabId = await w.evaluate(async ({ menuItemId, url }) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      chrome.contextMenus.onClicked.dispatch({ menuItemId, frameId: 0, editable: false, pageUrl: url, selectionText: '' }, tab);
      return tab?.id;
    }, { menuItemId, url: page.url() });
    if (tabId === undefined) throw new Error('no active tab for the context menu');
  }

  async close(): Promise<void> {
    await this.h.close();
  }
}
