// The content script, registered at run time for one of the reader's own sites, with the same
// files and timing as the manifest's entry for the built-in sites (no stylesheet: a frame gets the
// highlight styles only once it has something to highlight, 'page/styles'). Registrations persist
// across browser restarts; each is named after its origin, so the list of them is the list of sites.

import browser from './browser';
import { originPattern, patternOrigin } from '../shared/site-origin';

const PREFIX = 'sf-site-';

/**
 * Changes to one origin's registration, one after another. The popup's "Turn on" and the grant
 * it prompts both register: at once, each found none, and the loser's duplicate-id error could
 * come before the winner's registration was listed, so the reader saw "Duplicate script ID".
 */
const changes = new Map<string, Promise<unknown>>();
function oneAtATime<T>(id: string, change: () => Promise<T>): Promise<T> {
  const next = (changes.get(id) ?? Promise.resolve()).catch(() => undefined).then(change);
  changes.set(id, next);
  void next.catch(() => undefined).finally(() => {
    if (changes.get(id) === next) changes.delete(id);
  });
  return next;
}

/** The manifest's content script: what every registration copies. */
function manifestScript() {
  const entry = browser.runtime.getManifest().content_scripts?.[0];
  if (!entry?.js) throw new Error('the manifest declares no content script');
  // Firefox's getManifest() gives full moz-extension:// addresses, which registration refuses.
  const base = browser.runtime.getURL('');
  const relative = (files: string[]) => files.map((f) => (f.startsWith(base) ? f.slice(base.length) : f));
  return { js: relative(entry.js), runAt: entry.run_at ?? 'document_idle', allFrames: entry.all_frames ?? false };
}

/** Origins that have our content script registered for them. */
export async function registeredSiteOrigins(): Promise<string[]> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  const origins = scripts
    .filter((s) => s.id.startsWith(PREFIX) && s.matches?.length === 1)
    .map((s) => patternOrigin(s.matches![0]!))
    .filter((o): o is string => o !== null);
  return [...new Set(origins)].sort();
}

/** Registers the content script for `origin`; nothing happens if it is already registered. */
export function registerSiteScript(origin: string): Promise<void> {
  const id = PREFIX + origin.slice('https://'.length);
  return oneAtATime(id, () => register(id, origin));
}

async function register(id: string, origin: string): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) return;
  try {
    await browser.scripting.registerContentScripts([{ id, matches: [originPattern(origin)], persistAcrossSessions: true, ...manifestScript() }]);
  } catch (error) {
    // Two requests raced (the popup's and the grant's): the other one registered it.
    if ((await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length === 0) throw error;
  }
}

/**
 * Registers `origin`'s script again if an earlier version registered it otherwise (before 131fbd1
 * every registration carried highlights.css, which made each restyle of a page naming nothing
 * dearer). Registrations persist across updates, so this runs at start-up.
 */
export function refreshSiteScript(origin: string): Promise<void> {
  const id = PREFIX + origin.slice('https://'.length);
  return oneAtATime(id, async () => {
    const [existing] = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
    if (!existing) return;
    // Only the stylesheet is compared: Firefox reports script files as full addresses, so comparing
    // them would register every site again at every start.
    if ((existing.css ?? []).length === 0) return;
    await browser.scripting.unregisterContentScripts({ ids: [id] });
    await register(id, origin);
  });
}

export function unregisterSiteScript(origin: string): Promise<void> {
  const id = PREFIX + origin.slice('https://'.length);
  return oneAtATime(id, async () => {
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
  });
}

/** The manifest's own site patterns (the built-in list), for "is this site already covered?". */
export function listedSitePatterns(): string[] {
  return browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
}
