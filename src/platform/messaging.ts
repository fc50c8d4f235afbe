// Typed request/response over runtime messaging. Senders get a `Reply` back, never a thrown
// structured-clone error; receivers validate every payload and check who sent it before acting.

import browser, { type Runtime } from './browser';
import { isOwnPage } from './own-origin';
import { callViaWorker, serveWorkerChannel } from './worker-channel';
import {
  parseEnvelope,
  type CallName,
  type Envelope,
  type Reply,
  type Request,
  type Response,
} from '../shared/messages';

export type Handlers<M> = {
  [K in CallName<M>]: (payload: Request<M, K>, sender: Runtime.MessageSender) => Promise<Response<M, K>> | Response<M, K>;
};

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

function unwrap<T>(reply: Reply<T> | undefined, call: string): T {
  if (!reply || typeof reply !== 'object') throw new Error(`no reply to ${call}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * Serves calls from `validators`' map. `allowSender` decides who may call at all; messages that
 * are not ours (no `call` this map knows) are ignored so other listeners can answer them.
 */
export function serve<M>(
  validators: { [K in keyof M]: (payload: unknown) => payload is Request<M, K> },
  handlers: Handlers<M>,
  allowSender: (sender: Runtime.MessageSender, call: CallName<M>) => boolean,
  signal?: AbortSignal,
): void {
  const listener = dispatcher(validators, handlers, allowSender);
  browser.runtime.onMessage.addListener(listener);
  serveWorkerChannel(listener, signal);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/** Validates a message and its sender, runs its handler, and wraps the outcome as a Reply. */
function dispatcher<M>(
  validators: { [K in keyof M]: (payload: unknown) => payload is Request<M, K> },
  handlers: Handlers<M>,
  allowSender: (sender: Runtime.MessageSender, call: CallName<M>) => boolean,
) {
  return (message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
    const parsed = parseEnvelope(message, validators);
    if (typeof parsed === 'string') {
      return parsed.startsWith('unknown call') ? undefined : Promise.resolve({ ok: false, error: parsed });
    }
    if (sender.id !== browser.runtime.id || !allowSender(sender, parsed.call)) {
      return Promise.resolve({ ok: false, error: `sender not allowed for ${parsed.call}` });
    }
    const handler = handlers[parsed.call] as (p: unknown, s: Runtime.MessageSender) => unknown;
    return Promise.resolve()
      .then(() => handler(parsed.payload, sender))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
      );
  };
}

/**
 * True once the extension this script belongs to has been updated, reloaded or removed. Chromium
 * leaves the old content scripts running in open tabs, cut off: their runtime has no id and every
 * call fails.
 */
export function extensionGone(): boolean {
  try {
    return !browser.runtime?.id;
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
  return !sender.tab || isOwnPage(sender.url);
}
