// Turns Sound Familiar off for one of the reader's sites: the registration goes, and so does the
// host permission, unless a pack subscription still fetches from that origin.

import { removeOrigin } from '../../platform/host-permissions';
import { unregisterSiteScript } from '../../platform/site-scripts';

export async function turnOffSite(origin: string, stillNeeded: (origin: string) => Promise<boolean>): Promise<void> {
  await unregisterSiteScript(origin);
  if (!(await stillNeeded(origin))) await removeOrigin(origin);
}
