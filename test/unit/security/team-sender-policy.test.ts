// Team sharing's calls (list, subscribe, refresh, unsubscribe, the claims list's read) are for extension pages only: no
// content script, so no page, can learn which teams the reader follows or follow one for them;
// the dispatcher refuses such a call before any handler runs. Their addresses are https only.
import { describe, expect, it, vi } from 'vitest';

const listeners: ((message: unknown, sender: unknown) => unknown)[] = [];
vi.mock('../../../src/platform/browser', () => ({
  default: {
    runtime: {
      id: 'sound-familiar-test',
      getURL: (path: string) => `chrome-extension://sound-familiar-test/${path}`,
      onMessage: { addListener: (l: (m: unknown, s: unknown) => unknown) => listeners.push(l), removeListener: vi.fn() },
    },
  },
}));

import { allowBackgroundSender } from '../../../src/background/handlers';
import type { Runtime } from '../../../src/platform/browser';
import { serve, type Handlers } from '../../../src/platform/messaging';
import { BACKGROUND_CALL_SENDERS, backgroundValidators, type BackgroundCalls } from '../../../src/shared/messages';
import { TEAM_CALL_SENDERS } from '../../../src/shared/team/team-calls';

const OURS = 'chrome-extension://sound-familiar-test/';
const TAB = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };
const CALLS = Object.keys(TEAM_CALL_SENDERS) as (keyof typeof TEAM_CALL_SENDERS)[];
const URL_ = 'https://team.example.org/desk.json';
const GOOD: Record<string, unknown> = { 'teams/list': {}, 'teams/claims': {}, 'teams/subscribe': { url: URL_ }, 'teams/refresh': { url: URL_ }, 'teams/unsubscribe': { url: URL_ } };

const REFUSED: [string, Runtime.MessageSender][] = [
  ['a content script on a listed site', { id: 'sound-familiar-test', tab: TAB, frameId: 0, url: 'https://www.gov.uk/news' }],
  ['a content script on the team file\'s own site', { id: 'sound-familiar-test', tab: TAB, url: 'https://team.example.org/' }],
  ['a look-alike extension origin', { id: 'sound-familiar-test', tab: TAB, url: 'chrome-extension://sound-familiar-test.evil/options.html' }],
  ['a sender with no url', { id: 'sound-familiar-test', tab: TAB }],
];

describe('who may call the team messages', () => {
  it('every one is for extension pages only, and all are in the contract', () => {
    expect(CALLS).toEqual(['teams/list', 'teams/subscribe', 'teams/refresh', 'teams/unsubscribe', 'teams/claims']);
    for (const call of CALLS) expect(BACKGROUND_CALL_SENDERS[call]).toBe('extension');
  });

  it('the dispatcher refuses a page\'s or another extension\'s call before the handler; our options page gets through', async () => {
    const handler = vi.fn(async () => null);
    serve(backgroundValidators, new Proxy({}, { get: () => handler }) as Handlers<BackgroundCalls>, allowBackgroundSender);
    const listener = listeners.at(-1)!;
    for (const call of CALLS) {
      for (const [, sender] of REFUSED) expect(await listener({ call, payload: GOOD[call] }, sender)).toEqual({ ok: false, error: `sender not allowed for ${call}` });
      expect(await listener({ call, payload: GOOD[call] }, { id: 'another-extension', url: `${OURS}options.html` })).toEqual({ ok: false, error: `sender not allowed for ${call}` });
    }
    expect(handler).not.toHaveBeenCalled();
    expect(await listener({ call: 'teams/subscribe', payload: GOOD['teams/subscribe'] }, { id: 'sound-familiar-test', url: `${OURS}options.html` })).toEqual({ ok: true, value: null });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it.each(['http://team.example.org/desk.json', 'file:///desk.json', 'https://10.0.0.1/desk.json', 'https://team.example.org:444/desk.json', 'https://a:b@team.example.org/desk.json', 'https://team.example.org/desk.json#x'])(
    'refuses the address %s', (url) => {
      expect(backgroundValidators['teams/subscribe']({ url })).toBe(false);
    },
  );
});
