// The one gate for links shown to users: only absolute http(s) URLs pass; everything else
// (javascript:, data:, relative paths, garbage) becomes undefined.

export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
