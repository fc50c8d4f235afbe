// The browsers a cross-browser test runs in, and small waits shared by the test files.

import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { Harness, TestPage } from './harness';
import { highlights } from './harness';
import type { Box, CardSnapshot } from './probes';
import { highlightBox } from './probes';
import type { Site } from './site';

export const BROWSERS: [string, (site: Site) => Promise<Harness>][] = [
  ['chromium', launchChromium],
  ['firefox', launchFirefox],
];

export interface PageMentions {
  enabled: boolean;
  host: string;
  mentions: { entityId: string; name: string; kind: string; count: number }[];
}

/**
 * Asks the page's content script what it found, as the popup does, retrying until a content
 * script is there to answer (it is injected at document_idle, which can be after the load event).
 * The content script answers once it has read the site switch and finished its first scan, so
 * this doubles as "wait until the page has been scanned" (popup.chromium.test.ts checks that
 * promise, which once did not hold).
 */
export async function pageMentions(h: Harness, page: TestPage): Promise<PageMentions> {
  const reply = await until(() => h.callTab<PageMentions>(page, 'page/mentions', {}), (r) => r.ok, 'the content script to answer page/mentions');
  if (!reply.ok) throw new Error(`page/mentions failed: ${reply.error}`);
  return reply.value;
}

/**
 * Polls `probe` until `accept` says yes and returns that value; on timeout, throws with the last
 * value seen. A probe that never answers (a driver call into a page that is going away) fails at
 * the deadline too, saying so, instead of hanging until the test's own timeout. (Usable in hooks
 * too, unlike expect.poll.)
 */
export async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeout = 10_000, interval = 50): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await answerBy(probe(), deadline + 5000, `${what}: the check itself did not answer within ${timeout + 5000} ms`);
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last saw ${JSON.stringify(value)?.slice(0, 500)}`);
    await sleep(interval);
  }
}

/** `work`, or a rejection with `message` if it has not settled by the time `deadline`. */
async function answerBy<T>(work: Promise<T>, deadline: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Per frame of `page`, by URL (give each frame its own): whether a part of the content script
 * loaded on need (the session's code, content-session.js, or the card code, content-ui.js) has
 * registered itself there (src/content/lazy/part-registry.ts). Read by the extension's own
 * scripting.executeScript, whose functions run in the content script's world.
 */
export async function codeByFrame(h: Harness, page: TestPage, part: 'session' | 'ui'): Promise<Record<string, boolean>> {
  await page.bringToFront();
  return h.evaluateInBackground(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    const results = await api.scripting.executeScript({
      target: { tabId: tab.id, allFrames: true },
      args: [${JSON.stringify(part)}],
      func: (part) => [location.href, globalThis[Symbol.for('sound-familiar/' + part)] !== undefined],
    });
    return Object.fromEntries(results.map((r) => r.result));
  })()`);
}

/** Waits until the page has a highlight whose text is `text`, and returns its box. */
export async function waitForHighlight(page: TestPage, text: string, nth = 0): Promise<Box> {
  const box = await until(() => page.evaluate(highlightBox, { text, nth }), (b) => b !== null, `a highlight "${text}"`, 15_000, 100);
  return box!;
}

/** Waits until the card shows the entity named `name` (by its title), and returns it. */
export async function waitForCard(page: TestPage, name: string): Promise<CardSnapshot> {
  const card = await until(() => page.card(), (c) => c?.title === name, `the card for "${name}"`);
  return card!;
}

export async function waitForNoCard(page: TestPage, timeout = 5000): Promise<void> {
  await until(() => page.card(), (c) => c === null, 'the card to close', timeout);
}

/** Total highlighted ranges of ours on the page. */
export async function highlightCount(page: TestPage): Promise<number> {
  return (await highlights(page)).total;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
