// Content-script entry point. Does nothing visible until it knows the site is on and the page
// has text worth scanning; answers the popup either way. Everything it starts can be torn down.

import { callBackground, isExtensionPage, serve } from '../platform/messaging';
import { isSiteEnabled, watchSiteEnabled } from '../platform/site-settings';
import { contentValidators, type BackgroundCalls, type ContentCalls } from '../shared/messages';
import { highlightsSupported } from './highlight/highlighter';
import { loadDictionary, type LoadedDictionary } from './scan/loaded-dictionary';
import { PageSession } from './page-session';

const host = location.hostname;
const lifetime = new AbortController();
let session: PageSession | null = null;
let enabled = false;
let dictionary: Promise<LoadedDictionary> | null = null;

function getDictionary(): Promise<LoadedDictionary> {
  dictionary ??= callBackground<BackgroundCalls, 'dictionary/get'>('dictionary/get', { have: null }).then((packed) => {
    if (!packed) throw new Error('no dictionary');
    return loadDictionary(packed);
  });
  dictionary.catch(() => (dictionary = null));
  return dictionary;
}

async function start(): Promise<void> {
  if (session || !enabled || !highlightsSupported()) return;
  const loaded = await getDictionary();
  if (session || !enabled) return;
  session = new PageSession({
    dictionary: loaded,
    loadEntity: (id) => callBackground<BackgroundCalls, 'entity/get'>('entity/get', { id }),
  });
}

function stop(): void {
  session?.destroy();
  session = null;
}

serve<ContentCalls>(contentValidators, {
  'page/mentions': async () => {
    await session?.firstScan;
    return { enabled, host, mentions: session?.summary() ?? [] };
  },
  'page/reveal': ({ entityId }) => session?.reveal(entityId) ?? false,
  'page/step': ({ direction }) => session?.step(direction) ?? false,
}, isExtensionPage, lifetime.signal);

watchSiteEnabled(host, (on) => {
  enabled = on;
  if (on) void start().catch(report);
  else stop();
}, lifetime.signal);

void isSiteEnabled(host).then((on) => {
  enabled = on;
  // Start once the page is idle: the reader's page comes first.
  const begin = () => void start().catch(report);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(begin, { timeout: 1000 });
  else setTimeout(begin, 0);
});

function report(error: unknown): void {
  // The page's console is the only place a content script can speak; keep it to one line.
  console.debug('Sound Familiar:', error instanceof Error ? error.message : error);
}
