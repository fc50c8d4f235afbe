// The "Sound familiar?" switches: one for every site, and one per site, kept in storage.local.
// Echoes are on unless the reader turned them off; a page reads the switches once per session.

import browser from './browser';

const ALL_OFF = 'echoesOff';
const HOSTS_OFF = 'echoesOffHosts';

export interface EchoSwitches {
  everywhere: boolean;
  offHosts: string[];
}

export async function echoSwitches(): Promise<EchoSwitches> {
  const stored = await browser.storage.local.get([ALL_OFF, HOSTS_OFF]);
  const hosts = stored[HOSTS_OFF];
  return {
    everywhere: stored[ALL_OFF] !== true,
    offHosts: Array.isArray(hosts) ? hosts.filter((h): h is string => typeof h === 'string') : [],
  };
}

export async function echoesWanted(host: string): Promise<boolean> {
  const { everywhere, offHosts } = await echoSwitches();
  return everywhere && !offHosts.includes(host);
}

export async function setEchoesEverywhere(on: boolean): Promise<void> {
  await browser.storage.local.set({ [ALL_OFF]: !on });
}

export async function setEchoesOnSite(host: string, on: boolean): Promise<void> {
  const hosts = new Set((await echoSwitches()).offHosts);
  if (on) hosts.delete(host);
  else hosts.add(host);
  await browser.storage.local.set({ [HOSTS_OFF]: [...hosts].sort() });
}
