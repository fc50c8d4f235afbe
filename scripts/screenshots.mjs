// `npm run screenshots`: renders the welcome page with a card open, and the popup over a page,
// in headless Chromium with the built extension, into docs/ for the README. Needs /usr/bin/chromium.

import { chromium } from 'playwright-core';

const dist = new URL('../dist/chrome', import.meta.url).pathname;
const context = await chromium.launchPersistentContext('', {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1100, height: 760 },
  deviceScaleFactor: 1,
  args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-sandbox', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  await context.route('**/*', (route) => (route.request().url().startsWith('chrome-extension://') ? route.continue() : route.abort()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/welcome.html`);
  await page.waitForFunction(() => (CSS.highlights.get('sound-familiar-initiative')?.size ?? 0) > 2);
  const point = await page.evaluate(() => {
    const range = [.../** @type {Iterable<any>} */ (CSS.highlights.get('sound-familiar-initiative'))].find((r) => r.startContainer.data.slice(r.startOffset).startsWith('Local Digital Coalition'));
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const box = /** @type {DOMRect} */ (live.getClientRects()[0]);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y);
  await page.waitForTimeout(700);
  await page.screenshot({ path: 'docs/card.png' });
  console.log('wrote docs/card.png');

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 340, height: 460 });
  // The popup asks the active tab; with its own tab active it shows the "doesn't run here" state,
  // so this one documents the popup's look on a page it cannot read.
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.waitForTimeout(400);
  await popup.screenshot({ path: 'docs/popup-unsupported.png' });
  console.log('wrote docs/popup-unsupported.png');
} finally {
  await context.close();
}
