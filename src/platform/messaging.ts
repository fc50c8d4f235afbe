// Typed request/response over runtime messaging. Senders get a `Reply` back, never a thrown
// structured-clone error; receivers validate every payload and check who sent it before acting
// (dispatch.ts). The content script has its own copy of this door: content-messaging.ts.

import browser from './browser';
import { callViaWorker, serveWorkerChannel } from './worker-channel';
import { serveOn, unwrap, type AllowSender, type Handlers, type Listener, type Validators } from './dispatch';
import type { CallName, Envelope, Reply, Request, Response } from '../shared/messages';

export type { Handlers };

/**
 * Calls the background. Rejects with the handler's error message if it failed. `bulk` calls
 * (a whole export file) go over the service worker's own channel where there is one: Chromium
 * sends runtime messages as JSON, which costs seconds for tens of megabytes.
 */
export async function callBackground<M, K extends CallName<M>>(call: K, payload: Request<M, K>, { bulk = false } = {}): Promise<Response<M, K>> {
  const envelope = { call, payload } satisfies Envelope;
  const viaWorker = bulk ? await callViaWorker(envelope) : undefined;
  const reply = (viaWorker ?? (await browser.runtime.sendMessage(envelope))) as Reply<Response<M, K>> | undefined;
  return unwrap(reply, call);
}

/** Calls the content script in one frame of a tab (the top frame unless told otherwise). */
export async function callTab<M, K extends CallName<M>>(tabId: number, call: K, payload: Request<M, K>, frameId = 0): Promise<Response<M, K>> {
  const reply = (await browser.tabs.sendMessage(tabId, { call, payload } satisfies Envelope, { frameId })) as Reply<Response<M, K>> | undefined;
  return unwrap(reply, call);
}

/** Serves calls from `validators`' map (dispatch.ts serveOn) on the runtime and, in the service worker, its own channel. */
export function serve<M>(validators: Validators<M>, handlers: Handlers<M>, allowSender: AllowSender<M>, signal?: AbortSignal): void {
  const runtime = {
    ownId: () => browser.runtime.id,
    add: (l: Listener) => browser.runtime.onMessage.addListener(l),
    remove: (l: Listener) => browser.runtime.onMessage.removeListener(l),
  };
  serveWorkerChannel(serveOn(runtime, validators, handlers, allowSender, signal), signal);
}
