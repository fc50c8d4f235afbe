// The content script (src/content/main.ts) with the background faked, for main.test.ts and
// main-quiet.test.ts: each test imports a fresh copy of the script, and the calls it makes wait
// until the test answers them. A test file mocks these modules with the factories here:
//   vi.mock('../../../src/platform/content-messaging', async () => (await import('./main-harness')).messagingMock());
// and likewise highlight/supported and yield-to-page. The session's code (content-session.js) is a
// fake registered as the real script registers itself, unless a test asks to load it (begin()).
import { expect, vi } from 'vitest';
import { registerPart } from '../../../src/content/lazy/part-registry';
import type { SessionParts } from '../../../src/content/lazy/session-parts';

type Handler = (payload: unknown) => unknown;
interface State {
  /** Every call the script made to the background, answered when the test resolves it. */
  calls: { name: string; payload: unknown; resolve: (value: unknown) => void }[];
  /** What the script serves (its handlers) and whom it lets call, as it last told 'serve'. */
  serving: { handlers: Record<string, Handler>; allowSender: (sender: object, call: string) => boolean };
  sessions: { options: { fetchClaims(url: string): Promise<unknown>; firstVerdict?: string } }[];
}
// On the global object: each test's vi.resetModules() makes the mocks' factories import a fresh
// copy of this module, which must share the test's state.
const state: State = ((globalThis as { __mainHarness?: State }).__mainHarness ??= {
  calls: [],
  serving: { handlers: {}, allowSender: () => false },
  sessions: [],
});
export const { calls, serving, sessions } = state;

export const messagingMock = () => ({
  callBackground: (name: string, payload: unknown) => new Promise((resolve) => calls.push({ name, payload, resolve })),
  serve: (_validators: unknown, h: Record<string, Handler>, allow: typeof serving.allowSender) => void ((serving.handlers = h), (serving.allowSender = allow)),
  isExtensionContext: () => true,
  extensionGone: () => false,
});
class FakeSession {
  constructor(readonly options: { fetchClaims(url: string): Promise<unknown> }) {
    sessions.push(this);
  }
  destroy() {}
  record() {
    return true;
  }
}

/** What content-session.js would register: a fake session, and the dictionary taken as it comes. */
export function registerFakeSessionCode(): void {
  registerPart('session', { PageSession: FakeSession, loadDictionary: (d: unknown) => d } as unknown as SessionParts);
}

const SESSION_KEY = Symbol.for('sound-familiar/session');

export const settle = () => new Promise((r) => setTimeout(r, 0));
export const startCalls = () => calls.filter((c) => c.name === 'page/start');
export const on = { enabled: true, dictionary: { entities: [] }, claims: null, echoes: true };

/** Listeners each test's copy of the script adds to the page, removed after it: copies outlive their test. */
const added: [EventTarget, string, EventListenerOrEventListenerObject][] = [];

/**
 * Loads and runs a fresh copy of the script, up to its first 'page/start'. With `sessionCode:
 * 'unloaded'` the frame has not loaded the session's code yet, and asks for it when it needs it.
 */
export async function begin({ sessionCode = 'loaded' }: { sessionCode?: 'loaded' | 'unloaded' } = {}): Promise<void> {
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[SESSION_KEY];
  if (sessionCode === 'loaded') registerFakeSessionCode();
  for (const target of [window, document] as EventTarget[]) {
    const add = target.addEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
      if (listener) added.push([target, type, listener]);
      add(type, listener, options);
    });
  }
  calls.length = 0;
  sessions.length = 0;
  const { run } = await import('../../../src/content/main');
  run();
  await settle(); // the idle callback, or its timer
  await vi.waitFor(() => expect(startCalls()).toHaveLength(1));
}

/** After each test: the copy stops watching the page, and its listeners go. */
export function cleanUp(): void {
  serving.handlers['page/sites']?.({ off: [location.hostname], on: [] });
  document.body.replaceChildren();
  for (const [target, type, listener] of added.splice(0)) target.removeEventListener(type, listener);
  vi.restoreAllMocks();
}

/** Records every listener the test itself adds (the 'loading the script' test counts them). */
export function trackListener(target: EventTarget, type: string, listener: EventListenerOrEventListenerObject): void {
  added.push([target, type, listener]);
}
