// Following a team's file against a real (fake-indexeddb) database and a fake server: subscribing
// keeps nothing (and gives the permission back) when the file fails its checks; refresh asks with
// the last ETag; an invalid, wrongly signed or unreachable update keeps the last good copy and says
// why without moving the time of the last success; an unsubscribe during a slow fetch is not
// undone; unsubscribing removes the claims and gives the origin back unless a pack needs it.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const removed: string[][] = [];
const permission = { held: true };
vi.mock('../../../../src/platform/browser', () => ({
  default: {
    runtime: { getURL: (p: string) => `chrome-extension://test/${p}`, getManifest: () => ({ content_scripts: [] }) },
    permissions: {
      contains: async () => permission.held,
      remove: async ({ origins }: { origins: string[] }) => (removed.push(origins), true),
    },
    scripting: { getRegisteredContentScripts: async () => [] },
  },
}));

import type { Fetcher } from '../../../../src/background/packs/subscription-fetch';
import { teamClaimsForPage } from '../../../../src/background/team/team-store';
import { refreshTeam, subscribeTeam, unsubscribeTeam } from '../../../../src/background/team/team-subscriptions';
import { generateSigningKey, signPack, type SigningKeyFile } from '../../../../src/shared/packs/sign-pack';
import { TEAM_PAGE, teamClaim, teamFile } from '../../../fixtures/team/make-team-file';
import { freshDbs } from '../../helpers/fresh-db';

const fresh = freshDbs('team-subscriptions');
const URL_ = 'https://team.example.org/desk.json';

/** A one-file server with ETags: what is published at URL_ and its .sig (absent = 404). */
class Server {
  text: string | null = teamFile();
  sig: string | null = null;
  down = false;
  serial = 1;
  asked: (string | null)[] = [];
  gate: Promise<void> | null = null;
  fetcher: Fetcher = async (url, init) => {
    if (this.down) throw new TypeError('Failed to fetch');
    if (url.endsWith('.sig')) return this.sig === null ? new Response('no', { status: 404 }) : new Response(this.sig);
    const ifNoneMatch = new Headers(init.headers).get('if-none-match');
    this.asked.push(ifNoneMatch);
    if (this.gate) await this.gate;
    if (ifNoneMatch === `"v${this.serial}"`) return new Response(null, { status: 304 });
    return this.text === null ? new Response('no', { status: 404 }) : new Response(this.text, { headers: { etag: `"v${this.serial}"` } });
  };
  async publish(text: string, key: SigningKeyFile | null = null) {
    this.text = text;
    this.serial++;
    this.sig = key ? JSON.stringify(await signPack(text, key)) : null;
  }
}

let server: Server;
const T = Date.UTC(2026, 11, 6);
let clock = 1_000;
const deps = () => ({ fetcher: server.fetcher, now: () => T + clock, afterChange: vi.fn(async () => undefined) });
const quotes = async (db: ReturnType<typeof fresh>) => (await teamClaimsForPage(db, TEAM_PAGE, [])).map((c) => c.target.selector[0].exact).sort();

beforeEach(() => {
  server = new Server();
  removed.length = 0;
  permission.held = true;
  clock = 1_000;
});

