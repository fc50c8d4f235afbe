// Keeps registrations and permissions in step when they change outside our pages: a permission
// revoked in the browser's own settings unregisters that site (at start-up too, in case it was
// revoked while we were not running), and a grant that arrives after the asking popup closed
// finishes turning the site on.

import { hasOrigin, onOriginsAdded, onOriginsRemoved } from '../../platform/host-permissions';
import { createContextMenus } from '../context-menu';
import { takePendingOrigin } from '../../platform/pending-origins';
import { refreshSiteScript, registeredSiteOrigins, registerSiteScript, unregisterSiteScript } from '../../platform/site-scripts';

/**
 * Unregisters every site whose permission is gone, and brings the rest up to this version's
 * registration; returns the origins dropped.
 */
export async function reconcileSites(): Promise<string[]> {
  const dropped: string[] = [];
  for (const origin of await registeredSiteOrigins()) {
    if (await hasOrigin(origin)) {
      await refreshSiteScript(origin);
      continue;
    }
    await unregisterSiteScript(origin);
    dropped.push(origin);
  }
  return dropped;
}

/** Registers the listeners; call synchronously at background start-up. */
export function listenForSitePermissions(): void {
  onOriginsRemoved((origins) => {
    void Promise.all(origins.map((origin) => unregisterSiteScript(origin))).then(createContextMenus).catch((error: unknown) => {
      console.error('Sound Familiar: unregistering a revoked site failed', error);
    });
  });
  onOriginsAdded((origins) => {
    void Promise.all(origins.map(async (origin) => {
      if ((await takePendingOrigin(origin)) && (await hasOrigin(origin))) await registerSiteScript(origin);
    })).then(createContextMenus).catch((error: unknown) => {
      console.error('Sound Familiar: turning on a granted site failed', error);
    });
  });
}
