// One stand-in for src/platform/browser (the extension API) for unit tests of background and
// platform code, which run outside any extension. A test file substitutes it with
//   vi.mock('../../../src/platform/browser', () => import('../helpers/browser-stub'));
// (the factory is hoisted above the imports; importing the stub inside it is the documented way)
// and sets what the browser would know through `browserState`. It answers only the calls the
// site, pack and messaging code makes.
import { vi } from 'vitest';

export const EXTENSION_ID = 'sound-familiar-test';
/** Our pages' origin, as runtime.getURL('') gives it. */
export const EXTENSION_BASE = `chrome-extension://${EXTENSION_ID}/`;

type MessageListener = (message: unknown, sender: unknown) => unknown;

/** What the stubbed browser knows. Each test file gets its own copy (vitest isolates files). */
export const browserState = {
  /** Host patterns the reader has granted; null: every pattern counts as granted. */
  granted: null as Set<string> | null,
  /** Origins of the reader's own sites, each with our content script registered. */
  sites: [] as string[],
  /** Listeners added to runtime.onMessage, in order. */
  messageListeners: [] as MessageListener[],
};

const browser = {
  runtime: {
    id: EXTENSION_ID,
    getURL: (path: string) => `${EXTENSION_BASE}${path}`,
    getManifest: () => ({ content_scripts: [] }),
    onMessage: { addListener: (l: MessageListener) => void browserState.messageListeners.push(l), removeListener: vi.fn() },
  },
  permissions: {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => browserState.granted?.has(o) ?? true),
    remove: async ({ origins }: { origins: string[] }) => {
      for (const o of origins) browserState.granted?.delete(o);
      return true;
    },
  },
  scripting: {
    getRegisteredContentScripts: async () => browserState.sites.map((o) => ({ id: `sf-site-${o}`, matches: [`https://${o}/*`] })),
  },
  tabs: { create: async () => ({ id: 1 }), query: async () => [], sendMessage: async () => undefined },
};

export default browser;
