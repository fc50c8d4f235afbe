// Security review of team sharing: the optional host permission for a team file's origin. It is
// shared with packs (and the reader's sites) at the same origin: unsubscribing a pack keeps it
// while a team is followed from there, and a failed team subscription keeps it while a pack needs
// it, but gives it back when nothing does. A refresh that was in flight when the reader
// unsubscribed and subscribed again never stores the old copy into the new subscription.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const removed: string[][] = [];
vi.mock('../../../src/platform/browser', () => ({
  default: {
    runtime: { getURL: (p: string) => `chrome-extension://test/${p}`, getManifest: () => ({ content_scripts: [] }) },
    permissions: {
      contains: async () => true,
      remove: async ({ origins }: { origins: string[] }) => (removed.push(origins), true),
    },
    scripting: { getRegisteredContentScripts: async () => [] },
  },
}));

import type { Fetcher } from '../../../src/background/packs/subscription-fetch';
import { packsNeedOrigin, unsubscribe as unsubscribePack } from '../../../src/background/packs/subscriptions';
import { teamClaimsForPage } from '../../../src/background/team/team-store';
import { refreshTeam, subscribeTeam, unsubscribeTeam } from '../../../src/background/team/team-subscriptions';
import { TEAM_PAGE, teamClaim, teamFile } from '../../fixtures/team/make-team-file';
import { freshDbs } from '../helpers/fresh-db';

const fresh = freshDbs('team-review-permissions');
const TEAM_URL = 'https://shared.example.org/team.json';
const PACK_URL = 'https://shared.example.org/pack.json';
const ORIGIN = 'https://shared.example.org';

/** Serves `texts[url]` with an ETag per text; `hold` makes the next fetch of the file wait for `release`. */
function server(texts: Record<string, string>) {
  let release: (() => void) | null = null;
  let held: Promise<void> | null = null;
  let asked = 0;
  const fetcher: Fetcher = async (url) => {
    if (url.endsWith('.sig')) return new Response('no', { status: 404 });
    asked++;
    const text = texts[url];
    if (held) {
      const wait = held;
      held = null;
      await wait;
    }
    return text === undefined ? new Response('no', { status: 404 }) : new Response(text, { headers: { etag: `"${text.length}-${asked}"` } });
  };
  return {
    fetcher,
    texts,
    get asked() { return asked; },
    hold() { held = new Promise<void>((r) => (release = r)); },
    release() { release?.(); },
  };
}

const deps = (fetcher: Fetcher) => ({ fetcher, now: () => Date.UTC(2026, 11, 6), afterChange: vi.fn(async () => undefined) });
const quotes = async (db: ReturnType<typeof fresh>) => (await teamClaimsForPage(db, TEAM_PAGE, [])).map((c) => c.target.selector[0].exact).sort();

beforeEach(() => {
  removed.length = 0;
});

describe('a team file and a pack at the same origin', () => {
  it('unsubscribing the pack keeps the permission while the team is followed, and gives it back after', async () => {
    const db = fresh();
    const s = server({ [TEAM_URL]: teamFile() });
    await subscribeTeam(db, TEAM_URL, deps(s.fetcher));
    await db.packSubscriptions.put({ url: PACK_URL, addedAt: 1 });
    expect(await packsNeedOrigin(db, ORIGIN, PACK_URL)).toBe(true);
    await unsubscribePack(db, PACK_URL, { afterChange: async () => undefined });
    expect(removed).toEqual([]);
    await unsubscribeTeam(db, TEAM_URL, deps(s.fetcher));
    expect(removed).toEqual([[`${ORIGIN}/*`]]);
  });

  it('a failed team subscription keeps the permission a pack needs, and gives back one nothing needs', async () => {
    const db = fresh();
    const s = server({ [TEAM_URL]: '{"format":"not-ours"}' });
    await db.packSubscriptions.put({ url: PACK_URL, addedAt: 1 });
    await expect(subscribeTeam(db, TEAM_URL, deps(s.fetcher))).rejects.toThrow('not a Sound Familiar export');
    expect(removed).toEqual([]);
    await db.packSubscriptions.clear();
    await expect(subscribeTeam(db, TEAM_URL, deps(s.fetcher))).rejects.toThrow('not a Sound Familiar export');
    expect(removed).toEqual([[`${ORIGIN}/*`]]);
    expect(await db.teamSubscriptions.count()).toBe(0);
    expect(await db.teamClaims.count()).toBe(0);
  });
});

describe('a refresh racing an unsubscribe and a new subscription', () => {
  it('the old refresh never stores its copy into the new subscription', async () => {
    const db = fresh();
    const s = server({ [TEAM_URL]: teamFile([teamClaim({ quote: 'first copy' })]) });
    await subscribeTeam(db, TEAM_URL, deps(s.fetcher));
    s.texts[TEAM_URL] = teamFile([teamClaim({ quote: 'stale copy' })]);
    s.hold();
    const before = s.asked;
    const pending = refreshTeam(db, TEAM_URL, deps(s.fetcher));
    await vi.waitFor(() => expect(s.asked).toBe(before + 1));
    await unsubscribeTeam(db, TEAM_URL, deps(s.fetcher));
    s.texts[TEAM_URL] = teamFile([teamClaim({ quote: 'new subscription' })]);
    await subscribeTeam(db, TEAM_URL, deps(s.fetcher));
    s.release();
    await pending;
    expect(await quotes(db)).toEqual(['new subscription']);
  });
});
