// Security finding F10: the options page asks for a pack's origin only to subscribe to it, so a
// subscription that fails must give the origin back, unless one of the reader's sites or another
// pack's subscription still needs it (the same rule as unsubscribing).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => import('../helpers/browser-stub'));

import { openDb, type SoundFamiliarDb } from '../../../src/background/db';
import type { Fetcher } from '../../../src/background/packs/subscription-fetch';
import { subscribe } from '../../../src/background/packs/subscriptions';
import { packText } from '../../fixtures/packs/make-pack';
import { browserState } from '../helpers/browser-stub';

// The host patterns the reader has granted, and the origins of their own sites.
const granted = (browserState.granted = new Set<string>());
const { sites } = browserState;

const PATTERN = 'https://packs.example.org/*';
const GOOD = 'https://packs.example.org/good.json';
const BAD = 'https://packs.example.org/bad.json';
const fetcher: Fetcher = async (url) => {
  if (url.endsWith('.sig')) return new Response('', { status: 404 });
  return new Response(url === GOOD ? packText() : '{"format":1}', { status: 200 });
};
const deps = { fetcher, afterChange: async () => undefined };

let counter = 0;
let db: SoundFamiliarDb;
beforeEach(() => {
  db = openDb(`pack-subscribe-permission-${++counter}`);
  granted.clear();
  granted.add(PATTERN);
  sites.length = 0;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a failed subscription (F10)', () => {
  it('gives back the origin the options page asked for', async () => {
    await expect(subscribe(db, BAD, deps)).rejects.toThrow(/not valid/);
    expect(granted.has(PATTERN)).toBe(false);
  });

  it('keeps the origin when one of the reader\'s sites is on it', async () => {
    sites.push('packs.example.org');
    await expect(subscribe(db, BAD, deps)).rejects.toThrow();
    expect(granted.has(PATTERN)).toBe(true);
  });

  it('keeps the origin when another subscription fetches from it', async () => {
    await subscribe(db, GOOD, deps);
    await expect(subscribe(db, BAD, deps)).rejects.toThrow();
    expect(granted.has(PATTERN)).toBe(true);
  });
});
