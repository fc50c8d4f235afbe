// The message handlers for pack subscriptions, and the daily refresh. Extension pages only
// (SITE_PACK_CALL_SENDERS). After any change to a pack's entities the dictionary is recompiled
// and every tab told, through afterPackChange.

import { ensureRepeatingAlarm, onAlarm } from '../../platform/alarms';
import type { Handlers } from '../../platform/messaging';
import type { BackgroundCalls } from '../../shared/messages';
import type { SoundFamiliarDb } from '../db';
import type { DictionaryCache } from '../dictionary-cache';
import type { BackgroundEffects } from '../effects';
import { afterPackChange } from './pack-store';
import { packView, packViews } from './subscription-view';
import { refresh, refreshAll, subscribe, unsubscribe, type SubscriptionDeps } from './subscriptions';

type PackCalls = Pick<Handlers<BackgroundCalls>, 'packs/list' | 'packs/subscribe' | 'packs/refresh' | 'packs/unsubscribe'>;

const DAILY = 'sf-pack-refresh';

export function subscriptionDeps(dictionary: Pick<DictionaryCache, 'invalidate'>, effects: Pick<BackgroundEffects, 'refreshTabs'>): SubscriptionDeps {
  return { afterChange: () => afterPackChange(dictionary, effects) };
}

export function packHandlers(db: SoundFamiliarDb, ready: Promise<unknown>, deps: SubscriptionDeps): PackCalls {
  return {
    async 'packs/list'() {
      await ready;
      return packViews(db);
    },
    async 'packs/subscribe'({ url }) {
      await ready;
      await subscribe(db, url, deps);
      return packView(db, url);
    },
    async 'packs/refresh'({ url }) {
      await ready;
      await refresh(db, url, deps);
      return packView(db, url);
    },
    async 'packs/unsubscribe'({ url }) {
      await ready;
      await unsubscribe(db, url, deps);
      return null;
    },
  };
}

/** Registers the daily refresh; call synchronously at background start-up. */
export function scheduleDailyRefresh(db: SoundFamiliarDb, ready: Promise<unknown>, deps: SubscriptionDeps): void {
  onAlarm(DAILY, () => void ready.then(() => refreshAll(db, deps)).catch((error: unknown) => console.error('Sound Familiar: refreshing packs failed', error)));
  void ensureRepeatingAlarm(DAILY, 24 * 60);
}
