// A second road between extension pages and the background, for calls that carry megabytes:
// postMessage to the extension's own service worker uses structured clone, where Chromium's
// runtime messaging serialises to JSON (about 2 s per 22 MB here). Only pages of our own origin
// can reach our service worker, and every message still goes through the same validation and
// sender checks. Where the background is not a service worker (Firefox), callers fall back.

import browser, { type Runtime } from './browser';
import type { Envelope, Reply } from '../shared/messages';
import { isOwnPage } from './own-origin';

type Dispatch = (message: unknown, sender: Runtime.MessageSender) => Promise<Reply<unknown>> | undefined;

interface WorkerMessageEvent {
  data: unknown;
  ports: readonly MessagePort[];
  source: { url?: string } | null;
  waitUntil(promise: Promise<unknown>): void;
}

/** Sends `envelope` to the background service worker; undefined if there is none to ask. */
export async function callViaWorker(envelope: Envelope): Promise<Reply<unknown> | undefined> {
  const worker = (await navigator.serviceWorker?.getRegistration?.().catch(() => undefined))?.active;
  if (!worker) return undefined;
  const channel = new MessageChannel();
  const reply = new Promise<Reply<unknown>>((resolve) => {
    channel.port1.onmessage = (event) => resolve(event.data as Reply<unknown>);
  });
  worker.postMessage(envelope, [channel.port2]);
  return reply.finally(() => channel.port1.close());
}

/** In a service worker background, answers callViaWorker with the same dispatch as runtime messages. */
export function serveWorkerChannel(dispatch: Dispatch, signal?: AbortSignal): void {
  const scope = globalThis as unknown as { ServiceWorkerGlobalScope?: unknown; addEventListener(type: string, fn: (e: WorkerMessageEvent) => void, options?: AddEventListenerOptions): void };
  if (typeof scope.ServiceWorkerGlobalScope !== 'function') return;
  scope.addEventListener('message', (event: WorkerMessageEvent) => {
    const port = event.ports[0];
    const url = event.source?.url;
    if (!port || !isOwnPage(url)) return;
    const answer = (dispatch(event.data, { id: browser.runtime.id, url }) ?? Promise.resolve({ ok: false as const, error: 'unknown call' }))
      .then((reply) => port.postMessage(reply));
    event.waitUntil(answer);
  }, { signal });
}
