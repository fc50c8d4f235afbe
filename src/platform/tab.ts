// How the background and the popup call the content script in a tab: one typed function, as
// `background()` is for calls the other way. The call's name fixes its payload and reply.

import { callTab } from './messaging';
import type { CallName, ContentCalls, Request, Response } from '../shared/messages';

/** Calls `call` in the top frame of `tabId`, or in `frameId`. Rejects if nobody there answers. */
export function tab<K extends CallName<ContentCalls>>(tabId: number, call: K, payload: Request<ContentCalls, K>, frameId = 0): Promise<Response<ContentCalls, K>> {
  return callTab<ContentCalls, K>(tabId, call, payload, frameId);
}
