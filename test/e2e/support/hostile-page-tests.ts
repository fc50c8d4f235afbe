// The hostile-page suite, written once and run by hostile.chromium.test.ts and
// hostile.firefox.test.ts. The page's own scripts attack from the main world, as any script on a
// listed site could, and each test asserts that the reader's private data (recorded claims, names
// the reader added) never reaches the page, and that only the reader's own input acts.
// docs/SECURITY.md lists the threats and which test covers each.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, until, waitForCard, waitForHighlight, waitForNoCard } from './browsers';
import { claimTexts, liveClaims, selectContents, waitForPrivateMark, waitForSession, type ClaimsDriver } from './claims-common';
import type { Harness, TestPage } from './harness';
import { highlights, hover, UI_HOST_SELECTOR } from './harness';
import { privateEchoTest, withPrivateEchoPages } from './private-echo-test';
import { Site } from './site';

const ONE = 'https://www.gov.uk/government/news/councils-and-gds-plan-a-shared-platform';
const TWO = 'https://www.gov.uk/government/news/another-story-on-the-same-site';
const PLAIN_HTTP = 'http://www.gov.uk/government/news/councils-and-gds-plan-a-shared-platform';
const NO_NAMES = 'https://www.gov.uk/government/news/library-opening-hours-to-change';
const NO_NAMES_QUOTE = 'Every branch library will open on Sunday afternoons from next spring.';
const QUOTE = 'Every council will be able to reuse a common booking service within two years.';
const WATCHWORD = 'Hostile Watchword';

/**
 * Runs in the page's main world before its own scripts: claims our old host element's tag with a
 * custom element that grabs any shadow root through attachInternals(), and logs every message.
 */
const ATTACKER = `
  window.__hostile = { internals: [], messages: [] };
  customElements.define('sound-familiar-ui', class extends HTMLElement {
    constructor() { super(); try { window.__hostile.internals.push(this.attachInternals()); } catch (e) {} }
  });
  addEventListener('message', (e) => window.__hostile.messages.push({ origin: e.origin, data: JSON.stringify(e.data) }));
`;

// ---- functions that run in the page (self-contained: serialised by the driver) ----

/** Everything the page can read out of shadow roots: grabbed through attachInternals, or open ones. */
function textInReachableRoots(): string[] {
  const w = window as unknown as { __hostile: { internals: ElementInternals[] } };
  const roots = w.__hostile.internals.map((i) => i.shadowRoot).filter((r): r is ShadowRoot => !!r);
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  return roots.map((r) => r.textContent ?? '');
}

/** Every range in the page's highlight registry, as text: what a page learns by enumerating it. */
function registryTexts(): string[] {
  const texts: string[] = [];
  for (const [, highlight] of CSS.highlights as unknown as Iterable<[string, Iterable<AbstractRange>]>) {
    for (const r of highlight) {
      const live = document.createRange();
      try {
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        texts.push(live.toString());
      } catch {
        // A range the page's own changes made stale.
      }
    }
  }
  return texts;
}

function messagesHeard(): { origin: string; data: string }[] {
  return (window as unknown as { __hostile: { messages: { origin: string; data: string }[] } }).__hostile.messages;
}

/** Dispatches synthetic pointer moves over the first public highlight with this text. */
async function syntheticHover(text: string): Promise<boolean> {
  for (const [, highlight] of CSS.highlights as unknown as Iterable<[string, Iterable<AbstractRange>]>) {
    for (const r of highlight) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      if (live.toString() !== text) continue;
      const box = live.getBoundingClientRect();
      const init = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, pointerType: 'mouse' };
      for (let i = 0; i < 6; i++) {
        const target = document.elementFromPoint(init.clientX, init.clientY) ?? document.body;
        target.dispatchEvent(new PointerEvent('pointermove', { ...init, clientX: init.clientX + (i % 2) }));
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      return true;
    }
  }
  return false;
}

/** Fades and shrinks our host the way a clickjacking page would; returns the style it then has. */
async function tamperWithHost(selector: string): Promise<string | null> {
  const host = document.querySelector(selector) as HTMLElement | null;
  if (!host) return null;
  host.style.setProperty('opacity', '0.01', 'important');
  host.setAttribute('data-decoy', 'yes');
  await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
  return `${host.getAttribute('style')}|${host.getAttribute('data-decoy')}`;
}

function fadeWholePage(on: boolean): void {
  let style = document.getElementById('decoy-fade');
  if (!on) {
    style?.remove();
    return;
  }
  style ??= Object.assign(document.createElement('style'), { id: 'decoy-fade' });
  style.textContent = 'html { opacity: 0.02 !important; }';
  document.head.append(style);
}

