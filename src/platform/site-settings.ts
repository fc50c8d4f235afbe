// Per-site on/off switch, kept in storage.local so every tab of a site hears a change at once.

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

/** Calls `onChange` with the new state whenever this host is switched on or off. */
export function watchSiteEnabled(host: string, onChange: (enabled: boolean) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    const next = changes[KEY]!.newValue;
    onChange(!(Array.isArray(next) && next.includes(host)));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
