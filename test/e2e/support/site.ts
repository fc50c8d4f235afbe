// The pretend internet: a map from URL to response. Every test serves its pages at real https
// addresses (www.gov.uk, www.bbc.co.uk) through the browser's request interception, and every
// request this map does not know is aborted, so nothing ever leaves the machine.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir } from './paths';

export interface Served {
  status: number;
  contentType: string;
  body: Buffer;
}

export class Site {
  private readonly routes = new Map<string, Served>();
  /** URLs asked for and refused, for debugging a test that waits for something never served. */
  readonly aborted: string[] = [];

  /** Serves `html` (a string or bytes) at `url`. Replaces whatever was there. */
  html(url: string, html: string | Buffer): this {
    this.routes.set(key(url), { status: 200, contentType: 'text/html; charset=utf-8', body: Buffer.isBuffer(html) ? html : Buffer.from(html) });
    return this;
  }

  /** Serves test/e2e/fixtures/<name> at `url`. */
  fixture(url: string, name: string): this {
    return this.html(url, fixture(name));
  }

  /** The response for `url`, or undefined to abort it (and remember that). */
  respond(url: string): Served | undefined {
    const served = this.routes.get(key(url));
    if (!served) this.aborted.push(url);
    return served;
  }
}

export function fixture(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}

function key(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}