describe('team subscriptions', () => {
  it('subscribes: the claims are stored, the tabs told, the subscription listed unsigned', async () => {
    const db = fresh();
    const d = deps();
    await subscribeTeam(db, URL_, d);
    expect(d.afterChange).toHaveBeenCalledTimes(1);
    expect(await db.teamSubscriptions.get(URL_)).toMatchObject({ title: 'team.example.org', claims: 1, signed: false, etag: '"v1"', lastSuccess: T + 1_000 });
    expect(await quotes(db)).toHaveLength(1);
  });

  it('keeps nothing and gives the permission back when the file is invalid or its signature does not match', async () => {
    const db = fresh();
    server.text = '{"format":"sound-familiar","version":1,"claims":[{"type":"Annotation"}]}';
    await expect(subscribeTeam(db, URL_, deps())).rejects.toThrow(/^The team file is not valid: claim 1\.id/);
    expect(removed).toEqual([['https://team.example.org/*']]);
    server.text = teamFile();
    server.sig = JSON.stringify(await signPack(teamFile([teamClaim({ quote: 'other' })]), await generateSigningKey()));
    await expect(subscribeTeam(db, URL_, deps())).rejects.toThrow(/signature does not match the file/);
    expect(await db.teamSubscriptions.count()).toBe(0);
    expect(await db.teamClaims.count()).toBe(0);
  });

  it('refreshes with the last ETag; an unchanged file only moves the times', async () => {
    const db = fresh();
    await subscribeTeam(db, URL_, deps());
    clock = 2_000;
    await refreshTeam(db, URL_, deps());
    expect(server.asked).toEqual([null, '"v1"']);
    expect(await db.teamSubscriptions.get(URL_)).toMatchObject({ lastSuccess: T + 2_000, fetchedAt: T + 2_000 });
  });

  it('an invalid, unreachable or wrongly signed update keeps the last good copy and says why', async () => {
    const db = fresh();
    const key = await generateSigningKey();
    await server.publish(teamFile([teamClaim({ quote: 'good copy' })]), key);
    await subscribeTeam(db, URL_, deps());
    expect(await db.teamSubscriptions.get(URL_)).toMatchObject({ signed: true });
    clock = 2_000;
    await server.publish(teamFile([teamClaim({ page: 'http://www.gov.uk/x' })]), key);
    await refreshTeam(db, URL_, deps());
    expect(await db.teamSubscriptions.get(URL_)).toMatchObject({ lastSuccess: T + 1_000, fetchedAt: T + 2_000, lastError: expect.stringMatching(/^The team file is not valid: claim 1\.target\.source: must be an https address/) });
    server.down = true;
    clock = 3_000;
    await refreshTeam(db, URL_, deps());
    expect((await db.teamSubscriptions.get(URL_))?.lastError).toBe('The team file could not be reached (no connection, or the server refused it).');
    server.down = false;
    await server.publish(teamFile([teamClaim({ quote: 'forged' })]), await generateSigningKey());
    await refreshTeam(db, URL_, deps());
    expect((await db.teamSubscriptions.get(URL_))?.lastError).toMatch(/signed by a different key/);
    await server.publish(teamFile([teamClaim({ quote: 'unsigned' })]), null);
    await refreshTeam(db, URL_, deps());
    expect((await db.teamSubscriptions.get(URL_))?.lastError).toMatch(/not signed/);
    expect(await quotes(db)).toEqual(['good copy']);
    expect((await db.teamSubscriptions.get(URL_))?.lastSuccess).toBe(T + 1_000);
    await server.publish(teamFile([teamClaim({ quote: 'next good copy' })]), key);
    await refreshTeam(db, URL_, deps());
    expect(await quotes(db)).toEqual(['next good copy']);
    expect((await db.teamSubscriptions.get(URL_))?.lastError).toBeUndefined();
  });

  it('an unsubscribe during a slow fetch is not undone', async () => {
    const db = fresh();
    await subscribeTeam(db, URL_, deps());
    await server.publish(teamFile([teamClaim({ quote: 'late' })]));
    let open!: () => void;
    server.gate = new Promise((r) => (open = r));
    const pending = refreshTeam(db, URL_, deps());
    await vi.waitFor(() => expect(server.asked).toHaveLength(2));
    await unsubscribeTeam(db, URL_, deps());
    open();
    await pending;
    expect(await db.teamSubscriptions.count()).toBe(0);
    expect(await db.teamClaims.count()).toBe(0);
  });

  it('unsubscribing gives the origin back, unless a pack is subscribed from it', async () => {
    const db = fresh();
    await subscribeTeam(db, URL_, deps());
    await db.packSubscriptions.put({ url: 'https://team.example.org/pack.json', addedAt: 1 });
    await unsubscribeTeam(db, URL_, deps());
    expect(removed).toEqual([]);
    expect(await quotes(db)).toEqual([]);
    await subscribeTeam(db, URL_, deps());
    await db.packSubscriptions.clear();
    await unsubscribeTeam(db, URL_, deps());
    expect(removed).toEqual([['https://team.example.org/*']]);
  });

  it('refuses to subscribe without the permission, and a second time to the same address', async () => {
    const db = fresh();
    permission.held = false;
    await expect(subscribeTeam(db, URL_, deps())).rejects.toThrow('Sound Familiar was not allowed to read team.example.org, so it cannot fetch the file.');
    permission.held = true;
    await subscribeTeam(db, URL_, deps());
    await expect(subscribeTeam(db, URL_, deps())).rejects.toThrow('You already follow this team file.');
  });
});
