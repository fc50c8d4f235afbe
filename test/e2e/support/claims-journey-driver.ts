// The one shape the claims journeys (claims-journey*.ts) drive both browsers through: the claim
// editor framed in a page (read by expression, driven by the real keyboard), the paths the
// extension's keyboard command and right-click item take, and our own pages (claims list,
// options, popup) as tabs that take real keys and clicks. Chromium's side is
// claims-journey-chromium.ts, Firefox's claims-journey-firefox.ts.

import type { ClaimsDriver } from './claims-common';
import type { Harness, TestPage } from './harness';

/** One of our pages open in a tab of its own. */
export interface ExtensionTab {
  /** Evaluates `expression` (may return a promise) in the page; the value comes back as JSON. */
  evaluate<T>(expression: string): Promise<T>;
  /** Makes this the active tab, so keys go to it as they would for a reader. */
  bringToFront(): Promise<void>;
  /** A real key press ("Tab", "Shift+Tab", "Enter", " ", "Escape") in this tab. */
  press(key: string): Promise<void>;
  /** Types with the real keyboard into whatever has focus. */
  type(text: string): Promise<void>;
  /** A real pointer click at viewport coordinates. */
  click(x: number, y: number): Promise<void>;
  /**
   * Presses Space on the focused <input type=file> (its own activation: no script clicks it) and
   * answers the file chooser that opens with `file`, as the browser's dialog would. Throws if the
   * key did not open the chooser.
   */
  chooseFileWithSpace(file: string): Promise<void>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface JourneyDriver extends ClaimsDriver {
  readonly h: Harness;
  /** Evaluates `expression` in the claim editor framed in `page` (read only: it is driven by keys). */
  editor<T>(page: TestPage, expression: string): Promise<T>;
  /** What has focus in the editor: an id, a radio's name=value, else an accessible label. */
  focused(page: TestPage): Promise<string>;
  /** Presses Tab (or `key`) until focus in the editor is on `id`; returns the path focus took. */
  tabTo(page: TestPage, id: string, max?: number, key?: string): Promise<string[]>;
  /** The "Record claim" command (Alt+Shift+R), as far as each browser lets a test fire it. */
  recordCommand(page: TestPage): Promise<void>;
  /** The right-click item "Add … to Sound Familiar" on the selection. */
  addNameCommand(page: TestPage): Promise<void>;
  /** The next/previous-mention command (Alt+Shift+Period / Comma). */
  stepCommand(page: TestPage, direction: 1 | -1): Promise<void>;
  /** Opens claims.html, options.html, or popup.html (for `page`, which stays the active tab). */
  openTab(file: 'claims.html' | 'options.html' | 'popup.html', forPage?: TestPage): Promise<ExtensionTab>;
  /** The browser's Back button. */
  back(page: TestPage): Promise<void>;
}

/** What has focus in a document: an id, a radio's name=value, else an accessible label or text. Runs as an expression. */
export const FOCUSED = `(() => {
  const a = document.activeElement;
  if (!a || a === document.body) return a ? 'BODY' : '';
  if (a instanceof HTMLInputElement && a.type === 'radio') return a.name + '=' + a.value;
  if (a instanceof HTMLInputElement && a.type === 'file') return 'file:' + (a.closest('label')?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  return a.id || a.getAttribute('aria-label') || (a.textContent || '').replace(/\\s+/g, ' ').trim() || a.tagName;
})()`;

/** The centre of the first element matching `selector` whose text (or aria-label) is `text`, scrolled into view; an expression. */
export function centreOf(selector: string, text?: string): string {
  return `(() => {
    const clean = (s) => (s ?? '').replace(/\\s+/g, ' ').trim();
    const el = [...document.querySelectorAll(${JSON.stringify(selector)})]
      .find((x) => ${text === undefined ? 'true' : `clean(x.getAttribute('aria-label')) === ${JSON.stringify(text)} || clean(x.textContent) === ${JSON.stringify(text)}`});
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  })()`;
}

/** Clicks (a real pointer click) the element `centreOf` finds; throws if there is none. */
export async function clickOn(tab: ExtensionTab, selector: string, text?: string): Promise<void> {
  const at = await tab.evaluate<{ x: number; y: number } | null>(centreOf(selector, text));
  if (!at) throw new Error(`nothing to click: ${selector} ${text ?? ''}`);
  await tab.click(at.x, at.y);
}

/** Presses `key` (Tab by default) in `tab` until what has focus is `target`; returns the path. */
export async function tabUntil(tab: ExtensionTab, target: string | RegExp, max = 40, key = 'Tab'): Promise<string[]> {
  const hit = (s: string) => (typeof target === 'string' ? s === target : target.test(s));
  const path = [await tab.evaluate<string>(FOCUSED)];
  while (!hit(path[path.length - 1]!) && path.length <= max) {
    await tab.press(key);
    path.push(await tab.evaluate<string>(FOCUSED));
  }
  if (!hit(path[path.length - 1]!)) throw new Error(`${key} never reached ${String(target)}; went ${JSON.stringify(path)}`);
  return path;
}
