// The page identity claims are filed under: the URL without its fragment and without tracking
// parameters, so a shared link with ?utm_source=… finds the same claims.

const TRACKING = /^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|at_medium$|at_campaign$|ocid$|cmpid$)/;

export function pageKey(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  for (const name of [...u.searchParams.keys()]) if (TRACKING.test(name)) u.searchParams.delete(name);
  u.search = u.searchParams.toString() ? `?${u.searchParams.toString()}` : '';
  return u.href;
}
