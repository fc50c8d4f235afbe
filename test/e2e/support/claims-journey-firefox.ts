// Firefox's side of the claims journeys. WebDriver BiDi shows our documents (the editor frame, the
// claims list, options, popup) as about:blank and will not script them, so they are READ over the
// Remote Debugging Protocol and driven with BiDi's real input (keys and clicks on their tab).
//
// Headless Firefox has no window-level shortcut handling and no way to dispatch a menu event, so
// the background page (over RDP) sends the tab the very message its right-click listener sends
// ('page/record' with the mode). The next/previous-mention commands are fired in the parent
// process as their shortcut's key element fires them (firefox-parent.ts dispatchCommand).
//
// The file chooser: BiDi does not report a chooser opened by an extension page (so no test can
// answer it), and headless Firefox's native dialog cannot be answered either. The input's own
// activation is still checked: Space on the focused input must give it a trusted click (what
// opens the chooser); that click's default is prevented to keep the native dialog shut, and the
// file is handed over as the harness's sync tests do (a DataTransfer and a change event).

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { until } from './browsers';
import { FirefoxClaims } from './claims-firefox';
import { FOCUSED, type ExtensionTab, type JourneyDriver } from './claims-journey-driver';
import type { FirefoxHarness } from './firefox';
import { FirefoxParent } from './firefox-parent';
import type { TestPage } from './harness';
import { resultsPath } from './paths';

const ADDON_ID = 'sound-familiar@sound-familiar.org';

/** A Playwright-style key ("Shift+Tab", "Control+Enter", " ") pressed through puppeteer. */
async function press(page: Page, combo: string): Promise<void> {
  type Key = Parameters<typeof page.keyboard.press>[0];
  const keys = (combo === ' ' ? [' '] : combo.split('+')) as Key[];
  const key = keys.pop()!;
  for (const k of keys) await page.keyboard.down(k);
  await page.keyboard.press(key);
  for (const k of keys.reverse()) await page.keyboard.up(k);
}

export class FirefoxJourney implements JourneyDriver {
  private constructor(private readonly d: FirefoxClaims, private readonly parent: FirefoxParent, private readonly base: string) {}

  static async launch(h: FirefoxHarness): Promise<FirefoxJourney> {
    const d = await FirefoxClaims.attach(h);
    return new FirefoxJourney(d, await FirefoxParent.attach(h, ADDON_ID), await h.background.evaluate<string>('browser.runtime.getURL("")'));
  }

  get h() {
    return this.d.h;
  }

  click(page: TestPage, x: number, y: number) {
    return this.d.click(page, x, y);
  }
  type(page: TestPage, text: string) {
    return this.d.type(page, text);
  }
  editorReady(page: TestPage) {
    return this.d.editorReady(page);
  }
  editorOpen(page: TestPage) {
    return this.d.editorOpen(page);
  }
  call<T>(name: string, payload: object) {
    return this.d.call<T>(name, payload);
  }
  close() {
    return this.d.close();
  }

  async editor<T>(page: TestPage, expression: string): Promise<T> {
    await this.d.editorReady(page);
    return this.d.editor<T>(expression);
  }

  focused(_page: TestPage): Promise<string> {
    return this.d.editor<string>(FOCUSED);
  }

  async tabTo(page: TestPage, id: string, max = 12, key = 'Tab'): Promise<string[]> {
    const path = [await this.focused(page)];
    while (path[path.length - 1] !== id && path.length <= max) {
      await page.press(key);
      path.push(await this.focused(page));
    }
    return path;
  }

  async recordCommand(page: TestPage): Promise<void> {
    expect(await this.h.callTab(page, 'page/record', { mode: 'claim' })).toEqual({ ok: true, value: true });
  }

  async addNameCommand(page: TestPage): Promise<void> {
    expect(await this.h.callTab(page, 'page/record', { mode: 'entity' })).toEqual({ ok: true, value: true });
  }

  async stepCommand(page: TestPage, direction: 1 | -1): Promise<void> {
    // The command acts on the active tab, as after the real shortcut.
    await page.bringToFront();
    await this.parent.dispatchCommand(direction === 1 ? 'next-mention' : 'previous-mention');
  }

  async openTab(file: 'claims.html' | 'options.html' | 'popup.html', forPage?: TestPage): Promise<ExtensionTab> {
    // The options tab behind calls to the background first, so the newest options.html is this one;
    // and every tab known to BiDi too, so the one page BiDi adds next is the tab opened here.
    await this.d.call('sync/backup', {});
    const tabs = () => this.h.background.evaluate<number>('browser.tabs.query({}).then((t) => t.length)');
    const known = await tabs();
    await until(async () => (await this.h.browser.pages()).length, (n) => n >= known, 'BiDi to know every tab', 30_000);
    await forPage?.bringToFront();
    const before = new Set(await this.h.browser.pages());
    const tabId = await this.h.background.evaluate<number>(`browser.tabs.create({ url: browser.runtime.getURL(${JSON.stringify(file)}), active: false }).then((t) => t.id)`);
    const page = (await until(async () => (await this.h.browser.pages()).find((p) => !before.has(p)) ?? null, (p) => p !== null, `the tab for ${file}`, 30_000))!;
    const url = this.base + file;
    await this.d.ext.waitFor(url);
    await until(() => this.d.ext.evaluate<string>(url, 'document.readyState'), (s) => s === 'complete', `${file} to load`);
    const evaluate = <T>(expression: string) => this.d.ext.evaluate<T>(url, expression);
    const alive = () => this.h.background.evaluate<boolean>(`browser.tabs.get(${tabId}).then(() => true, () => false)`);
    return {
      evaluate,
      bringToFront: () => page.bringToFront(),
      press: (key) => press(page, key),
      type: (text) => page.keyboard.type(text),
      click: (x, y) => page.mouse.click(x, y),
      async chooseFileWithSpace(file) {
        const armed = await evaluate<boolean>(`(() => {
          const input = document.activeElement;
          if (!(input instanceof HTMLInputElement) || input.type !== 'file') return false;
          window.__sfChooser = null;
          input.addEventListener('click', (e) => { window.__sfChooser = e.isTrusted; e.preventDefault(); }, { once: true });
          return true;
        })()`);
        expect(armed, 'focus on a file input').toBe(true);
        await press(page, ' ');
        expect(await until(() => evaluate<boolean | null>('window.__sfChooser'), (v) => v !== null, 'Space to activate the file input'), 'a trusted activation').toBe(true);
        const chose = await evaluate<boolean>(`(() => {
          const input = document.activeElement;
          if (!(input instanceof HTMLInputElement) || input.type !== 'file') return false;
          const files = new DataTransfer();
          files.items.add(new File([${JSON.stringify(readFileSync(file, 'utf8'))}], ${JSON.stringify(path.basename(file))}, { type: 'application/json' }));
          input.files = files.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
          return true;
        })()`);
        expect(chose, 'the file input still focused').toBe(true);
      },
      screenshot: async (name) => writeFileSync(resultsPath(`firefox-${name}.png`), await this.parent.snapshotTab(tabId)),
      close: async () => {
        if (await alive()) await this.h.background.evaluate(`browser.tabs.remove(${tabId}).then(() => null)`);
        await until(alive, (open) => !open, `${file} to close`);
      },
    };
  }

  async back(page: TestPage): Promise<void> {
    await this.h.raw(page).goBack();
  }
}
