// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://www.gov.uk/government/news/a" }
// A page without claims starts quiet (issue 12), with the background faked (main-harness.ts): its
// text goes to the background, and a session starts only if that text (or text the page adds
// later) could name something, the page moves to an address with claims, or the reader acts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_CHECKED_TEXT } from '../../../src/shared/page-start';
import { registerPart } from '../../../src/content/lazy/part-registry';
import type { SessionParts } from '../../../src/content/lazy/session-parts';
import { begin, calls, cleanUp, serving, sessions, settle, startCalls } from './main-harness';

vi.mock('../../../src/platform/content-messaging', async () => (await import('./main-harness')).messagingMock());
vi.mock('../../../src/content/highlight/supported', () => ({ highlightsSupported: () => true }));
vi.mock('../../../src/content/yield-to-page', () => ({ yieldToPage: async () => undefined }));

afterEach(cleanUp);

describe('a page without claims starts quiet', () => {
  const quietStart = { enabled: true, dictionary: null, claims: null, echoes: true };
  const dictionaryCalls = () => calls.filter((c) => c.name === 'page/dictionary');
  const texts = () => dictionaryCalls().map((c) => (c.payload as { text: string | null }).text);
  const paragraph = (text: string) => document.body.appendChild(Object.assign(document.createElement('p'), { textContent: text }));

  async function beginQuiet(): Promise<void> {
    paragraph('The weather was fine on Tuesday.');
    await begin();
    startCalls()[0]!.resolve(quietStart);
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(1));
  }

  /**
   * A quiet frame whose first text named nothing, once the page adds `text` and the frame sends it
   * (the second check); `meanwhile` runs before the page adds it.
   */
  async function quietThenAdds(text: string, meanwhile: () => void = () => undefined): Promise<void> {
    await beginQuiet();
    dictionaryCalls()[0]!.resolve({ verdict: 'none', dictionary: null });
    await settle();
    meanwhile();
    paragraph(text);
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(2), { timeout: 3000 });
  }

  it('sends the page\'s text and starts nothing when it names nothing', async () => {
    await beginQuiet();
    expect(texts()[0]).toContain('The weather was fine on Tuesday.');
    dictionaryCalls()[0]!.resolve({ verdict: 'none', dictionary: null });
    await settle();
    await settle();
    expect(sessions).toHaveLength(0);
  });

  it('starts with the background\'s verdict when the text could name something, so the first scan need not read it again', async () => {
    await beginQuiet();
    dictionaryCalls()[0]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    expect(sessions[0]!.options.firstVerdict).toBe('maybe');
  });

  it('passes on no verdict when no text was sent (too long to send): the first scan reads for itself', async () => {
    paragraph('The weather. '.repeat(Math.ceil((MAX_CHECKED_TEXT + 1) / 13)));
    await begin();
    startCalls()[0]!.resolve(quietStart);
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(1));
    expect(texts()[0]).toBeNull();
    dictionaryCalls()[0]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    expect(sessions[0]!.options.firstVerdict).toBeUndefined();
  });

  it('checks the whole page again after its first check failed (the background restarting)', async () => {
    await beginQuiet();
    dictionaryCalls()[0]!.resolve(Promise.reject(new Error('Receiving end does not exist.')));
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(2), { timeout: 3000 });
    expect(texts()[1]).toContain('The weather was fine on Tuesday.');
    dictionaryCalls()[1]!.resolve({ verdict: 'none', dictionary: null });
    await settle();
    expect(sessions).toHaveLength(0);
  });

  it('drops the verdict if the page changed after its text was read', async () => {
    await beginQuiet();
    paragraph('Added while the background was reading.');
    dictionaryCalls()[0]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    expect(sessions[0]!.options.firstVerdict).toBeUndefined();
  });

  it('sends only what the page adds later, and wakes when that could name something', async () => {
    await quietThenAdds('A ticker line.');
    expect(texts()[1]).toContain('A ticker line.');
    expect(texts()[1]).not.toContain('weather');
    dictionaryCalls()[1]!.resolve({ verdict: 'none', dictionary: null });
    await settle();
    paragraph('The Government Digital Service said so.');
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(3), { timeout: 3000 });
    expect(sessions).toHaveLength(0);
    dictionaryCalls()[2]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    // Woken by added text, the session reads the whole page itself.
    expect(sessions[0]!.options.firstVerdict).toBeUndefined();
  });

  it('reports a session that fails to start when text the page added woke it', async () => {
    // On 6d11d25 the wake's failure was swallowed: a page woken by what it added was silently left dead.
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const failing = {
      PageSession: class {
        constructor() {
          throw new Error('session failed to start');
        }
      },
      loadDictionary: (d: unknown) => d,
    } as unknown as SessionParts;
    await quietThenAdds('The Government Digital Service said so.', () => registerPart('session', failing));
    dictionaryCalls()[1]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
    await vi.waitFor(() => expect(debug.mock.calls).toEqual([['Sound Familiar:', 'session failed to start']]));
  });

  /** The site is switched off while check `n` is in flight, and then that check fails: what reached the console. */
  async function failsAfterSwitchOff(n: number): Promise<unknown[][]> {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    serving.handlers['page/sites']!({ off: ['www.gov.uk'], on: [] });
    dictionaryCalls()[n]!.resolve(Promise.reject(new Error('Receiving end does not exist.')));
    await settle();
    await settle();
    return debug.mock.calls;
  }

  it('reports nothing when a wake fails after the frame ended (the site switched off meanwhile)', async () => {
    // Review 20: on 402e3b0 the failure of a check the frame no longer waited for reached the console.
    await quietThenAdds('The Government Digital Service said so.');
    expect(await failsAfterSwitchOff(1)).toEqual([]);
  });

  it('reports nothing when its first check fails after the frame ended, as a later wake does', async () => {
    // Review 20: on 1d71f45 the first check still rethrew once ended, and start() reported it.
    await beginQuiet();
    expect(await failsAfterSwitchOff(0)).toEqual([]);
  });

  it('starts the session for a record command, asking for the dictionary without text; not with nothing selected', async () => {
    await beginQuiet();
    dictionaryCalls()[0]!.resolve({ verdict: 'none', dictionary: null });
    await settle();
    expect(await serving.handlers['page/record']!({ mode: 'claim' })).toBe(false);
    expect(dictionaryCalls()).toHaveLength(1);
    document.getSelection()!.selectAllChildren(document.querySelector('p')!);
    const recorded = serving.handlers['page/record']!({ mode: 'claim' });
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(2));
    expect(texts()[1]).toBeNull();
    dictionaryCalls()[1]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
    expect(await recorded).toBe(true);
    expect(sessions).toHaveLength(1);
  });

  it('asks for its claims when claims change, and starts if the page now has some, placing those', async () => {
    await beginQuiet();
    dictionaryCalls()[0]!.resolve({ verdict: 'none', dictionary: null });
    await settle();
    const refreshed = Promise.resolve(serving.handlers['page/refresh']!({ dictionary: false }));
    await vi.waitFor(() => expect(calls.filter((c) => c.name === 'claims/for-page')).toHaveLength(1));
    const claims = { claims: [], reveal: 'claim-1' };
    calls.find((c) => c.name === 'claims/for-page')!.resolve(claims);
    // The text's verdict still holds: the dictionary is asked for without it.
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(2));
    expect(texts()[1]).toBeNull();
    dictionaryCalls()[1]!.resolve({ verdict: 'maybe', dictionary: { entities: [] } });
    await refreshed;
    expect(sessions).toHaveLength(1);
    expect(await sessions[0]!.options.fetchClaims(location.href)).toEqual(claims);
  });

  it('asks for the claims of the address a single-page site moves to', async () => {
    await beginQuiet();
    dictionaryCalls()[0]!.resolve({ verdict: 'none', dictionary: null });
    await settle();
    const before = location.href;
    history.pushState(null, '', '/government/news/another-story');
    try {
      paragraph('Another story.');
      await vi.waitFor(() => expect(calls.filter((c) => c.name === 'claims/for-page')).toHaveLength(1));
      expect(calls.find((c) => c.name === 'claims/for-page')!.payload).toEqual({ url: 'https://www.gov.uk/government/news/another-story' });
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('reads the text again when the knowledge changes', async () => {
    await beginQuiet();
    dictionaryCalls()[0]!.resolve({ verdict: 'none', dictionary: null });
    await settle();
    void serving.handlers['page/refresh']!({ dictionary: true });
    await vi.waitFor(() => expect(startCalls()).toHaveLength(2));
    startCalls()[1]!.resolve(quietStart);
    await vi.waitFor(() => expect(dictionaryCalls()).toHaveLength(2));
    expect(texts()[1]).toContain('The weather was fine on Tuesday.');
  });
});
