// Registering a site's content script twice at once (the popup's "Turn on" and the grant it
// prompts): the second must find the first's registration, not fail with the browser's
// duplicate-id error, which Chromium gives while the first registration is still being committed.
import { describe, expect, it, vi } from 'vitest';

const registered = new Set<string>();
const committing = new Set<string>();
const registerCalls: string[] = [];
vi.mock('../../../src/platform/browser', () => ({
  default: {
    runtime: {
      getManifest: () => ({ content_scripts: [{ js: ['content.js'], run_at: 'document_idle', all_frames: true }] }),
      getURL: (path: string) => `chrome-extension://test/${path}`,
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => ids.filter((id) => registered.has(id)).map((id) => ({ id, css: [] })),
      // As Chromium: an id being registered is a duplicate at once, and listed only once committed.
      registerContentScripts: async ([script]: { id: string }[]) => {
        registerCalls.push(script!.id);
        if (registered.has(script!.id) || committing.has(script!.id)) throw new Error(`Duplicate script ID '${script!.id}'`);
        committing.add(script!.id);
        await new Promise((r) => setTimeout(r, 20));
        committing.delete(script!.id);
        registered.add(script!.id);
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id)),
    },
  },
}));

import { registerSiteScript, unregisterSiteScript } from '../../../src/platform/site-scripts';

describe('registerSiteScript', () => {
  it('registers once when asked twice at once, and neither call fails', async () => {
    await expect(Promise.all([registerSiteScript('https://www.example.org'), registerSiteScript('https://www.example.org')])).resolves.toBeDefined();
    expect([...registered]).toEqual(['sf-site-www.example.org']);
    expect(registerCalls).toEqual(['sf-site-www.example.org']);
  });

  it('applies a turn-off asked during a turn-on after it', async () => {
    await Promise.all([registerSiteScript('https://www.example.com'), unregisterSiteScript('https://www.example.com')]);
    expect(registered.has('sf-site-www.example.com')).toBe(false);
  });
});
