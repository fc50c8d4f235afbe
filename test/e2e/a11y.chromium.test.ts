// Accessibility checks (issue 15): axe-core's WCAG 2.x A and AA rules on every page a reader sees
// — the popup, the options page, the claims list, the claim editor — and on the card. Chromium
// only: Playwright drives extension pages there (Firefox's cannot be driven over WebDriver BiDi).
//
// The card lives in a closed shadow root that axe cannot enter, so its markup and its own style
// sheet are read through the driver's privileged channel and rendered into an open shadow root of
// a blank page: the same elements, roles, names and colours, checked where axe can see them.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until, waitForCard, waitForHighlight, waitForNoCard } from './support/browsers';
import { launchChromium, withUiRoot, type ChromiumHarness } from './support/chromium';
import { ChromiumClaims } from './support/claims-chromium';
import { selectContents } from './support/claims-common';
import type { TestPage } from './support/harness';
import { hover } from './support/harness';
import { stepToNextCard } from './support/keyboard-command';
import { highlightBox } from './support/probes';
import { Site } from './support/site';

const PAGE = 'https://www.gov.uk/government/publications/digital-services-how-we-work';
const ECHO = 'https://www.gov.uk/government/news/new-partnership-to-bring-digital-public-services-to-every-council';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation { id: string; impact: string | null; targets: string[] }

/** Runs axe in a page or frame (injected through the driver, so the extension's CSP does not apply). */
async function axeViolations(target: Page | Frame, context = 'document'): Promise<Violation[]> {
  await target.evaluate(AXE_SOURCE);
  return target.evaluate(async ({ tags, context }) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(context === 'document' ? document : document.querySelector(context), { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, { tags: TAGS, context });
}

describe('chromium: accessibility (axe-core, WCAG 2.x A and AA)', () => {
  const site = new Site().fixture(PAGE, 'govuk-keyboard.html').fixture(ECHO, 'echo-article.html');
  let h: ChromiumHarness;
  let d: ChromiumClaims;
  let page: TestPage;

  beforeAll(async () => {
    h = await launchChromium(site);
    d = new ChromiumClaims(h);
    page = await h.open(PAGE);
    await waitForHighlight(page, 'Government Digital Service');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The open card's markup and style sheet, rendered where axe can see them (see the top of the file). */
  async function cardViolations(on: TestPage): Promise<Violation[]> {
    const raw = h.raw(on);
    const markup = await withUiRoot(() => raw.context().newCDPSession(raw), async (s, rootId) => {
      const { result } = await s.send('Runtime.callFunctionOn', { objectId: rootId, functionDeclaration: 'function () { return this.innerHTML; }', returnByValue: true });
      return result.value as string;
    });
    expect(markup).toContain('role="dialog"');
    const blank = await h.context.newPage();
    await blank.setContent('<!DOCTYPE html><html lang="en"><head><title>Card</title></head><body><main><div id="host"></div></main></body></html>');
    await blank.evaluate((html) => { document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = html; }, markup!);
    const found: Violation[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await blank.emulateMedia({ colorScheme });
      found.push(...(await axeViolations(blank)).map((v) => ({ ...v, id: `${v.id} (${colorScheme})` })));
    }
    await blank.close();
    return found;
  }

  it('the card', async () => {
    const box = await page.evaluate(highlightBox, { text: 'Government Digital Service' });
    await hover(page, box!);
    await waitForCard(page, 'Government Digital Service');
    expect(await cardViolations(page)).toEqual([]);
    await page.press('Escape');
    await waitForNoCard(page);
    await page.mouseMove(5, 5);
  });

  it('the "Sound familiar?" card', async () => {
    const echo = await h.open(ECHO);
    await until(() => h.callTab<number>(echo, 'page/echoes', {}), (r) => r.ok && r.value > 0, 'an echo on the page');
    await stepToNextCard(h, echo, 1);
    for (let i = 0; i < 12 && !(await echo.card())?.title?.startsWith('Promised before'); i++) await stepToNextCard(h, echo, 1);
    expect((await echo.card())?.title).toMatch(/^Promised before/);
    expect(await cardViolations(echo)).toEqual([]);
    await echo.close();
  });

  it('the claim editor', async () => {
    await page.bringToFront();
    await page.evaluate(selectContents, '#far');
    expect(await h.callTab(page, 'page/record', { mode: 'claim' })).toEqual({ ok: true, value: true });
    const frame = await d.editorFrame(page);
    expect(await axeViolations(frame)).toEqual([]);
    await page.press('Control+Enter');
    await until(() => d.editorOpen(page), (open) => !open, 'the editor to close');
  });

  it.each(['popup.html', 'options.html', 'claims.html'].flatMap((file) => [[file, 'light'], [file, 'dark']] as const))('%s, %s colour scheme', async (file, scheme) => {
    const extensionPage = await d.openExtensionPage(file);
    await extensionPage.emulateMedia({ colorScheme: scheme });
    await extensionPage.waitForTimeout(500); // let Preact render what it loads
    expect(await axeViolations(extensionPage)).toEqual([]);
    await extensionPage.close();
  });
});
