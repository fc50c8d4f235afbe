// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://www.gov.uk/government/news/a" }
// The session's code (content-session.js: scanner, matcher, page features) is not in the script
// every page loads (issue 12): a frame asks for it ('page/code') only once its page has claims or
// text that could name something, with the background faked (main-harness.ts). Injecting it takes
// a round trip and a script's parse, during which the page, the knowledge and the switch move on;
// and it can be refused. The lifecycle cases here are from review 18 (each failed on 1de0411).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { begin, calls, cleanUp, on, registerFakeSessionCode, serving, sessions, settle, startCalls } from './main-harness';

vi.mock('../../../src/platform/content-messaging', async () => (await import('./main-harness')).messagingMock());
const browserHas = vi.hoisted(() => ({ highlights: true }));
vi.mock('../../../src/content/highlight/supported', () => ({ highlightsSupported: () => browserHas.highlights }));
vi.mock('../../../src/content/yield-to-page', () => ({ yieldToPage: async () => undefined }));

const scope = globalThis as { chrome?: unknown };
beforeEach(() => {
  // Where our files are: the page is not one of ours, so the part is asked of the background.
  scope.chrome = { runtime: { id: 'ext', getURL: (path: string) => `chrome-extension://ext/${path}` } };
});
afterEach(() => {
  browserHas.highlights = true;
  cleanUp();
  delete scope.chrome;
});

