// The content script's runtime door without the polyfill: it takes `browser` where the browser has
// it and `chrome` where it does not (Chromium before 148), and turns our listeners' promises into
// sendResponse replies, which both namespaces honour; and it receives through the same dispatcher,
// so a message from outside our extension, or one that does not validate, runs no handler.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMessageListener, extensionURL, removeMessageListener, runtimeId } from '../../../src/platform/content-runtime';
import { extensionGone, isExtensionContext, serve } from '../../../src/platform/content-messaging';
import { contentValidators, type ContentCalls } from '../../../src/shared/messages';

type Native = (message: unknown, sender: object, sendResponse: (r: unknown) => void) => boolean;

function fakeRuntime(id: string | undefined) {
  const listeners = new Set<Native>();
  return {
    listeners,
    runtime: {
      id,
      getURL: (path: string) => `chrome-extension://${id}/${path}`,
      sendMessage: vi.fn(async () => ({ ok: true, value: 1 })),
      onMessage: { addListener: (l: Native) => listeners.add(l), removeListener: (l: Native) => listeners.delete(l) },
    },
  };
}

/** Delivers `message` as the browser does: true keeps the channel open for sendResponse. */
async function deliver(listeners: Set<Native>, message: unknown, sender: object): Promise<{ open: boolean; reply: unknown }> {
  let reply: unknown;
  let open = false;
  for (const l of listeners) open = l(message, sender, (r) => (reply = r)) || open;
  await new Promise((r) => setTimeout(r, 0));
  return { open, reply };
}

const scope = globalThis as { browser?: unknown; chrome?: unknown };
afterEach(() => {
  delete scope.browser;
  delete scope.chrome;
});

describe('content runtime', () => {
  it('uses chrome.runtime where there is no browser namespace, and browser.runtime where there is', () => {
    scope.chrome = { runtime: fakeRuntime('from-chrome').runtime };
    expect(runtimeId()).toBe('from-chrome');
    expect(extensionURL('editor.html')).toBe('chrome-extension://from-chrome/editor.html');
    scope.browser = { runtime: fakeRuntime('from-browser').runtime };
    expect(runtimeId()).toBe('from-browser');
  });

  it('replies through sendResponse, keeps quiet about messages that are not ours, and removes listeners', async () => {
    const fake = fakeRuntime('ext');
    scope.chrome = { runtime: fake.runtime };
    const listener = (message: unknown) => (message === 'mine' ? Promise.resolve('answer') : undefined);
    addMessageListener(listener);
    expect(await deliver(fake.listeners, 'mine', {})).toEqual({ open: true, reply: 'answer' });
    expect(await deliver(fake.listeners, 'other', {})).toEqual({ open: false, reply: undefined });
    removeMessageListener(listener);
    expect(fake.listeners.size).toBe(0);
  });

  it('counts the extension gone when its runtime has no id or is not there at all', () => {
    scope.chrome = { runtime: fakeRuntime(undefined).runtime };
    expect(extensionGone()).toBe(true);
    delete scope.chrome;
    expect(extensionGone()).toBe(true);
    scope.chrome = { runtime: fakeRuntime('ext').runtime };
    expect(extensionGone()).toBe(false);
  });

  it('serves only our own contexts with valid payloads', async () => {
    const fake = fakeRuntime('ext');
    scope.chrome = { runtime: fake.runtime };
    const step = vi.fn(() => true);
    const handlers = { 'page/step': step } as unknown as Parameters<typeof serve<ContentCalls>>[1];
    const stop = new AbortController();
    serve<ContentCalls>(contentValidators, handlers, isExtensionContext, stop.signal);
    const call = { call: 'page/step', payload: { direction: 1, from: 'edge' } };
    expect((await deliver(fake.listeners, call, { id: 'other-extension' })).reply).toEqual({ ok: false, error: 'sender not allowed for page/step' });
    expect((await deliver(fake.listeners, call, { id: 'ext', tab: {}, url: 'https://www.gov.uk/' })).reply).toEqual({ ok: false, error: 'sender not allowed for page/step' });
    expect((await deliver(fake.listeners, call, { id: 'ext', tab: {}, url: 'chrome-extension://ext.evil/editor.html' })).reply).toMatchObject({ ok: false });
    expect((await deliver(fake.listeners, { call: 'page/step', payload: { direction: 2 } }, { id: 'ext' })).reply).toEqual({ ok: false, error: 'invalid payload for page/step' });
    expect(step).not.toHaveBeenCalled();
    expect((await deliver(fake.listeners, call, { id: 'ext' })).reply).toEqual({ ok: true, value: true });
    expect((await deliver(fake.listeners, call, { id: 'ext', tab: {}, url: 'chrome-extension://ext/editor.html' })).reply).toEqual({ ok: true, value: true });
    stop.abort();
    expect(fake.listeners.size).toBe(0);
  });
});
