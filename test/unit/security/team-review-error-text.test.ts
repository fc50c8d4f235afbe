// Security review of team sharing: why a team's file was refused is shown on the options page (the
// subscribe outcome, and the refusal line kept on the subscription). The validators quote parts of
// the file in those reasons (a key's path, a date's text), so a hostile file could put
// text-direction overrides there and turn the rest of the options page's sentence around. The
// reason keeps what it says, but never a control or text-direction character from the file.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => ({
  default: {
    runtime: { getURL: (p: string) => `chrome-extension://test/${p}`, getManifest: () => ({ content_scripts: [] }) },
    permissions: { contains: async () => true, remove: async () => true },
    scripting: { getRegisteredContentScripts: async () => [] },
  },
}));

import type { Fetcher } from '../../../src/background/packs/subscription-fetch';
import { refreshTeam, subscribeTeam } from '../../../src/background/team/team-subscriptions';
import { hasControlCharacters } from '../../../src/shared/sync/alias-policy';
import { teamFile } from '../../fixtures/team/make-team-file';
import { freshDbs } from '../helpers/fresh-db';

const fresh = freshDbs('team-review-error-text');
const URL_ = 'https://team.example.org/desk.json';
const RLO = '\u202E';

function serve(texts: string[]): Fetcher {
  return async (url) => {
    if (url.endsWith('.sig')) return new Response('no', { status: 404 });
    return new Response(texts.shift() ?? teamFile(), { headers: { etag: `"${Math.random()}"` } });
  };
}

/** A team file whose first claim's `modified` is far ahead, written so that it quotes an override. */
function futureDated(): string {
  const file = JSON.parse(teamFile()) as { claims: { modified: string }[] };
  file.claims[0]!.modified = `${RLO} 2999 01 01`;
  return JSON.stringify(file);
}
/** A team file with a forbidden key under a key that holds an override. */
const forbiddenKey = () => teamFile().replace(/^\{/, `{"${RLO}desk":{"__proto__":{}},`);

const deps = (fetcher: Fetcher) => ({ fetcher, now: () => Date.UTC(2026, 11, 6), afterChange: vi.fn(async () => undefined) });

describe.each([
  ['a date quoted in the reason', futureDated],
  ['a key path quoted in the reason', forbiddenKey],
])('%s', (_, hostile) => {
  it('the subscribe outcome carries no control or text-direction character', async () => {
    const db = fresh();
    const error = await subscribeTeam(db, URL_, deps(serve([hostile()]))).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/refused/);
    expect(hasControlCharacters(error!.message), JSON.stringify(error!.message)).toBe(false);
  });

  it('the refusal line kept on the subscription carries none either', async () => {
    const db = fresh();
    const fetcher = serve([teamFile(), hostile()]);
    await subscribeTeam(db, URL_, deps(fetcher));
    await refreshTeam(db, URL_, deps(fetcher));
    const line = (await db.teamSubscriptions.get(URL_))?.lastError ?? '';
    expect(line).toMatch(/refused/);
    expect(hasControlCharacters(line), JSON.stringify(line)).toBe(false);
  });
});
