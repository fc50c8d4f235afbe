// Typed request/response for the content script, over content-runtime.ts (no polyfill). The same
// contract as messaging.ts: calls get a Reply back, and every message received goes through the
// one dispatcher (dispatch.ts): validated, its sender checked, before any handler runs.

import type { Runtime } from 'webextension-polyfill';
import { addMessageListener, extensionURL, removeMessageListener, runtimeId, sendToBackground } from './content-runtime';
import { serveOn, unwrap, type AllowSender, type Handlers, type Validators } from './dispatch';
import { isUnderOrigin } from './own-page';
import type { CallName, Envelope, Reply, Request, Response } from '../shared/messages';

/** Calls the background. Rejects with the handler's error message if it failed. */
export async function callBackground<M, K extends CallName<M>>(call: K, payload: Request<M, K>): Promise<Response<M, K>> {
  const reply = (await sendToBackground({ call, payload } satisfies Envelope)) as Reply<Response<M, K>> | undefined;
  return unwrap(reply, call);
}

/** Serves calls from `validators`' map (dispatch.ts serveOn) on the content script's runtime. */
export function serve<M>(validators: Validators<M>, handlers: Handlers<M>, allowSender: AllowSender<M>, signal?: AbortSignal): void {
  serveOn({ ownId: runtimeId, add: addMessageListener, remove: removeMessageListener }, validators, handlers, allowSender, signal);
}

/**
 * True once the extension this script belongs to has been updated, reloaded or removed. Chromium
 * leaves the old content scripts running in open tabs, cut off: their runtime has no id and every
 * call fails.
 */
export function extensionGone(): boolean {
  try {
    return !runtimeId();
  } catch {
    return true;
  }
}

/**
 * True when a message reaching a content script came from this extension's own contexts: the
 * background or popup (no tab), or an extension page such as the editor frame (our origin).
 * Web pages cannot message content scripts through the runtime at all; this is the second lock.
 */
export function isExtensionContext(sender: Runtime.MessageSender): boolean {
  return !sender.tab || isUnderOrigin(sender.url, extensionURL(''));
}
