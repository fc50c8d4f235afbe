// Chromium's side of the "your own sites" tests: our pages through Playwright (real clicks), the
// reader's "Allow" and the settings page's revocation through chrome://extensions' own API
// (chrome.developerPrivate), because headless Chromium cannot answer a permission prompt (it
// waits for ever).

import type { Page } from 'playwright-core';
import { until } from './browsers';
import type { ChromiumHarness } from './chromium';
import { ChromiumClaims } from './claims-chromium';
import type { TestPage } from './harness';
import { resultsPath } from './paths';
import type { ExtensionTab, OwnSiteDriver } from './own-sites';

declare const chrome: any;

function tab(page: Page): ExtensionTab {
  return {
    text: () => page.evaluate(() => document.body.innerText),
    async click(label) {
      const button = page.getByRole('button', { name: label, exact: true });
      if ((await button.count()) === 0) return false;
      await button.first().click();
      return true;
    },
    async fill(id, text) {
      await page.locator(`#${id}`).fill(text);
    },
    async screenshot(name) {
      const file = resultsPath(`chromium-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    closed: async () => page.isClosed(),
    async close() {
      if (!page.isClosed()) await page.close();
    },
  };
}

/** The switch that opens CDP's Extensions domain (Extensions.triggerAction) to the test. */
export const EXTENSION_DEBUGGING = ['--enable-unsafe-extension-debugging'];

export function chromiumOwnSites(h: ChromiumHarness): OwnSiteDriver {
  /**
   * The toolbar click, as Chromium's DevTools protocol performs it: it grants activeTab on the
   * page's tab (so the popup may read its address) and opens the real popup, which is closed
   * again: the test drives popup.html in a tab of its own, where Playwright can reach it.
   */
  async function clickToolbarButton(page: TestPage): Promise<void> {
    const cdp = await h.context.browser()!.newBrowserCDPSession();
    try {
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.find((t) => t.url === page.url());
      if (!tab) throw new Error(`no tab shows ${page.url()}`);
      await cdp.send('Extensions.triggerAction', { id: h.extensionId, targetId: tab.targetId });
      const popup = await until(async () => (await cdp.send('Target.getTargets', {})).targetInfos.find((t) => t.url.endsWith('/popup.html')), (t) => t !== undefined, 'the toolbar popup');
      await cdp.send('Target.closeTarget', { targetId: popup!.targetId });
    } finally {
      await cdp.detach();
    }
  }

  /** chrome://extensions, where the browser's own settings API lives. */
  async function settings<T>(fn: (arg: { id: string; pattern: string }) => Promise<T>, pattern: string): Promise<T> {
    const page = await h.context.newPage();
    try {
      await page.goto('chrome://extensions/');
      return await page.evaluate(fn, { id: h.extensionId, pattern });
    } finally {
      await page.close();
    }
  }
  return {
    h,
    async popupFor(page: TestPage) {
      await clickToolbarButton(page);
      const popup = await h.openPopupFor(page);
      await popup.setViewportSize({ width: 360, height: 460 });
      return tab(popup);
    },
    async options() {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/options.html`, { waitUntil: 'load' });
      return tab(page);
    },
    async allowNextPrompt(pattern) {
      // Recorded as the reader's choice for that site (the extensions page's "site access"), not
      // yet granted: the popup's permissions.request then grants it without a prompt (and still
      // only from a click: Chromium refuses it without a gesture).
      await settings(({ id, pattern }) => chrome.developerPrivate.addHostPermission(id, pattern), pattern);
    },
    claims: () => Promise.resolve(new ChromiumClaims(h)),
    async revokeInBrowser(pattern) {
      await settings(({ id, pattern }) => chrome.developerPrivate.removeHostPermission(id, pattern), pattern);
    },
    async servePacks(server) {
      // Routes added later are tried first; the service worker's fetches pass through them too.
      await h.context.route((url) => server.holds(url.href), async (route) => {
        const answer = server.respond(route.request().url(), (await route.request().allHeaders())['if-none-match'] ?? null);
        await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
      });
    },
  };
}
