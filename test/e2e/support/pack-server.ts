// Where the pack tests publish a pack: files at https addresses with ETags, answering
// If-None-Match with 304, and a log of what was asked (with which validator). Reached by
// Chromium through request interception and by Firefox through pack-proxy.ts.

export interface PackResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class PackServer {
  private readonly files = new Map<string, { body: string; etag: string; contentType: string }>();
  readonly requests: { url: string; ifNoneMatch: string | null }[] = [];
  private serial = 0;

  /** Publishes `body` at `url` under a fresh ETag. */
  publish(url: string, body: string, contentType = 'application/json'): this {
    this.files.set(url, { body, etag: `"v${++this.serial}"`, contentType });
    return this;
  }

  withdraw(url: string): this {
    this.files.delete(url);
    return this;
  }

  /** Whether `url` is on a host this server publishes to. */
  holds(url: string): boolean {
    const host = new URL(url).host;
    return [...this.files.keys()].some((f) => new URL(f).host === host);
  }

  /** The answer for `url` (404 for anything not published). */
  respond(url: string, ifNoneMatch: string | null): PackResponse {
    this.requests.push({ url, ifNoneMatch });
    const file = this.files.get(url);
    if (!file) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
    if (ifNoneMatch === file.etag) return { status: 304, headers: { etag: file.etag }, body: '' };
    return { status: 200, headers: { 'content-type': file.contentType, etag: file.etag }, body: file.body };
  }
}
