// The part of `storage.session` the worker keeps things in across its stops: in memory, until the
// browser closes (and, in Chromium, until the extension is reloaded or updated), readable by our
// own pages and workers only, never by content scripts.

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}
