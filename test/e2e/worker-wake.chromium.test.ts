// Chromium stops an idle extension service worker after 30 s; the first page after a pause wakes
// it. The woken worker serves the dictionary the last one kept in session storage (src/background/
// kept-dictionary.ts) instead of compiling it again, and never one that a change has made stale.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until, waitForHighlight } from './support/browsers';
import { launchChromium, type ChromiumHarness } from './support/chromium';
import { ChromiumClaims } from './support/claims-chromium';
import { waitForPrivateMark, waitForSession } from './support/claims-common';
import type { TestPage } from './support/harness';
import { Site } from './support/site';

declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };

const STORY = 'https://www.gov.uk/government/news/sector-works-together-to-drive-local-digital-ambition';

describe('chromium: a stopped service worker, woken by a page', () => {
  const site = new Site().fixture(STORY, 'govuk-card.html');
  let h: ChromiumHarness;
  let d: ChromiumClaims;

  beforeAll(async () => {
    h = await launchChromium(site);
    d = new ChromiumClaims(h);
  });
  afterAll(async () => {
    await d?.close();
  });

  /** Stops the extension's service worker, as Chromium does when it has been idle. */
  async function stopWorker(page: TestPage): Promise<void> {
    const raw = h.raw(page);
    const cdp = await raw.context().newCDPSession(raw);
    const workers = async () => (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker').map((t) => t.targetId);
    const running = await workers();
    for (const targetId of running) await cdp.send('Target.closeTarget', { targetId });
    // Anything may start it again at once (a page asking): a stop is the old one gone.
    await until(workers, (now) => !now.some((id) => running.includes(id)), 'the service worker to stop');
    await cdp.detach();
  }

  /** What the worker keeps in session storage, read from one of our own pages. */
  async function keptBy(): Promise<unknown> {
    const own = await d.openExtensionPage('popup.html');
    const kept = await own.evaluate(async () => (await chrome.storage.session.get('compiledDictionary')).compiledDictionary);
    await own.close();
    return kept;
  }

  it('highlights from the dictionary it kept, and after a change from the changed one', async () => {
    const page = await h.open(STORY);
    await waitForHighlight(page, 'Local Digital Alliance');
    expect(await keptBy()).toMatchObject({ compiledBy: expect.any(String), dictionary: { version: expect.any(String) } });

    await stopWorker(page);
    await page.reload();
    await waitForHighlight(page, 'Local Digital Alliance');

    // The reader adds a name; the worker is stopped before the page asks again.
    await d.call('entity/add-alias', { entityId: 'gds', alias: 'channel use' });
    await stopWorker(page);
    await page.bringToFront();
    await page.reload();
    await waitForSession(page);
    await waitForPrivateMark(page, 'body', 'channel use');
    expect(page.errors).toEqual([]);
  });
});
