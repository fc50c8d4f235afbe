// Per-site on/off switch, kept in storage.local; the background tells every tab of a change at once.

import browser from './browser';

const KEY = 'disabledHosts';

export async function disabledHosts(): Promise<string[]> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return Array.isArray(stored) ? stored.filter((h): h is string => typeof h === 'string') : [];
}

export async function isSiteEnabled(host: string): Promise<boolean> {
  return !(await disabledHosts()).includes(host);
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  const hosts = new Set(await disabledHosts());
  if (enabled) hosts.delete(host);
  else hosts.add(host);
  await browser.storage.local.set({ [KEY]: [...hosts].sort() });
}

/**
 * Calls `onChange` with the new list whenever a site is switched on or off. The background relays
 * it to every tab (site-switches.ts): content scripts do not touch the storage API at all.
 */
export function watchDisabledHosts(onChange: (disabledHosts: string[]) => void): void {
  browser.storage.onChanged.addListener((changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    const next = changes[KEY]!.newValue;
    onChange(Array.isArray(next) ? next.filter((h): h is string => typeof h === 'string') : []);
  });
}
