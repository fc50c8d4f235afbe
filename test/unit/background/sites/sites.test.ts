// The reader's own sites against a fake browser: turning on registers the manifest's script for
// exactly that origin once it is granted (and remembers the wish until then, once); turning off
// gives the permission back unless a pack needs it; at start-up a registration whose permission
// was withdrawn while we were not running is dropped; a built-in site cannot be added twice.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Script = { id: string; matches: string[]; js: string[]; css: string[]; runAt: string; allFrames: boolean; persistAcrossSessions: boolean };
const state = { granted: new Set<string>(), scripts: new Map<string, Script>(), session: {} as Record<string, unknown>, removed: [] as string[] };
const BASE = 'moz-extension://uuid/';

vi.mock('../../../../src/platform/browser', () => ({
  default: {
    runtime: {
      getURL: (p: string) => BASE + p,
      // Firefox's form: full addresses, which registration must turn back into paths.
      getManifest: () => ({ content_scripts: [{ matches: ['https://*.gov.uk/*'], js: [`${BASE}content.js`], run_at: 'document_idle', all_frames: true }] }),
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.has(o)),
      remove: async ({ origins }: { origins: string[] }) => {
        for (const o of origins) state.granted.delete(o);
        state.removed.push(...origins);
        return true;
      },
      onAdded: { addListener: () => undefined },
      onRemoved: { addListener: () => undefined },
    },
    scripting: {
      getRegisteredContentScripts: async (filter?: { ids?: string[] }) => [...state.scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      registerContentScripts: async (scripts: Script[]) => {
        for (const s of scripts) {
          if (state.scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          state.scripts.set(s.id, s);
        }
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => state.scripts.delete(id)),
    },
    storage: {
      session: {
        get: async (key: string) => ({ [key]: state.session[key] }),
        set: async (items: Record<string, unknown>) => void Object.assign(state.session, items),
      },
    },
  },
}));

import { reconcileSites } from '../../../../src/background/sites/permission-events';
import { listSites } from '../../../../src/background/sites/site-list';
import { turnOffSite } from '../../../../src/background/sites/turn-off';
import { turnOnSite } from '../../../../src/background/sites/turn-on';
import { takePendingOrigin } from '../../../../src/platform/pending-origins';

const SITE = 'https://www.example.org';
const PATTERN = `${SITE}/*`;

beforeEach(() => {
  state.granted.clear();
  state.scripts.clear();
  state.session = {};
  state.removed.length = 0;
});

describe('turning a site on', () => {
  it('registers the manifest\'s script (relative paths) for that origin only, once granted', async () => {
    state.granted.add(PATTERN);
    expect(await turnOnSite(SITE)).toEqual({ registered: true });
    expect(await turnOnSite(SITE)).toEqual({ registered: true }); // twice is once
    expect([...state.scripts.values()]).toEqual([
      { id: 'sf-site-www.example.org', matches: [PATTERN], js: ['content.js'], runAt: 'document_idle', allFrames: true, persistAcrossSessions: true },
    ]);
    expect(await listSites()).toEqual([{ origin: SITE, granted: true }]);
  });

  it('before the grant registers nothing and remembers the wish; a registration clears the wish', async () => {
    expect(await turnOnSite(SITE)).toEqual({ registered: false });
    expect(state.scripts.size).toBe(0);
    state.granted.add(PATTERN);
    await turnOnSite(SITE);
    // Nothing is left for a later grant of the same origin (a pack subscription) to act on.
    expect(await takePendingOrigin(SITE)).toBe(false);
  });

  it('refuses a site the built-in list already covers', async () => {
    state.granted.add('https://www.gov.uk/*');
    await expect(turnOnSite('https://www.gov.uk')).rejects.toThrow('already one of the built-in sites');
    expect(state.scripts.size).toBe(0);
  });
});

describe('turning a site off', () => {
  it('unregisters and gives the permission back', async () => {
    state.granted.add(PATTERN);
    await turnOnSite(SITE);
    await turnOffSite(SITE, async () => false);
    expect(state.scripts.size).toBe(0);
    expect(state.removed).toEqual([PATTERN]);
  });

  it('keeps the permission while a pack subscription fetches from that origin', async () => {
    state.granted.add(PATTERN);
    await turnOnSite(SITE);
    await turnOffSite(SITE, async (origin) => origin === SITE);
    expect(state.scripts.size).toBe(0);
    expect(state.removed).toEqual([]);
  });
});

describe('start-up', () => {
  it('drops a registration whose permission was withdrawn while we were not running, and keeps the rest', async () => {
    state.granted.add(PATTERN).add('https://news.example.net/*');
    await turnOnSite(SITE);
    await turnOnSite('https://news.example.net');
    state.granted.delete(PATTERN);
    expect(await reconcileSites()).toEqual([SITE]);
    expect(await listSites()).toEqual([{ origin: 'https://news.example.net', granted: true }]);
  });

  it('registers again a site an earlier version registered with highlights.css, now added only where a page names something', async () => {
    state.granted.add(PATTERN);
    const id = 'sf-site-www.example.org';
    state.scripts.set(id, { id, matches: [PATTERN], js: ['content.js'], css: ['highlights.css'], runAt: 'document_idle', allFrames: true, persistAcrossSessions: true });
    expect(await reconcileSites()).toEqual([]);
    expect(state.scripts.get(id)?.css ?? []).toEqual([]);
    expect(state.scripts.get(id)?.js).toEqual(['content.js']);
    expect(await listSites()).toEqual([{ origin: SITE, granted: true }]);
  });
});
