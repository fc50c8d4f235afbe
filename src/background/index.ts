// Background entry point (service worker in Chromium, event page in Firefox). Listeners are
// registered synchronously at start-up so an event that woke the worker is not missed.

import browser from '../platform/browser';
import { serve } from '../platform/messaging';
import { backgroundValidators } from '../shared/messages';
import { builtinEntities } from './builtin-kb';
import { listenForCommands } from './commands';
import { createContextMenus, listenForContextMenus } from './context-menu';
import { openDb } from './db';
import { DictionaryCache } from './dictionary-cache';
import { KeptDictionary } from './kept-dictionary';
import { allowBackgroundSender, backgroundHandlers } from './handlers';
import { seedBuiltins } from './seed';
import { relaySiteSwitches } from './site-switches';
import { listenForSitePermissions, reconcileSites } from './sites/permission-events';
import { scheduleDailyRefresh, subscriptionDeps } from './packs/subscription-handlers';
import { browserEffects } from './effects';
import { scheduleDailyTeamRefresh, teamDeps } from './team/team-handlers';

const db = openDb();
// Read once per wake of the worker: seeding and the dictionary both need it.
const builtins = builtinEntities();
const dictionary = new DictionaryCache(db, builtins, new KeptDictionary(browser.storage.session, browser.runtime.getManifest().version));

// worker killed mid-install would otherwise leave an empty database until the next update.
const ready = seedBuiltins(db, builtins)
  .then((report) => {
    if (report.added || report.updated || report.removed) dictionary.invalidate();
    return report;
  })
  .catch((error: unknown) => {
    console.error('Sound Familiar: seeding the knowledge base failed', error);
  });

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
  // A dictionary kept by the code before (where the browser keeps session storage over an update).
  if (reason === 'install' || reason === 'update') dictionary.invalidate();
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
});
