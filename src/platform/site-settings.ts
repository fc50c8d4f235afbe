// Per-site on/off switch, kept in storage.local; the background tells every tab of a change at once.

import browser from './browser';

const KEY = 'disabledHosts';

/**
 * The most sites the reader can switch off: a list kept in full and read at every page start, so
 * bounded like everything else a reader or a file can grow (IMPORT_LIMITS allows 100,000 claims).
 * Nobody switches off this many by hand; the cap is met only by a list written some other way.
 */
export const MAX_DISABLED_HOSTS = 100_000;

/** Refused where a site would be added past MAX_DISABLED_HOSTS: says what to do instead. */
export class TooManySitesOff extends Error {
  constructor() {
    super(`Sound Familiar is already off on ${MAX_DISABLED_HOSTS.toLocaleString('en-GB')} sites, the most it keeps. Switch it back on for a site you no longer need off, then try again.`);
  }
}

export async function disabledHosts(): Promise<string[]> {
  return hostList((await browser.storage.local.get(KEY))[KEY]);
}

export async function isSiteEnabled(host: string): Promise<boolean> {
  return !(await disabledHosts()).includes(host);
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  const hosts = new Set(await disabledHosts());
  if (enabled) hosts.delete(host);
  else if (!hosts.has(host) && hosts.size >= MAX_DISABLED_HOSTS) throw new TooManySitesOff();
  else hosts.add(host);
  await browser.storage.local.set({ [KEY]: [...hosts].sort() });
}

/**
 * Calls `onChange` with the new list and the one before whenever a site is switched on or off. The
 * background relays the difference to every tab (site-switches.ts): content scripts do not touch
 * the storage API at all.
 */
export function watchDisabledHosts(onChange: (disabledHosts: string[], before: string[]) => void): void {
  browser.storage.onChanged.addListener((changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    onChange(hostList(changes[KEY]!.newValue), hostList(changes[KEY]!.oldValue));
  });
}

function hostList(stored: unknown): string[] {
  return Array.isArray(stored) ? stored.filter((h): h is string => typeof h === 'string') : [];
}
