// Firefox's side of the "your own sites" tests. Our pages open in background tabs; WebDriver BiDi
// lists them as about:blank and will not script them, so they are read over the Remote Debugging
// Protocol and clicked through BiDi's input actions (real user input: Firefox refuses
// permissions.request otherwise). The prompt is switched off by Firefox's own preference
// (extensions.webextOptionalPermissionPrompts), so the click's request is granted as "Allow"
// would; the toolbar click's activeTab grant and the add-ons manager's revocation go through
// the parent process.

import { writeFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { until } from './browsers';
import { ExtensionPages, FirefoxClaims } from './claims-firefox';
import type { FirefoxHarness } from './firefox';
import { FirefoxParent } from './firefox-parent';
import { startPackProxy, useProxy } from './pack-proxy';
import type { TestPage } from './harness';
import { resultsPath } from './paths';
import { buttonCentre, type ExtensionTab, type OwnSiteDriver } from './own-sites';

const ADDON_ID = 'sound-familiar@sound-familiar.org';

export async function firefoxOwnSites(h: FirefoxHarness): Promise<OwnSiteDriver> {
  const parent = await FirefoxParent.attach(h, ADDON_ID);
  const ext = await ExtensionPages.attach(h);
  const base = await h.background.evaluate<string>('browser.runtime.getURL("")');
  await parent.evaluate(`Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', false)`);

  /** Opens `file` in a new background tab and pairs its RDP document with its BiDi page. */
  async function open(file: string): Promise<ExtensionTab> {
    const before = new Set(await h.browser.pages());
    const tabId = await h.background.evaluate<number>(`browser.tabs.create({ url: browser.runtime.getURL(${JSON.stringify(file)}), active: false }).then((t) => t.id)`);
    // A deadline, not a timing check: on a cold CI machine BiDi once took over 10 s to report the
    // first extension tab it had not seen, which failed the whole packs suite in its set-up.
    const page = (await until(async () => (await h.browser.pages()).find((p) => !before.has(p)) ?? null, (p) => p !== null, `the tab for ${file}`, 30_000))!;
    await ext.waitFor(base + file);
    await until(() => ext.evaluate<string>(base + file, 'document.readyState'), (s) => s === 'complete', `${file} to load`);
    return extensionTab(file, page, tabId);
  }

  function extensionTab(file: string, page: Page, tabId: number): ExtensionTab {
    const alive = () => h.background.evaluate<boolean>(`browser.tabs.get(${tabId}).then(() => true, () => false)`);
    return {
      text: () => ext.evaluate<string>(base + file, 'document.body.innerText'),
      async click(label) {
        const at = await ext.evaluate<{ x: number; y: number } | null>(base + file, `(${buttonCentre.toString()})(${JSON.stringify(label)})`);
        if (!at) return false;
        await page.mouse.click(at.x, at.y);
        return true;
      },
      async fill(id, text) {
        // Set as the browser sets a typed value, then the input event the page listens to.
        await ext.evaluate(base + file, `(() => {
          const input = document.getElementById(${JSON.stringify(id)});
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(text)});
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return true;
        })()`);
      },
      async screenshot(name) {
        // BiDi will not capture an extension document; the parent process draws the tab.
        const file = resultsPath(`firefox-${name}.png`);
        writeFileSync(file, await parent.snapshotTab(tabId));
        return file;
      },
      closed: async () => !(await alive()),
      async close() {
        if (await alive()) await h.background.evaluate(`browser.tabs.remove(${tabId}).then(() => null)`);
      },
    };
  }

  let closeProxy = () => Promise.resolve();
  const close = h.close.bind(h);
  h.close = async () => {
    await closeProxy();
    await close();
  };
  return {
    h,
    async popupFor(page: TestPage) {
      await page.bringToFront();
      // What the toolbar click grants before the popup opens: activeTab on the page's tab.
      await parent.evaluate(`(() => {
        const win = Services.wm.getMostRecentWindow('navigator:browser');
        WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension.tabManager.addActiveTabPermission(win.gBrowser.selectedTab);
        return true;
      })()`);
      return open('popup.html');
    },
    options: () => open('options.html'),
    async allowNextPrompt() {
      // The preference set at attach time answers the prompt; nothing is granted in advance.
    },
    claims: () => FirefoxClaims.attach(h),
    async revokeInBrowser(pattern) {
      await parent.revokeOrigin(pattern);
    },
    async servePacks(server) {
      const proxy = await startPackProxy(server);
      await useProxy(parent, proxy);
      closeProxy = () => proxy.close();
    },
  };
}
