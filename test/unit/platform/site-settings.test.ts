// The sites switched off (site-settings.ts): kept sorted, without repeats, and capped where a site is
// added, with a message that says what to do; switching a site back on always works.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const store = vi.hoisted(() => ({ values: {} as Record<string, unknown> }));
vi.mock('../../../src/platform/browser', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string) => (key in store.values ? { [key]: store.values[key] } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(store.values, items),
      },
    },
  },
}));

import { disabledHosts, isSiteEnabled, MAX_DISABLED_HOSTS, setSiteEnabled, TooManySitesOff } from '../../../src/platform/site-settings';

beforeEach(() => (store.values = {}));

describe('site switches', () => {
  it('keeps the sites switched off sorted and once each', async () => {
    await setSiteEnabled('www.gov.uk', false);
    await setSiteEnabled('www.bbc.co.uk', false);
    await setSiteEnabled('www.gov.uk', false);
    expect(await disabledHosts()).toEqual(['www.bbc.co.uk', 'www.gov.uk']);
    expect(await isSiteEnabled('www.gov.uk')).toBe(false);
    await setSiteEnabled('www.gov.uk', true);
    expect(await isSiteEnabled('www.gov.uk')).toBe(true);
  });

  it('refuses one site more than the cap, saying so and changing nothing; a site already off, or switched on, still works', async () => {
    const full = Array.from({ length: MAX_DISABLED_HOSTS }, (_, i) => `site-${String(i).padStart(6, '0')}.example.org`);
    store.values.disabledHosts = full;
    await expect(setSiteEnabled('www.gov.uk', false)).rejects.toThrow(TooManySitesOff);
    await expect(setSiteEnabled('www.gov.uk', false)).rejects.toThrow(/already off on 100,000 sites.*Switch it back on for a site/);
    expect(store.values.disabledHosts).toBe(full);
    await setSiteEnabled(full[5]!, false);
    expect(await disabledHosts()).toHaveLength(MAX_DISABLED_HOSTS);
    await setSiteEnabled(full[5]!, true);
    await setSiteEnabled('www.gov.uk', false);
    expect(await isSiteEnabled('www.gov.uk')).toBe(false);
    expect(await disabledHosts()).toHaveLength(MAX_DISABLED_HOSTS);
  });
});
