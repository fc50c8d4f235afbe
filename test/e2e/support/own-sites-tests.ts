// The "your own sites" journey (issue 14), written once for both browsers: on an https site
// outside the built-in list nothing lights; the popup's "Turn on for this site" asks for that
// origin and registers the content script, and after the reload the names light; the options
// page lists the site; "Turn off for this site" unregisters and gives the permission back, and
// after the reload nothing lights; a permission revoked in the browser's own settings drops the
// registration.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, until } from './browsers';
import type { Harness, TestPage } from './harness';
import { selectContents } from './claims-common';
import { highlights } from './harness';
import { backgroundView, OWN_EXPECTED, OWN_PAGE, OWN_PATTERN, OWN_REGISTRATION, type ExtensionTab, type OwnSiteDriver } from './own-sites';
import { Site } from './site';

/** For each of our registered highlights, whether the page's style underlines it (in a page function: no closures). */
function underlinedHighlights(): boolean[] {
  const names = [...CSS.highlights.keys()].filter((name) => name.startsWith('sound-familiar-'));
  return names.map((name) => getComputedStyle(document.body, `::highlight(${name})`).textDecorationLine.includes('underline'));
}

export function defineOwnSiteTests(browserName: string, launch: (site: Site) => Promise<OwnSiteDriver>): void {
  describe(`${browserName}: your own sites`, () => {
    const site = new Site().fixture(OWN_PAGE, 'own-site.html');
    let d: OwnSiteDriver;
    let h: Harness;
    let page: TestPage;

    beforeAll(async () => {
      d = await launch(site);
      h = d.h;
      page = await h.open(OWN_PAGE);
    });
    afterAll(async () => {
      await h?.close();
    });

    const contentScriptAnswers = async () => (await h.callTab(page, 'page/mentions', {})).ok;
    // Read while the popup's reload may be under way: a probe that meets the navigation says "not yet".
    const lit = async () => (await highlights(page).catch(() => null))?.texts ?? null;

    async function popupSays(popup: ExtensionTab, text: string): Promise<string> {
      return until(() => popup.text(), (t) => t.includes(text), `the popup to say "${text}"`);
    }

    it('an https site outside the list: nothing runs and nothing lights, and the permission is not held', async () => {
      await sleep(1500);
      expect(await contentScriptAnswers()).toBe(false);
      expect((await highlights(page)).total).toBe(0);
      expect(await backgroundView(h)).toEqual({ scripts: [], granted: false });
    });

    it('"Turn on for this site" asks for that origin, registers the content script, and after a reload the names light', async () => {
      await d.allowNextPrompt(OWN_PATTERN);
      const popup = await d.popupFor(page);
      await popupSays(popup, 'Turn on for this site');
      expect(await popup.text()).toContain('www.example.org');
      await popup.screenshot('own-site-turn-on');
      // Nothing is granted before the click: its request is what the (stand-in) "Allow" answers.
      expect((await backgroundView(h)).granted).toBe(false);
      expect(await popup.click('Turn on for this site')).toBe(true);
      await popupSays(popup, 'Sound Familiar is on for www.example.org');
      await popup.screenshot('own-site-reload');
      expect(await backgroundView(h)).toEqual({ scripts: [OWN_REGISTRATION], granted: true });

      // Nothing until the reload; the popup's own button reloads the tab and closes itself.
      expect((await highlights(page)).total).toBe(0);
      expect(await popup.click('Reload the page')).toBe(true);
      await until(() => lit(), (t) => JSON.stringify(t) === JSON.stringify(OWN_EXPECTED), 'the names to light after the reload', 15_000);
      await until(() => popup.closed(), (c) => c, 'the popup to close');
      // Painted with our styles: the background added highlights.css to this frame at its first highlight.
      await until(() => page.evaluate(underlinedHighlights).catch(() => null), (u) => u !== null && u.length > 0 && u.every(Boolean), 'our highlights styled');
      await page.screenshot('own-site-lit');
    });

    it('the options page lists the site, and the popup now offers to turn it off', async () => {
      const options = await d.options();
      await until(() => options.text(), (t) => t.includes('Your sites') && t.includes('www.example.org'), 'the site in "Your sites"');
      await options.screenshot('options-your-sites');
      await options.close();

      const popup = await d.popupFor(page);
      await popupSays(popup, 'Turn off for this site');
      expect(await popup.text()).toContain('Local Government Association');
      await popup.screenshot('own-site-on');
      await popup.close();
    });

    it('the claim editor opens on the reader\'s own site (it is web-accessible on every https site)', async () => {
      const claims = await d.claims();
      await page.bringToFront();
      await page.evaluate(selectContents, 'main p');
      expect(await h.callTab(page, 'page/record', { mode: 'claim' })).toEqual({ ok: true, value: true });
      await claims.editorReady(page);
      await page.press('Escape');
      await until(() => claims.editorOpen(page), (open) => !open, 'the editor to close');
    });

    it('"Turn off for this site" unregisters and gives the permission back; after a reload nothing lights', async () => {
      const popup = await d.popupFor(page);
      await popupSays(popup, 'Turn off for this site');
      expect(await popup.click('Turn off for this site')).toBe(true);
      await popupSays(popup, 'Turned off for www.example.org');
      expect(await backgroundView(h)).toEqual({ scripts: [], granted: false });
      expect(await popup.click('Reload the page')).toBe(true);
      await until(() => popup.closed(), (c) => c, 'the popup to close');
      await sleep(1500);
      expect(await contentScriptAnswers()).toBe(false);
      expect((await highlights(page)).total).toBe(0);
    });

    it('a permission revoked in the browser\'s settings drops the registration; "Remove" in the options page does the same', async () => {
      // On again, from the popup.
      await d.allowNextPrompt(OWN_PATTERN);
      let popup = await d.popupFor(page);
      await popupSays(popup, 'Turn on for this site');
      expect(await popup.click('Turn on for this site')).toBe(true);
      await popupSays(popup, 'Sound Familiar is on for www.example.org');
      await popup.close();
      expect(await backgroundView(h)).toEqual({ scripts: [OWN_REGISTRATION], granted: true });

      await d.revokeInBrowser(OWN_PATTERN);
      await until(() => backgroundView(h), (v) => v.scripts.length === 0, 'the registration to go with the permission');
      expect((await backgroundView(h)).granted).toBe(false);
      await page.reload();
      await sleep(1500);
      expect(await contentScriptAnswers()).toBe(false);

      // On again, then removed from the options page.
      await d.allowNextPrompt(OWN_PATTERN);
      popup = await d.popupFor(page);
      await popupSays(popup, 'Turn on for this site');
      expect(await popup.click('Turn on for this site')).toBe(true);
      await popupSays(popup, 'Sound Familiar is on for www.example.org');
      await popup.close();
      const options = await d.options();
      await until(() => options.text(), (t) => t.includes('www.example.org'), 'the site listed');
      expect(await options.click('Remove www.example.org')).toBe(true);
      await until(() => options.text(), (t) => t.includes('You have not added any sites.'), 'the list to empty');
      expect(await backgroundView(h)).toEqual({ scripts: [], granted: false });
      await options.close();
    });

    it('raised no page errors', () => {
      expect(page.errors).toEqual([]);
    });
  });
}
