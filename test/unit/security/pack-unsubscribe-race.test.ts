// Security finding F9: a reader who unsubscribes while a refresh is still fetching must end with
// nothing of the pack installed; the refresh re-checks the subscription in the transaction that
// would install the update.
import 'fake-indexeddb/auto';
import { expect, it, vi } from 'vitest';

// Every host permission counts as granted, and the reader has no sites of their own.
vi.mock('../../../src/platform/browser', () => import('../helpers/browser-stub'));

import { openDb } from '../../../src/background/db';
import type { Fetcher } from '../../../src/background/packs/subscription-fetch';
import { refresh, subscribe, unsubscribe } from '../../../src/background/packs/subscriptions';
import { goodPack, packText } from '../../fixtures/packs/make-pack';

const URL_ = 'https://packs.example.org/test-pack.json';

it('an unsubscribe during a slow refresh leaves nothing behind (F9)', async () => {
  const db = openDb('pack-unsubscribe-race');
  let hold: Promise<void> | null = null;
  let release = (): void => undefined;
  let reached = (): void => undefined;
  let text = packText();
  const fetcher: Fetcher = async (url) => {
    if (url.endsWith('.sig')) return new Response('', { status: 404 });
    if (hold) {
      reached();
      await hold;
    }
    return new Response(text, { status: 200 });
  };
  let changes = 0;
  const deps = { fetcher, now: () => 1000, afterChange: async () => void changes++ };
  await subscribe(db, URL_, deps);
  const next = goodPack();
  next.meta.version = '1.1.0';
  text = packText(next);
  const fetching = new Promise<void>((resolve) => { reached = resolve; });
  hold = new Promise((resolve) => { release = resolve; });
  const refreshing = refresh(db, URL_, deps);
  await fetching;
  await unsubscribe(db, URL_, deps);
  const afterUnsubscribe = changes;
  release();
  await refreshing;
  expect(await db.packSubscriptions.count()).toBe(0);
  expect(await db.packs.count()).toBe(0);
  expect(await db.entities.where('origin').equals('pack').count()).toBe(0);
  // Nothing changed, so the tabs are not told to reload their dictionary.
  expect(changes).toBe(afterUnsubscribe);
  db.close();
  await db.delete();
});
