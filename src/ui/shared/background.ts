// How extension pages (popup, editor, claims list) call the background: one typed function.

import { callBackground } from '../../platform/messaging';
import type { BackgroundCalls, CallName, Request, Response } from '../../shared/messages';

export function background<K extends CallName<BackgroundCalls>>(call: K, payload: Request<BackgroundCalls, K>): Promise<Response<BackgroundCalls, K>> {
  return callBackground<BackgroundCalls, K>(call, payload);
}