export function defineHostileTests(
  browserName: 'chromium' | 'firefox',
  launch: (site: Site) => Promise<{ h: Harness; d: ClaimsDriver; extensionOrigin: () => Promise<string> }>,
): void {
  describe(`${browserName}: a hostile page learns and changes nothing`, () => {
    const site = withPrivateEchoPages(new Site().fixture(ONE, 'hostile.html').fixture(TWO, 'hostile.html').fixture(PLAIN_HTTP, 'hostile.html')
      .fixture(NO_NAMES, 'hostile-plain.html'));
    let h: Harness;
    let d: ClaimsDriver;
    let extensionOrigin: () => Promise<string>;
    let page: TestPage;

    beforeAll(async () => {
      ({ h, d, extensionOrigin } = await launch(site));
      page = await h.open(ONE, { initScripts: [ATTACKER] });
      await waitForSession(page);
    });
    afterAll(async () => {
      await d?.close();
    });

    /** Records #quote as a claim through the record command (as Alt+Shift+R does), saving with Ctrl+Enter. */
    async function recordQuote(): Promise<void> {
      await page.bringToFront();
      await page.evaluate(selectContents, '#quote');
      expect(await h.callTab(page, 'page/record', { mode: 'claim' })).toEqual({ ok: true, value: true });
      await d.editorReady(page);
      await page.press('Control+Enter');
      await until(() => d.editorOpen(page), (open) => !open, 'the editor to close');
    }

    it('the editor talks to its opener without window.parent: the page hears no message and learns no extension origin', async () => {
      await recordQuote();
      expect((await liveClaims(d)).map((c) => c.target.selector[0].exact)).toEqual([QUOTE]);
      const heard = await page.evaluate(messagesHeard);
      expect(heard.filter((m) => /extension:/.test(m.origin) || m.data.includes('sound-familiar'))).toEqual([]);
      expect(JSON.stringify(heard)).not.toContain(await extensionOrigin());
    });

    it('a page that defines our old host tag first gets no shadow root, and no open root holds the card', async () => {
      await page.reload();
      await waitForSession(page);
      await waitForPrivateMark(page, 'claim', QUOTE);
      // The reader hovers a name, then the claim: both cards open, the second with the claim.
      await hover(page, await waitForHighlight(page, 'Government Digital Service'));
      await waitForCard(page, 'Government Digital Service');
      expect((await page.evaluate(textInReachableRoots)).filter((t) => t.includes('Government Digital Service'))).toEqual([]);
      await hover(page, await waitForPrivateMark(page, 'claim', QUOTE), 'start');
      await until(() => page.card(), (c) => !!c?.text.includes(QUOTE), 'the claim card');
      expect((await page.evaluate(textInReachableRoots)).filter((t) => t.includes(QUOTE))).toEqual([]);
      await page.press('Escape');
      await waitForNoCard(page);
    });

    it('synthetic pointer events open no card', async () => {
      await page.mouseMove(5, 5);
      expect(await page.evaluate(syntheticHover, 'Local Digital Coalition')).toBe(true);
      await sleep(500);
      expect(await page.card()).toBeNull();
      // The reader's own pointer still does.
      await hover(page, await waitForHighlight(page, 'Local Digital Coalition'));
      await waitForCard(page, 'Local Digital Coalition');
      await page.press('Escape');
      await waitForNoCard(page);
    });

    it("the page's highlight registry never holds a claim or a name the reader added", async () => {
      await d.call('entity/add-alias', { entityId: 'gds', alias: WATCHWORD });
      await page.reload();
      await waitForSession(page);
      // Both are shown to the reader, privately.
      await waitForPrivateMark(page, 'claim', QUOTE);
      await waitForPrivateMark(page, 'body', WATCHWORD);
      const texts = await page.evaluate(registryTexts);
      expect(texts).toContain('Government Digital Service');
      expect(texts.filter((t) => t.includes(QUOTE) || t.includes(WATCHWORD))).toEqual([]);
    });

    it("history.pushState to a page with a claim paints it privately, never where the page can read it", async () => {
      const other = await h.open(TWO, { initScripts: [ATTACKER] });
      await waitForSession(other);
      expect(await claimTexts(other)).toEqual([]);
      await other.evaluate((url) => history.pushState({}, '', url), ONE);
      await until(() => claimTexts(other), (t) => t.includes(QUOTE), 'the claim of the pushed URL, painted privately');
      expect((await other.evaluate(registryTexts)).filter((t) => t.includes(QUOTE))).toEqual([]);
      await other.close();
    });

    it('a selection made by script shows no record button; the reader\'s own key press does', async () => {
      await page.bringToFront();
      await page.mouseMove(5, 5);
      await page.evaluate(selectContents, '#quote');
      await sleep(800);
      expect(await page.uiBox('.record')).toBeNull();
      await page.press('Shift');
      await until(() => page.uiBox('.record'), (b) => b !== null, 'the record button after the reader\'s key press');
      await page.evaluate(() => getSelection()?.removeAllRanges());
    });

    it('the page cannot fade or mark our host, and a click on our faded UI does nothing', async () => {
      await page.bringToFront();
      expect(await page.evaluate(tamperWithHost, UI_HOST_SELECTOR)).not.toMatch(/opacity: 0\.01|yes$/);
      // A stylesheet that fades the whole document, ours included, with a decoy over it.
      await page.evaluate(fadeWholePage, true);
      await page.evaluate(selectContents, '#quote');
      await page.press('Shift');
      const button = await until(() => page.uiBox('.record'), (b) => b !== null, 'the record button');
      await sleep(500);
      await d.click(page, button!.left + button!.width / 2, button!.top + button!.height / 2);
      await sleep(600);
      expect(await d.editorOpen(page)).toBe(false);
      // Once the page stops, the same click works: the test above could fail.
      await page.evaluate(fadeWholePage, false);
      await page.evaluate(() => getSelection()?.removeAllRanges());
      await page.press('Shift');
      await until(() => page.uiBox('.record'), (b) => b === null, 'the old record button to go');
      await page.evaluate(selectContents, '#quote');
      await page.press('Shift');
      const again = await until(() => page.uiBox('.record'), (b) => b !== null, 'the record button');
      await sleep(500);
      await d.click(page, again!.left + again!.width / 2, again!.top + again!.height / 2);
      await d.editorReady(page);
      await page.press('Escape');
      await until(() => d.editorOpen(page), (open) => !open, 'the editor to close');
    });

    it("the claim card's Edit claim opens the editor (through the background, for this site's claims only)", async () => {
      await page.bringToFront();
      await page.reload();
      await waitForSession(page);
      await hover(page, await waitForPrivateMark(page, 'claim', QUOTE), 'start');
      const edit = await until(() => page.uiBox('button', 'Edit claim'), (b) => b !== null, 'the claim card');
      await d.click(page, edit!.left + edit!.width / 2, edit!.top + edit!.height / 2);
      await d.editorReady(page);
      await page.press('Escape');
      await until(() => d.editorOpen(page), (open) => !open, 'the editor to close');
    });

    it('a plain-http page of a listed site gets no content script (a network attacker could forge it)', async () => {
      const plain = await h.open(PLAIN_HTTP);
      await sleep(1500);
      expect(plain.url()).toMatch(/^http:/);
      expect((await highlights(plain)).registered).toEqual([]);
      expect(await plain.evaluate((s) => document.querySelector(s) === null, UI_HOST_SELECTOR)).toBe(true);
      await plain.close();
    });

    it.skipIf(browserName === 'firefox')('the page cannot frame the editor by its fixed address (Chromium serves it only from a dynamic one)', async () => {
      const origin = await extensionOrigin();
      await page.evaluate((src) => {
        const frame = Object.assign(document.createElement('iframe'), { src, id: 'probe-editor' });
        document.body.append(frame);
      }, `${origin}/editor.html#00000000-0000-4000-8000-000000000000`);
      await sleep(1500);
      const rendered = await page.evaluateInFrame('00000000-0000-4000-8000-000000000000', () => document.body?.innerText ?? '').catch(() => '');
      expect(rendered).not.toMatch(/draft|claim/i);
    });

    it('on a page that names nothing we know, our UI appears only after the reader\'s own input, claim or no claim', async () => {
      const plain = await h.open(NO_NAMES, { initScripts: [ATTACKER] });
      await plain.bringToFront();
      await sleep(1500); // no name to find, so nothing says the session is done: give it time
      await plain.evaluate(selectContents, '#plain-quote');
      expect(await h.callTab(plain, 'page/record', { mode: 'claim' })).toEqual({ ok: true, value: true });
      await d.editorReady(plain);
      await plain.press('Control+Enter');
      await until(() => d.editorOpen(plain), (open) => !open, 'the editor to close');
      await plain.reload();
      await sleep(1500);
      // The reader has a claim here, yet the page sees no host element until the reader moves.
      expect(await plain.evaluate((s) => document.querySelector(s) === null, UI_HOST_SELECTOR)).toBe(true);
      await plain.mouseMove(200, 200);
      await plain.mouseMove(202, 203);
      await until(() => claimTexts(plain), (t) => t.includes(NO_NAMES_QUOTE), 'the claim, drawn after the reader moved');
      await plain.close();
    });

    privateEchoTest(() => ({ h, d }));

    it('raised no page errors', () => {
      expect(page.errors).toEqual([]);
    });
  });
}
