// "Your own sites" journeys, shared by the Chromium and Firefox test files: the page and what
// lights on it, and the background's own view of registrations and permissions.

import type { ClaimsDriver } from './claims-common';
import type { Harness } from './harness';
import type { PackServer } from './pack-server';

export const OWN_SITE = 'https://www.example.org';
export const OWN_PAGE = `${OWN_SITE}/news/digital-news-from-the-council`;
export const OWN_PATTERN = `${OWN_SITE}/*`;

/** What lights on own-site.html once the extension runs there. */
export const OWN_EXPECTED = { initiative: [], body: ['Local Government Association', 'Socitm'], person: ['Michael Gove'] };

/** The background's view: content scripts registered for the reader's sites, and whether the origin is granted. */
export function backgroundView(h: Harness): Promise<{ scripts: { id: string; matches: string[]; js: string[]; css?: string[]; runAt: string; allFrames: boolean }[]; granted: boolean }> {
  return h.evaluateInBackground(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const scripts = (await api.scripting.getRegisteredContentScripts()).map(({ id, matches, js, css, runAt, allFrames }) => ({ id, matches, js, ...(css?.length ? { css } : {}), runAt, allFrames }));
    return { scripts, granted: await api.permissions.contains({ origins: [${JSON.stringify(OWN_PATTERN)}] }) };
  })()`);
}

/** The registration the extension should make for OWN_SITE: the manifest's script, for that origin only. */
export const OWN_REGISTRATION = { id: 'sf-site-www.example.org', matches: [OWN_PATTERN], js: ['content.js'], runAt: 'document_idle', allFrames: true };

/**
 * One of our pages (popup.html, options.html) open in a tab, driven as a reader would: its text
 * read, its buttons pressed with real (trusted) clicks, so `permissions.request` sees a gesture.
 */
export interface ExtensionTab {
  text(): Promise<string>;
  /** Clicks the button whose text or accessible name is `label`; false if there is none. */
  click(label: string): Promise<boolean>;
  /** Types `text` into the field whose id is `id` (replacing what is there). */
  fill(id: string, text: string): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** Whether the page has closed itself (the popup does once it has reloaded the tab). */
  closed(): Promise<boolean>;
  close(): Promise<void>;
}

/** What each browser's test supplies: how to reach our pages, and what only the browser itself can do. */
export interface OwnSiteDriver {
  readonly h: Harness;
  /** The popup for `page`'s tab, opened as popup.html in a background tab (the page stays active). */
  popupFor(page: import('./harness').TestPage): Promise<ExtensionTab>;
  options(): Promise<ExtensionTab>;
  /**
   * Stands in for the reader's "Allow" in the permission prompt (headless browsers cannot show
   * it). Called before the popup opens, with what this browser needs to make the prompt pass.
   */
  allowNextPrompt(pattern: string): Promise<void>;
  /** Takes the permission away in the browser's own settings, as a reader can. */
  revokeInBrowser(pattern: string): Promise<void>;
  /** Drives the claim editor (for recording on the reader's own site). */
  claims(): Promise<ClaimsDriver>;
  /** Answers the extension's own requests (the background's pack fetches) from `server`. */
  servePacks(server: PackServer): Promise<void>;
}

/** Finds a button by text or aria-label in the page it runs in, and returns its centre (viewport px). */
export function buttonCentre(label: string): { x: number; y: number } | null {
  const b = [...document.querySelectorAll('button')].find((x) => (x.getAttribute('aria-label') ?? '') === label || (x.textContent ?? '').trim() === label);
  if (!b || b.disabled) return null;
  b.scrollIntoView({ block: 'center' });
  const r = b.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}
