// The content script's only door to the extension API: runtime messaging and our own URLs, taken
// straight from the browser's native namespace, so content.js carries no webextension polyfill
// (background and extension pages keep browser.ts). Firefox and Chromium from 148 have a
// promise-based `browser`; older Chromium has `chrome`, whose MV3 runtime.sendMessage returns a
// promise too. Replies go through sendResponse, which both browsers honour in every version.

import type { Runtime } from 'webextension-polyfill';

/** A listener as ours are written: a promise of the reply, or undefined for "not mine". */
export type ContentListener = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined;

type NativeListener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void) => boolean;

interface NativeRuntime {
  readonly id?: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(l: NativeListener): void; removeListener(l: NativeListener): void };
}

/**
 * Read at each use, never at load: a frame the gate turns away touches no API at all. Only a plain
 * object counts as a namespace: in Chromium a page's element with id or name "browser" shows
 * through on the isolated world's global (named access), and its named children would pass for
 * `runtime` and its id.
 */
function native(): NativeRuntime {
  const scope = globalThis as { browser?: unknown; chrome?: unknown };
  const runtime = plainObject(scope.browser)?.runtime ?? plainObject(scope.chrome)?.runtime;
  if (!runtime) throw new Error('no extension runtime');
  return runtime;
}

function plainObject(value: unknown): { runtime?: NativeRuntime } | undefined {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype ? value : undefined;
}

/** This extension's id; undefined (or a throw) once the extension is updated, reloaded or removed. */
export function runtimeId(): string | undefined {
  return native().id;
}

/** The address of one of our packaged files (`''`: our origin with its trailing slash). */
export function extensionURL(path: string): string {
  return native().getURL(path);
}

export function sendToBackground(message: unknown): Promise<unknown> {
  return native().sendMessage(message);
}

const adapted = new Map<ContentListener, NativeListener>();

/** Listens for runtime messages; a listener's promise becomes the reply (sendResponse, kept open with `true`). */
export function addMessageListener(listener: ContentListener): void {
  const wrapped: NativeListener = (message, sender, sendResponse) => {
    const reply = listener(message, sender);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  };
  adapted.set(listener, wrapped);
  native().onMessage.addListener(wrapped);
}

export function removeMessageListener(listener: ContentListener): void {
  const wrapped = adapted.get(listener);
  if (!wrapped) return;
  adapted.delete(listener);
  native().onMessage.removeListener(wrapped);
}
