// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://www.gov.uk/government/news/a" }
// The session's code (content-session.js: scanner, matcher, page features) is not in the script
// every page loads (issue 12): a frame asks for it ('page/code') only once its page has claims or
// text that could name something, with the background faked (main-harness.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { begin, calls, cleanUp, on, registerFakeSessionCode, serving, sessions, settle, startCalls } from './main-harness';

vi.mock('../../../src/platform/content-messaging', async () => (await import('./main-harness')).messagingMock());
vi.mock('../../../src/content/highlight/supported', () => ({ highlightsSupported: () => true }));
vi.mock('../../../src/content/yield-to-page', () => ({ yieldToPage: async () => undefined }));

const scope = globalThis as { chrome?: unknown };
beforeEach(() => {
  // Where our files are: the page is not one of ours, so the part is asked of the background.
  scope.chrome = { runtime: { id: 'ext', getURL: (path: string) => `chrome-extension://ext/${path}` } };
});
afterEach(() => {
  cleanUp();
  delete scope.chrome;
});

describe("the session's code, loaded on need", () => {
  const codeCalls = () => calls.filter((c) => c.name === 'page/code');
  const dictionaryCalls = () => calls.filter((c) => c.name === 'page/dictionary');
  const quietStart = { enabled: true, dictionary: null, claims: null, echoes: true };

  /** Answers the frame's 'page/code' as the background does: the script runs, then the reply. */
  function inject(n = 0): void {
    registerFakeSessionCode();
    codeCalls()[n]!.resolve(null);
  }

  it('is never asked for on a page that names nothing, and once its text could name something', async () => {
    document.body.innerHTML = '<p>The weather was fine on Tuesday.</p>';
    await begin({ sessionCode: 'unloaded' });
    startCalls()[0]!.resolve(quietStart);
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(1));
    dictionaryCalls()[0]!.resolve({ verdict: 'none', dictionary: null });
    await settle();
    await settle();
    expect(codeCalls()).toHaveLength(0);

    // The page adds a name; now the frame wakes, and only then asks for the session's code.
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'The Government Digital Service said' }));
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(2), { timeout: 3000 });
    dictionaryCalls()[1]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
    await vi.waitFor(() => expect(codeCalls()).toHaveLength(1));
    expect(codeCalls()[0]!.payload).toEqual({ part: 'session' });
    expect(sessions).toHaveLength(0);
    inject();
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
  });

  it('is asked for before the session of a page that has claims (its start brings the dictionary)', async () => {
    await begin({ sessionCode: 'unloaded' });
    startCalls()[0]!.resolve(on);
    await vi.waitFor(() => expect(codeCalls()).toHaveLength(1));
    expect(codeCalls()[0]!.payload).toEqual({ part: 'session' });
    await settle();
    expect(sessions).toHaveLength(0);
    inject();
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
  });

  it('is asked for again at the next start when the background could not inject it', async () => {
    await begin({ sessionCode: 'unloaded' });
    startCalls()[0]!.resolve(on);
    await vi.waitFor(() => expect(codeCalls()).toHaveLength(1));
    codeCalls()[0]!.resolve(Promise.reject(new Error('Cannot access contents of the page.')));
    await settle();
    await settle();
    expect(sessions).toHaveLength(0);

    // The knowledge changed: the frame starts afresh, and asks for the code once more.
    void serving.handlers['page/refresh']!({ dictionary: true });
    await vi.waitFor(() => expect(startCalls()).toHaveLength(2));
    startCalls()[1]!.resolve(on);
    await vi.waitFor(() => expect(codeCalls()).toHaveLength(2));
    inject(1);
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
  });
});
