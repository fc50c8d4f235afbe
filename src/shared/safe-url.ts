// The one gate for links shown to users: only absolute https URLs pass; everything else
// (http:, javascript:, data:, relative paths, addresses with a user name or password, garbage)
// becomes undefined. Plain http would let a network attacker swap the page a reader opens to
// check a source.

export function safeHttpsUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    // "https://www.gov.uk@evil.example/" reads as GOV.UK but goes to evil.example: no credentials.
    if (url.username !== '' || url.password !== '') return undefined;
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The address of a page a claim was recorded on: http or https, since claims made before the
 * extension went https-only keep their pages. It is never rendered as a link (safeHttpsUrl is).
 */
export function pageAddress(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
