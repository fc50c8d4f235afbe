// How extension pages (popup, editor, claims list) call the background: one typed function.

import { callBackground } from '../../platform/messaging';
import type { BackgroundCalls, CallName, Request, Response } from '../../shared/messages';

/** Calls that carry a whole export file: sent over the faster bulk road where there is one. */
const BULK = new Set<string>(['sync/preview', 'sync/export', 'sync/export-csv']);

export function background<K extends CallName<BackgroundCalls>>(call: K, payload: Request<BackgroundCalls, K>): Promise<Response<BackgroundCalls, K>> {
  return callBackground<BackgroundCalls, K>(call, payload, { bulk: BULK.has(call) });
}
