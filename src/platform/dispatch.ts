// The receiving half of runtime messaging, shared by every context: validate the message, check
// its sender, run the handler, wrap the outcome as a Reply. It touches no browser API itself, so
// the background (messaging.ts) and the content script (content-messaging.ts) run the very same
// checks whichever runtime delivers the message.

import type { Runtime } from 'webextension-polyfill';
import { parseEnvelope, type CallName, type Reply, type Request, type Response } from '../shared/messages';

export type Handlers<M> = {
  [K in CallName<M>]: (payload: Request<M, K>, sender: Runtime.MessageSender) => Promise<Response<M, K>> | Response<M, K>;
};

/** Who may make a call at all (the extension's own contexts, narrowed per call). */
export type AllowSender<M> = (sender: Runtime.MessageSender, call: CallName<M>) => boolean;

export type Validators<M> = { [K in keyof M]: (payload: unknown) => payload is Request<M, K> };

/** A runtime message listener: a reply for our calls, undefined for messages that are not ours. */
export type Listener = (message: unknown, sender: Runtime.MessageSender) => Promise<Reply<unknown>> | undefined;

/**
 * Validates a message and its sender, runs its handler, and wraps the outcome as a Reply.
 * `ownId` is this extension's id, read at each message: only our own contexts may call.
 */
export function dispatcher<M>(
  validators: Validators<M>,
  handlers: Handlers<M>,
  allowSender: (sender: Runtime.MessageSender, call: CallName<M>) => boolean,
  ownId: () => string | undefined,
): Listener {
  return (message, sender) => {
    const parsed = parseEnvelope(message, validators);
    if (typeof parsed === 'string') {
      return parsed.startsWith('unknown call') ? undefined : Promise.resolve({ ok: false, error: parsed });
    }
    if (sender.id !== ownId() || !allowSender(sender, parsed.call)) {
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

/** Where a context hears runtime messages: the background's polyfilled runtime, or the content script's native one. */
export interface MessageSource {
  ownId(): string | undefined;
  add(listener: Listener): void;
  remove(listener: Listener): void;
}

/**
 * Serves calls from `validators`' map from `source` until `signal` aborts. `allowSender` decides who
 * may call at all; messages that are not ours (no `call` this map knows) are ignored so other
 * listeners can answer them. Returns the listener, for a second channel to feed.
 */
export function serveOn<M>(
  source: MessageSource,
  validators: Validators<M>,
  handlers: Handlers<M>,
  allowSender: AllowSender<M>,
  signal?: AbortSignal,
): Listener {
  const listener = dispatcher(validators, handlers, allowSender, source.ownId);
  source.add(listener);
  signal?.addEventListener('abort', () => source.remove(listener), { once: true });
  return listener;
}

/** The value of a Reply, or the handler's error thrown. */
export function unwrap<T>(reply: Reply<T> | undefined, call: string): T {
  if (!reply || typeof reply !== 'object') throw new Error(`no reply to ${call}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
