// The popup's side of "your own sites": which origin the active tab could be turned on for, and
// the two actions. The tab's address is readable here because the reader opened the popup on it
// (activeTab); the permission prompt must start inside the reader's click.

import browser from '../../platform/browser';
import { requestOrigin } from '../../platform/host-permissions';
import { listedSitePatterns } from '../../platform/site-scripts';
import { coveredByPatterns, siteOrigin } from '../../shared/site-origin';
import { background } from '../shared/background';

/** The tab's https origin if it is not a built-in site, and whether it is on already; null otherwise. */
export async function ownSiteOf(url: string | undefined): Promise<{ origin: string; registered: boolean } | null> {
  const origin = siteOrigin(url);
  if (!origin || coveredByPatterns(`${origin}/`, listedSitePatterns())) return null;
  const sites = await background('sites/list', {});
  return { origin, registered: sites.some((s) => s.origin === origin) };
}

/**
 * Call straight from the click handler. The background hears the wish first (in Firefox the
 * prompt closes the popup, and the background then finishes on the grant); then the prompt.
 * Resolves true once the content script is registered for the origin.
 */
export function turnOn(origin: string): Promise<boolean> {
  const told = background('sites/turn-on', { origin });
  const asked = requestOrigin(origin);
  return Promise.all([told, asked]).then(async ([, granted]) => granted && (await background('sites/turn-on', { origin })).registered);
}

export async function turnOff(origin: string): Promise<void> {
  await background('sites/turn-off', { origin });
}

export async function reloadTab(tabId: number): Promise<void> {
  await browser.tabs.reload(tabId);
}
