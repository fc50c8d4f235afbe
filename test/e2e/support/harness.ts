// One shape for driving the extension in either browser, so a behaviour is written once and run
// in Chromium (playwright-core over CDP) and Firefox (puppeteer-core over WebDriver BiDi).

import type { Box, CardSnapshot, HighlightState, PrivateMark } from './probes';
import { readHighlights } from './probes';

export type BrowserName = 'chromium' | 'firefox';

export interface TestPage {
  readonly browserName: BrowserName;
  url(): string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Evaluates in the first child frame whose URL contains `urlPart`. */
  evaluateInFrame<R, A = undefined>(urlPart: string, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  mouseMove(x: number, y: number): Promise<void>;
  /** A real pointer click at viewport coordinates. */
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** Saves a screenshot under test-results/e2e and returns its path. */
  screenshot(name: string): Promise<string>;
  bringToFront(): Promise<void>;
  /** The card in the extension's closed shadow root, read through the driver's privileged channel. */
  card(): Promise<CardSnapshot | null>;
  /** The card in the first child frame whose URL contains `urlPart` (our UI in that frame's own document). */
  cardInFrame(urlPart: string): Promise<CardSnapshot | null>;
  /**
   * The private marks (claims, the reader's own names) drawn in our closed shadow root, read
   * through the driver's privileged channel, as JSON of PrivateMark[] boxes in viewport pixels.
   */
  privateMarks(): Promise<PrivateMark[]>;
  /** The box of the first element of our UI matching `selector` whose text contains `text` (privileged channel); null if none. */
  uiBox(selector: string, text?: string): Promise<Box | null>;
  /** Whether the browser's accessibility tree has a dialog with exactly this accessible name in our UI. */
  hasDialogNamed(name: string): Promise<boolean>;
  /** Uncaught exceptions (message + stack) seen on the page, in any world. */
  readonly errors: string[];
  /** Console messages as `type: text`. */
  readonly console: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  initScripts?: string[];
}

export interface Harness {
  readonly browserName: BrowserName;
  /**
   * A new tab showing `url` (served by the Site the harness was made with). `initScripts` run in
   * the page's main world before its own scripts, on this and every later navigation of the tab.
   */
  open(url: string, options?: OpenOptions): Promise<TestPage>;
  /** One of the extension's own pages (e.g. welcome.html) in a new active tab; its errors and console messages are reported as for any page. */
  openOwnPage(file: string): Promise<TestPage>;
  /** Makes `page` the active tab and calls its content script from the extension's background, as the popup does. */
  callTab<T>(page: TestPage, call: string, payload: object): Promise<{ ok: true; value: T } | { ok: false; error: string }>;
  /** Evaluates a script expression in the extension's background (service worker or event page). */
  evaluateInBackground<T>(expression: string): Promise<T>;
  /** The extension's keyboard commands as the browser registered them. */
  commands(): Promise<{ name: string; shortcut: string }[]>;
  close(): Promise<void>;
}

export function highlights(page: TestPage): Promise<HighlightState> {
  return page.evaluate(readHighlights);
}

/** Moves the pointer onto a box the way a hand would: two moves a few pixels apart. */
export async function hover(page: TestPage, box: Box, at: 'start' | 'middle' = 'middle'): Promise<void> {
  const x = at === 'start' ? box.left + Math.min(6, box.width / 3) : box.left + box.width / 2;
  const y = box.top + box.height / 2;
  await page.mouseMove(x - 2, y);
  await page.mouseMove(x, y);
}

export const VIEWPORT = { width: 1000, height: 700 };

/**
 * Finds our UI host the way any page script could: the extension's built-in host element is a
 * `div` appended to <html> with its fixed inline style. (Its closed shadow root is reached only
 * through the driver's privileged channel; see README.)
 */
export const UI_HOST_SELECTOR = ':root > div[style*="2147483647"]';

/** Turns echoes off or on for a host, as the popup's "Not on this site" and the options page do. */
export function setEchoesOnSiteFromBackground(h: Harness, host: string, on: boolean): Promise<unknown> {
  return h.evaluateInBackground(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const key = 'echoesOffHosts';
    const hosts = new Set((await api.storage.local.get(key))[key] ?? []);
    if (${on}) hosts.delete(${JSON.stringify(host)}); else hosts.add(${JSON.stringify(host)});
    await api.storage.local.set({ [key]: [...hosts] });
    return true;
  })()`);
}
