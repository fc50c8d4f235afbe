// The reader's own sites as the options page lists them: every origin our content script is
// registered for, and whether the browser still grants it.

import { hasOrigin } from '../../platform/host-permissions';
import { registeredSiteOrigins } from '../../platform/site-scripts';
import type { SiteView } from '../../shared/site-pack-calls';

export async function listSites(): Promise<SiteView[]> {
  const origins = await registeredSiteOrigins();
  return Promise.all(origins.map(async (origin) => ({ origin, granted: await hasOrigin(origin) })));
}
