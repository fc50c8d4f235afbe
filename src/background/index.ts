// Background entry point (service worker in Chromium, event page in Firefox). Listeners are
// registered synchronously at start-up so an event that woke the worker is not missed.

import browser from '../platform/browser';
import { serve } from '../platform/messaging';
import { backgroundValidators } from '../shared/messages';
import { builtinEntities, type BuiltinEntity } from './builtin-kb';
import { listenForCommands } from './commands';
import { createContextMenus, listenForContextMenus } from './context-menu';
import { openDb } from './db';
import { DictionaryCache } from './dictionary-cache';
import { KeptDictionary } from './kept-dictionary';
import { allowBackgroundSender, backgroundHandlers } from './handlers';
import { seedOnce } from './seed-once';
import { relaySiteSwitches } from './site-switches';
import { listenForSitePermissions, reconcileSites } from './sites/permission-events';
import { scheduleDailyRefresh, subscriptionDeps } from './packs/subscription-handlers';
import { browserEffects } from './effects';
import { scheduleDailyTeamRefresh, teamDeps } from './team/team-handlers';

const db = openDb();
const session = browser.storage.session;
const extensionVersion = browser.runtime.getManifest().version;
// The shipped knowledge, read (parsed and checked) only when seeding or compiling needs it, once.
let builtins: readonly BuiltinEntity[] | undefined;
const readBuiltins = () => (builtins ??= builtinEntities());
const dictionary = new DictionaryCache(db, readBuiltins, new KeptDictionary(session, extensionVersion));

/** Seeds the shipped knowledge (once per run of this version, seed-once.ts; always if `force`). */
const seed = (force: boolean) => seedOnce(db, session, extensionVersion, readBuiltins, force)
  .then((report) => {
    if (report && (report.added || report.updated || report.removed)) dictionary.invalidate();
  })
  .catch((error: unknown) => {
    console.error('Sound Familiar: seeding the knowledge base failed', error);
  });
// At start-up, not only on install: a worker stopped mid-install would otherwise leave an empty
// database until the next update. Handlers wait for it.
const ready = seed(false);

serve(backgroundValidators, backgroundHandlers(db, dictionary, ready), allowBackgroundSender);
listenForCommands();
listenForContextMenus();
listenForSitePermissions();
relaySiteSwitches();
scheduleDailyRefresh(db, ready, subscriptionDeps(dictionary, browserEffects));
scheduleDailyTeamRefresh(db, ready, teamDeps(browserEffects));
// A site whose permission was revoked while we were not running loses its registration.
void reconcileSites()
  .then(async (dropped) => { if (dropped.length > 0) await createContextMenus(); })
  .catch((error: unknown) => console.error('Sound Familiar: checking your sites failed', error));

// A first install opens the welcome page: how it works, with a sample article to hover.
browser.runtime.onInstalled.addListener(({ reason }) => {
  void createContextMenus();
  // Where the browser keeps session storage over an update (Firefox), the version's record of
  // seeding and its kept dictionary may be the code before's: seed again and compile afresh.
  if (reason === 'install' || reason === 'update') {
    dictionary.invalidate();
    void seed(true);
  }
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
});
