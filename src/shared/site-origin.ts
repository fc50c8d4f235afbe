// The reader's own sites, as the contract names them: an https origin on the default port
// ("https://www.example.org"), its one match pattern, and whether the built-in site list already
// covers an address. Pure: the browser calls live in platform/, the decisions in background/sites/.

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** True for "https://host" with a lower-case DNS host (IDNs in punycode), no port, path or IP literal. */
export function isSiteOrigin(value: unknown): value is string {
  if (typeof value !== 'string' || !value.startsWith('https://')) return false;
  const host = value.slice('https://'.length);
  // An IPv4 address is not a site a reader subscribes to by name, and its pattern reads oddly.
  return HOST.test(host) && !/^[\d.]+$/.test(host);
}

/** The https origin of `url`, or null for anything else (http, file, a port, an IP address). */
export function siteOrigin(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username || parsed.password) return null;
  const origin = `https://${parsed.hostname}`;
  return isSiteOrigin(origin) ? origin : null;
}

/** The match pattern that covers exactly this origin's pages. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** The origin a pattern made by originPattern stands for; null for any other pattern. */
export function patternOrigin(pattern: string): string | null {
  if (!pattern.endsWith('/*')) return null;
  const origin = pattern.slice(0, -2);
  return isSiteOrigin(origin) ? origin : null;
}

/**
 * Whether the https address `url` is matched by one of `patterns` in the manifest's form
 * (`https://*.gov.uk/*` matches gov.uk and every subdomain; `https://host/*` that host only).
 */
export function coveredByPatterns(url: string, patterns: readonly string[]): boolean {
  const origin = siteOrigin(url);
  if (!origin) return false;
  const host = origin.slice('https://'.length);
  return patterns.some((pattern) => {
    const m = /^https:\/\/([^/]+)\/\*$/.exec(pattern);
    if (!m) return false;
    const want = m[1]!;
    if (want.startsWith('*.')) {
      const base = want.slice(2);
      return host === base || host.endsWith(`.${base}`);
    }
    return host === want;
  });
}
