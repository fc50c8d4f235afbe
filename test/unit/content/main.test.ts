// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://www.gov.uk/government/news/a" }
// The content script's start-up with the background faked (main-harness.ts): one 'page/start'
// however the site switch moves while it is answered, and a claim to reveal that survives the page
// tidying its address before the claims are read, a page back from the back-forward cache asks
// again, merely loading the script (a frame the gate turns away) sets up nothing, a switch for
// other sites changes nothing, and only the background may ask for a keyboard step.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { begin, calls, cleanUp, on, serving, sessions, settle, startCalls, trackListener } from './main-harness';

vi.mock('../../../src/platform/content-messaging', async () => (await import('./main-harness')).messagingMock());
vi.mock('../../../src/content/highlight/supported', () => ({ highlightsSupported: () => true }));
vi.mock('../../../src/content/yield-to-page', () => ({ yieldToPage: async () => undefined }));

afterEach(cleanUp);

describe('content script start-up', () => {
  it('asks once when the site switch is relayed while the first reply is on its way', async () => {
    await begin();
    serving.handlers['page/sites']!({ off: [], on: ['www.gov.uk'] });
    startCalls()[0]!.resolve(on);
    await settle();
    await settle();
    expect(startCalls()).toHaveLength(1);
    expect(sessions).toHaveLength(1);
  });

  it('asks again when the site was switched on after the first reply was written (it says off)', async () => {
    await begin();
    serving.handlers['page/sites']!({ off: [], on: ['www.gov.uk'] });
    startCalls()[0]!.resolve({ enabled: false });
    await vi.waitFor(() => expect(startCalls()).toHaveLength(2));
    startCalls()[1]!.resolve(on);
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
  });

  it('stays off when switched off while the first reply is on its way', async () => {
    await begin();
    serving.handlers['page/sites']!({ off: ['www.gov.uk'], on: [] });
    startCalls()[0]!.resolve(on);
    await settle();
    await settle();
    expect(sessions).toHaveLength(0);
    expect(startCalls()).toHaveLength(1);
  });

  it('takes a keyboard step from the background alone, other calls from any of our contexts', async () => {
    await begin();
    const scope = globalThis as { chrome?: unknown };
    scope.chrome = { runtime: { id: 'ext', getURL: (path: string) => `chrome-extension://ext/${path}` } };
    try {
      expect(serving.allowSender({ id: 'ext', url: 'chrome-extension://ext/background.js' }, 'page/step')).toBe(true);
      expect(serving.allowSender({ id: 'ext', url: 'chrome-extension://ext/popup.html' }, 'page/step')).toBe(false);
      expect(serving.allowSender({ id: 'ext', url: 'chrome-extension://ext/editor.html', tab: { id: 1 } }, 'page/step')).toBe(false);
      // The mocked isExtensionContext lets the popup make its own calls.
      expect(serving.allowSender({ id: 'ext', url: 'chrome-extension://ext/popup.html' }, 'page/reveal')).toBe(true);
    } finally {
      delete scope.chrome;
    }
  });

  it('pays no heed to a switch for other sites', async () => {
    await begin();
    startCalls()[0]!.resolve({ enabled: false });
    await settle();
    // Other sites switched on and off: this frame's site is still off, so it neither asks nor starts.
    serving.handlers['page/sites']!({ off: ['www.bbc.co.uk'], on: ['www.theguardian.com'] });
    await settle();
    await settle();
    expect(startCalls()).toHaveLength(1);
    expect(sessions).toHaveLength(0);
  });

  it('keeps the claim to reveal when the page tidied its address before its claims were read', async () => {
    await begin();
    const url = location.href;
    startCalls()[0]!.resolve({ ...on, claims: { claims: [], reveal: 'claim-1' } });
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    const read = sessions[0]!.options.fetchClaims(`${url}#section`);
    await vi.waitFor(() => expect(calls.filter((c) => c.name === 'claims/for-page')).toHaveLength(1));
    calls.find((c) => c.name === 'claims/for-page')!.resolve({ claims: [], reveal: null });
    expect(await read).toEqual({ claims: [], reveal: 'claim-1' });
  });

  it('uses the claims that came with the start for the same address, without a call', async () => {
    await begin();
    const url = location.href;
    startCalls()[0]!.resolve({ ...on, claims: { claims: [], reveal: 'claim-1' } });
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    expect(await sessions[0]!.options.fetchClaims(url)).toEqual({ claims: [], reveal: 'claim-1' });
    expect(calls.filter((c) => c.name === 'claims/for-page')).toHaveLength(0);
  });
});

describe('a page back from the back-forward cache', () => {
  const comeBack = () => {
    const event = new Event('pageshow');
    Object.defineProperty(event, 'persisted', { value: true });
    window.dispatchEvent(event);
  };

  it('asks for the site switch again and stops when the site was switched off meanwhile', async () => {
    await begin();
    startCalls()[0]!.resolve(on);
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    const destroyed = vi.spyOn(sessions[0]! as unknown as { destroy(): void }, 'destroy');
    comeBack();
    await vi.waitFor(() => expect(startCalls()).toHaveLength(2));
    startCalls()[1]!.resolve({ enabled: false });
    await vi.waitFor(() => expect(destroyed).toHaveBeenCalled());
    expect(sessions).toHaveLength(1);
  });

  it('starts when the site was switched on meanwhile, from the reply it asked for', async () => {
    await begin();
    startCalls()[0]!.resolve({ enabled: false });
    await settle();
    comeBack();
    await vi.waitFor(() => expect(startCalls()).toHaveLength(2));
    startCalls()[1]!.resolve(on);
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    expect(startCalls()).toHaveLength(2);
  });
});

describe('loading the script', () => {
  // index.ts imports it in every frame and runs it only where the frame gate says the frame is worth
  // reading: an ad slot or a tracking pixel must not get even a listener.
  it('sets up no listener until run() is called', async () => {
    vi.resetModules();
    const listened: string[] = [];
    for (const target of [window, document] as EventTarget[]) {
      const add = target.addEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
        listened.push(type);
        if (listener) trackListener(target, type, listener);
        add(type, listener, options);
      });
    }
    const { run } = await import('../../../src/content/main');
    expect(listened).toEqual([]);
    run();
    expect(listened).toEqual(expect.arrayContaining(['visibilitychange', 'pageshow']));
  });
});