describe("the session's code, loaded on need", () => {
  const codeCalls = () => calls.filter((c) => c.name === 'page/code');
  const dictionaryCalls = () => calls.filter((c) => c.name === 'page/dictionary');
  const quietStart = { enabled: true, dictionary: null, claims: null, echoes: true };

  const refused = () => Promise.reject(new Error('Cannot access contents of the page.'));
  const withClaims = (tag: string) => ({ ...on, dictionary: { entities: [], tag } });
  const tags = () => sessions.map((s) => (s.options as unknown as { dictionary: { tag: string } }).dictionary.tag);
  const paragraph = (text: string) => document.body.appendChild(Object.assign(document.createElement('p'), { textContent: text }));

  /** A frame that starts quiet on a page of `text`, up to the background's verdict on it. */
  async function beginQuiet(text: string): Promise<void> {
    paragraph(text);
    await begin({ sessionCode: 'unloaded' });
    startCalls()[0]!.resolve(quietStart);
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(1));
  }

  /** A quiet frame whose text could name something: it wakes, and asks for the session's code. */
  async function wakeOnText(): Promise<void> {
    await beginQuiet('The Government Digital Service said.');
    dictionaryCalls()[0]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
    await vi.waitFor(() => expect(codeCalls()).toHaveLength(1));
  }

  /** Answers the frame's 'page/code' as the background does: the script runs, then the reply. */
  function inject(n = 0): void {
    registerFakeSessionCode();
    codeCalls()[n]!.resolve(null);
  }

  /** After one refused injection, the reader records a selection: the frame tries once more (sending no text), and starts. */
  async function recordStartsAfterRefusal(): Promise<void> {
    const asked = dictionaryCalls().length;
    document.getSelection()!.selectAllChildren(document.body.firstElementChild!);
    const recorded = serving.handlers['page/record']!({ mode: 'claim' });
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(asked + 1));
    expect((dictionaryCalls()[asked]!.payload as { text: string | null }).text).toBeNull();
    dictionaryCalls()[asked]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
    await vi.waitFor(() => expect(codeCalls()).toHaveLength(2));
    inject(1);
    await expect(recorded).resolves.toBe(true);
    expect(sessions).toHaveLength(1);
  }

  it('is never asked for on a page that names nothing, and once its text could name something', async () => {
    await beginQuiet('The weather was fine on Tuesday.');
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

  it('is not asked for when the background sent it with the dictionary, and is said to be held after that', async () => {
    await beginQuiet('The Government Digital Service said.');
    expect(dictionaryCalls()[0]!.payload).toMatchObject({ needsCode: true });
    // The background injects the code before it answers (handlers.ts): the script runs, then the reply.
    registerFakeSessionCode();
    dictionaryCalls()[0]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    expect(codeCalls()).toHaveLength(0);

    // Switched off and on, the frame starts afresh, quiet: it says it has the code, so none is sent again.
    serving.handlers['page/sites']!({ off: [location.hostname], on: [] });
    serving.handlers['page/sites']!({ off: [], on: [location.hostname] });
    await vi.waitFor(() => expect(startCalls()).toHaveLength(2));
    startCalls()[1]!.resolve(quietStart);
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(2));
    expect(dictionaryCalls()[1]!.payload).toMatchObject({ needsCode: false });
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
  it('starts with the new dictionary when the knowledge changes while the code is being injected', async () => {
    await begin({ sessionCode: 'unloaded' });
    startCalls()[0]!.resolve(withClaims('old'));
    await vi.waitFor(() => expect(codeCalls()).toHaveLength(1));
    void serving.handlers['page/refresh']!({ dictionary: true });
    await vi.waitFor(() => expect(startCalls()).toHaveLength(2));
    startCalls()[1]!.resolve(withClaims('new'));
    await settle();
    inject();
    await vi.waitFor(() => expect(sessions.length).toBeGreaterThan(0));
    await settle();
    expect(tags()).toEqual(['new']);
  });

  it('starts with the new dictionary when the knowledge changes while the first start is answered', async () => {
    await begin();
    void serving.handlers['page/refresh']!({ dictionary: true });
    await vi.waitFor(() => expect(startCalls()).toHaveLength(2));
    startCalls()[0]!.resolve(withClaims('old'));
    startCalls()[1]!.resolve(withClaims('new'));
    await vi.waitFor(() => expect(sessions.length).toBeGreaterThan(0));
    await settle();
    expect(tags()).toEqual(['new']);
  });

  it('starts again when the page comes back from the back-forward cache after its start failed', async () => {
    await begin({ sessionCode: 'unloaded' });
    startCalls()[0]!.resolve(withClaims('a'));
    await vi.waitFor(() => expect(codeCalls()).toHaveLength(1));
    // The browser closes a cached page's message channels: the injection's reply fails.
    codeCalls()[0]!.resolve(refused());
    await settle();
    await settle();
    expect(sessions).toHaveLength(0);
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await vi.waitFor(() => expect(startCalls()).toHaveLength(2));
    startCalls()[1]!.resolve(withClaims('a'));
    await vi.waitFor(() => expect(codeCalls()).toHaveLength(2));
    inject(1);
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
  });

  it('once refused, sends nothing more for what the page adds, and tries again when the reader acts', async () => {
    await wakeOnText();
    codeCalls()[0]!.resolve(refused());
    // A live page: updates that name something would each fetch the dictionary to fail again.
    paragraph('Update: the Government Digital Service again.');
    await new Promise((r) => setTimeout(r, 1500));
    expect({ dictionaries: dictionaryCalls().length, injections: codeCalls().length }).toEqual({ dictionaries: 1, injections: 1 });

    await recordStartsAfterRefusal();
  });

  it('reports a refusal once when the page moves to an address with claims, and still tries again for the reader', async () => {
    // On 120bc74 it was reported twice: by the frame, and again by the address change's wake.
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    await beginQuiet('The weather was fine on Tuesday.');
    dictionaryCalls()[0]!.resolve({ verdict: 'none', dictionary: null });
    await settle();
    const before = location.href;
    history.pushState(null, '', '/government/news/another-story');
    try {
      window.dispatchEvent(new Event('popstate'));
      await vi.waitFor(() => expect(calls.filter((c) => c.name === 'claims/for-page')).toHaveLength(1));
      calls.find((c) => c.name === 'claims/for-page')!.resolve({ claims: [], reveal: 'claim-1' });
      await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(2));
      dictionaryCalls()[1]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
      await vi.waitFor(() => expect(codeCalls()).toHaveLength(1));
      codeCalls()[0]!.resolve(refused());
      await settle();
      await settle();
      expect(debug.mock.calls).toEqual([['Sound Familiar:', 'Cannot access contents of the page.']]);
    } finally {
      history.replaceState(null, '', before);
    }

    // Still quiet, and not closed to the reader.
    await recordStartsAfterRefusal();
  });

  it('reports a refusal once when the reader acts while the first load is in flight, and the act then tries on its own', async () => {
    // Review 19: on 1d0cf75 the act loaded alongside the first load, shared its refused request, and
    // the one refusal was reported twice.
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    await wakeOnText();
    document.getSelection()!.selectAllChildren(document.body.firstElementChild!);
    const recorded = serving.handlers['page/record']!({ mode: 'claim' });
    await settle();
    expect(dictionaryCalls()).toHaveLength(1);
    codeCalls()[0]!.resolve(refused());
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(2));
    expect(debug.mock.calls).toEqual([['Sound Familiar:', 'Cannot access contents of the page.']]);
    dictionaryCalls()[1]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
    await vi.waitFor(() => expect(codeCalls()).toHaveLength(2));
    inject(1);
    await expect(recorded).resolves.toBe(true);
    expect(sessions).toHaveLength(1);
    expect(debug).toHaveBeenCalledTimes(1);
  });

  it('drops the first verdict when the page changes while the code is injected: the first scan reads for itself', async () => {
    await wakeOnText();
    paragraph('Added while the background injected the code.');
    inject();
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    expect(sessions[0]!.options.firstVerdict).toBeUndefined();
  });
  it('is not loaded, nor the dictionary, where the browser cannot show highlights', async () => {
    browserHas.highlights = false;
    await begin({ sessionCode: 'unloaded' });
    startCalls()[0]!.resolve(on);
    await settle();
    await settle();
    expect(codeCalls()).toHaveLength(0);
    expect(sessions).toHaveLength(0);
  });
});
