// Security review of "your own sites" and pack subscriptions (issue 14): no content script (so no
// page) can make any of their calls (turn a site on or off, list sites; subscribe, refresh,
// unsubscribe, list packs); and the site validators let through only an https origin on the
// default port, so nothing reaches registerContentScripts for a file:, http:, browser or
// extension page. Pack addresses are checked in pack-fetch-hostile.test.ts.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => import('../helpers/browser-stub'));

import { allowBackgroundSender } from '../../../src/background/handlers';
import type { Runtime } from '../../../src/platform/browser';
import { serve, type Handlers } from '../../../src/platform/messaging';
import { BACKGROUND_CALL_SENDERS, backgroundValidators, type BackgroundCalls } from '../../../src/shared/messages';
import { SITE_PACK_CALL_SENDERS, sitePackValidators } from '../../../src/shared/site-pack-calls';
import { isSiteOrigin, patternOrigin, siteOrigin } from '../../../src/shared/site-origin';
import { browserState } from '../helpers/browser-stub';

const listeners = browserState.messageListeners;

const OURS = 'chrome-extension://sound-familiar-test/';
const TAB = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };
const CALLS = Object.keys(SITE_PACK_CALL_SENDERS) as (keyof typeof SITE_PACK_CALL_SENDERS)[];
/** A payload each call accepts (the pack calls are listed once their contract is committed). */
const GOOD: Record<string, unknown> = {
  'sites/list': {},
  'sites/turn-on': { origin: 'https://www.example.org' },
  'sites/turn-off': { origin: 'https://www.example.org' },
  'packs/list': {},
  'packs/subscribe': { url: 'https://example.org/packs/test.json' },
  'packs/refresh': { url: 'https://example.org/packs/test.json' },
  'packs/unsubscribe': { url: 'https://example.org/packs/test.json' },
};

const SENDERS_REFUSED: [string, Runtime.MessageSender][] = [
  ['a content script on a listed site', { id: 'sound-familiar-test', tab: TAB, frameId: 0, url: 'https://www.gov.uk/news' }],
  ['a content script in a subframe', { id: 'sound-familiar-test', tab: TAB, frameId: 3, url: 'https://ads.example/frame' }],
  ['a content script on the reader\'s own site', { id: 'sound-familiar-test', tab: TAB, url: 'https://www.example.org/' }],
  ['a look-alike extension origin', { id: 'sound-familiar-test', tab: TAB, url: 'chrome-extension://sound-familiar-test.evil/options.html' }],
  ['another extension\'s page', { id: 'sound-familiar-test', url: 'chrome-extension://another-extension/options.html' }],
  ['a sender with no url', { id: 'sound-familiar-test', tab: TAB }],
  ['a data: frame', { id: 'sound-familiar-test', tab: TAB, url: `data:text/html,${OURS}` }],
];

describe('who may call the site and pack messages', () => {
  it('every one of them is for extension pages only', () => {
    for (const call of CALLS) expect(BACKGROUND_CALL_SENDERS[call]).toBe('extension');
  });

  it.each(SENDERS_REFUSED)('refuses %s for every call', (_name, sender) => {
    for (const call of CALLS) expect(allowBackgroundSender(sender, call, OURS)).toBe(false);
  });

  it('accepts our own options page and popup', () => {
    for (const call of CALLS) {
      expect(allowBackgroundSender({ id: 'sound-familiar-test', url: `${OURS}options.html` }, call, OURS)).toBe(true);
      expect(allowBackgroundSender({ id: 'sound-familiar-test', url: `${OURS}popup.html` }, call, OURS)).toBe(true);
    }
  });

  it('through the real dispatcher, a content script\'s call never reaches the handler, and one from another extension neither', async () => {
    const handler = vi.fn(async () => null);
    const handlers = new Proxy({}, { get: () => handler }) as Handlers<BackgroundCalls>;
    listeners.length = 0;
    serve(backgroundValidators, handlers, allowBackgroundSender);
    const [listener] = listeners;
    for (const call of CALLS) {
      for (const [, sender] of SENDERS_REFUSED) {
        expect(await listener!({ call, payload: GOOD[call] }, sender)).toEqual({ ok: false, error: `sender not allowed for ${call}` });
      }
      const foreign = { id: 'another-extension', url: `${OURS}options.html` };
      expect(await listener!({ call, payload: GOOD[call] }, foreign)).toEqual({ ok: false, error: `sender not allowed for ${call}` });
    }
    expect(handler).not.toHaveBeenCalled();
    expect(await listener!({ call: 'sites/turn-on', payload: GOOD['sites/turn-on'] }, { id: 'sound-familiar-test', url: `${OURS}popup.html` })).toEqual({ ok: true, value: null });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('which origins a site message may name', () => {
  it.each([
    'http://www.example.org', 'file:///home/reader/page.html', 'chrome://settings', 'chrome-extension://abcdef', 'moz-extension://0b9a6c2e-4f1d',
    'about:blank', 'edge://flags', 'view-source:https://www.example.org', 'https://www.example.org:8443', 'https://user@www.example.org',
    'https://user:pw@www.example.org', 'https://www.example.org/', 'https://www.example.org/*', 'https://*.example.org', 'https://*',
    'https://WWW.Example.org', 'https://127.0.0.1', 'https://[::1]', 'https://localhost', 'https://www.example.org\n', ' https://www.example.org',
    'https://www.exa mple.org', 'https://www.example.org#x', 'https://www.example.org?x', `https://${'a'.repeat(64)}.example.org`, 'https://exämple.org', 'https://-x.example.org',
  ])('sites/turn-on and sites/turn-off refuse %j', (origin) => {
    expect(sitePackValidators['sites/turn-on']({ origin })).toBe(false);
    expect(sitePackValidators['sites/turn-off']({ origin })).toBe(false);
  });

  it('refuses extra fields and prototype tricks in the payload', () => {
    expect(sitePackValidators['sites/turn-on']({ origin: 'https://www.example.org', persist: true })).toBe(false);
    expect(sitePackValidators['sites/turn-on'](Object.create({ origin: 'https://www.example.org' }))).toBe(false);
    expect(sitePackValidators['sites/turn-on'](JSON.parse('{"__proto__": {"origin": "https://www.example.org"}}'))).toBe(false);
    expect(sitePackValidators['sites/list']({ all: true })).toBe(false);
  });

  it('accepts a plain https origin, including a punycode host', () => {
    expect(sitePackValidators['sites/turn-on']({ origin: 'https://www.example.org' })).toBe(true);
    expect(sitePackValidators['sites/turn-on']({ origin: 'https://xn--exmple-cua.org' })).toBe(true);
  });

  it.each([
    'file:///home/reader/page.html', 'http://www.example.org/', 'chrome://extensions/', 'chrome-extension://abcdef/popup.html',
    'moz-extension://0b9a6c2e-4f1d/options.html', 'about:addons', 'https://www.example.org:8443/', 'https://user:pw@www.example.org/', 'https://192.168.0.1/',
  ])('the popup offers nothing for the tab address %j (siteOrigin is null)', (url) => {
    expect(siteOrigin(url)).toBeNull();
  });

  it('only patterns made for one https origin map back to an origin (what registeredSiteOrigins trusts)', () => {
    expect(patternOrigin('https://www.example.org/*')).toBe('https://www.example.org');
    for (const p of ['<all_urls>', '*://*/*', 'https://*/*', 'https://*.example.org/*', 'http://www.example.org/*', 'https://www.example.org/path/*', 'file:///*']) {
      expect(patternOrigin(p)).toBeNull();
    }
    expect(isSiteOrigin('https://www.example.org')).toBe(true);
  });
});
