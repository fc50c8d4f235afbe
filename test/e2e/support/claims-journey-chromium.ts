// Chromium's side of the claims journeys: Playwright drives the editor frame and our pages with
// real keys and clicks. Headless Chromium has no window-level accelerators, so Alt+Shift+R and
// the right-click item are fired the way Chromium fires them: `commands.onCommand` and
// `contextMenus.onClicked` dispatched in the service worker, so the background's own listeners run.

import { expect } from 'vitest';
import type { FileChooser, Page } from 'playwright-core';
import { until } from './browsers';
import { ChromiumClaims } from './claims-chromium';
import type { ChromiumHarness } from './chromium';
import { FOCUSED, type ExtensionTab, type JourneyDriver } from './claims-journey-driver';
import type { TestPage } from './harness';
import { VIEWPORT } from './harness';
import { resultsPath } from './paths';

function tabOf(page: Page): ExtensionTab {
  // Listening from the start turns on Playwright's chooser interception long before any key: set
  // up only when Space is pressed, the key could reach Chromium first (seen under load: no event).
  const choosers: FileChooser[] = [];
  page.on('filechooser', (c) => choosers.push(c));
  return {
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    bringToFront: () => page.bringToFront(),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    click: (x, y) => page.mouse.click(x, y),
    async chooseFileWithSpace(file) {
      // The chooser Chromium opens for the input's own activation; Playwright answers it.
      choosers.length = 0;
      await page.keyboard.press(' ');
      await until(async () => choosers.length, (n) => n > 0, 'Space to open the file chooser');
      const [chooser, ...more] = choosers;
      expect(more).toEqual([]);
      expect(chooser!.isMultiple()).toBe(false);
      await chooser!.setFiles(file);
    },
    async screenshot(name) {
      await page.screenshot({ path: resultsPath(`chromium-${name}.png`), fullPage: true });
    },
    close: () => page.close(),
  };
}

export class ChromiumJourney implements JourneyDriver {
  private readonly c: ChromiumClaims;

  constructor(readonly h: ChromiumHarness) {
    this.c = new ChromiumClaims(h);
  }

  static async launch(h: ChromiumHarness): Promise<ChromiumJourney> {
    return new ChromiumJourney(h);
  }

  click(page: TestPage, x: number, y: number) {
    return this.c.click(page, x, y);
  }
  type(page: TestPage, text: string) {
    return this.c.type(page, text);
  }
  editorReady(page: TestPage) {
    return this.c.editorReady(page);
  }
  editorOpen(page: TestPage) {
    return this.c.editorOpen(page);
  }
  call<T>(name: string, payload: object) {
    return this.c.call<T>(name, payload);
  }
  close() {
    return this.h.close();
  }

  async editor<T>(page: TestPage, expression: string): Promise<T> {
    // Read wherever focus is (editorFrame also waits for focus in the form, as typing needs).
    const frame = this.h.raw(page).frames().filter((f) => !f.isDetached() && /^chrome-extension:\/\/[^/]+\/editor\.html#/.test(f.url())).pop();
    return (frame ?? await this.c.editorFrame(page)).evaluate(expression) as Promise<T>;
  }

  async focused(page: TestPage): Promise<string> {
    return this.editor<string>(page, FOCUSED);
  }

  async tabTo(page: TestPage, id: string, max = 12, key = 'Tab'): Promise<string[]> {
    const path = [await this.focused(page)];
    while (path[path.length - 1] !== id && path.length <= max) {
      await page.press(key);
      path.push(await this.focused(page));
    }
    return path;
  }

  recordCommand(page: TestPage) {
    return this.c.recordCommand(page);
  }

  addNameCommand(page: TestPage) {
    return this.c.contextMenu(page, 'add-to-knowledge-base');
  }

  async stepCommand(page: TestPage, direction: 1 | -1): Promise<void> {
    await page.bringToFront();
    await this.h.dispatchCommand(direction === 1 ? 'next-mention' : 'previous-mention');
  }

  async openTab(file: 'claims.html' | 'options.html' | 'popup.html', forPage?: TestPage): Promise<ExtensionTab> {
    // The popup reads the active tab: it opens in the background, as the harness's popup does.
    const page = file === 'popup.html' && forPage ? await this.h.openPopupFor(forPage) : await this.c.openExtensionPage(file);
    await page.setViewportSize(VIEWPORT);
    return tabOf(page);
  }

  async back(page: TestPage): Promise<void> {
    await this.h.raw(page).goBack();
  }
}
