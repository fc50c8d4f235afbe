// The content script (src/content/main.ts) with the background faked, for main.test.ts and
// main-quiet.test.ts: each test imports a fresh copy of the script, and the calls it makes wait
// until the test answers them. A test file mocks these modules with the factories here:
//   vi.mock('../../../src/platform/content-messaging', async () => (await import('./main-harness')).messagingMock());
// and likewise page-session (sessionMock), highlighter, loaded-dictionary and yield-to-page.
import { expect, vi } from 'vitest';

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
export const sessionMock = () => ({
  PageSession: class {
    constructor(readonly options: { fetchClaims(url: string): Promise<unknown> }) {
      sessions.push(this);
    }
    destroy() {}
    record() {
      return true;
    }
  },
});

export const settle = () => new Promise((r) => setTimeout(r, 0));
export const startCalls = () => calls.filter((c) => c.name === 'page/start');
export const on = { enabled: true, dictionary: { entities: [] }, claims: null, echoes: true };

/** Listeners each test's copy of the script adds to the page, removed after it: copies outlive their test. */
const added: [EventTarget, string, EventListenerOrEventListenerObject][] = [];

/** Loads and runs a fresh copy of the script, up to its first 'page/start'. */
export async function begin(): Promise<void> {
  vi.resetModules();
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
