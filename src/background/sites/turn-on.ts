// Turns Sound Familiar on for one of the reader's sites: the content script is registered only
// once the browser grants that origin. Asked before the grant (the popup sends this as it opens
// the prompt), it remembers the wish and finishes when the grant arrives (sites/permission-events.ts).

import { addPendingOrigin, takePendingOrigin } from '../../platform/pending-origins';
import { hasOrigin } from '../../platform/host-permissions';
import { listedSitePatterns, registerSiteScript } from '../../platform/site-scripts';
import { coveredByPatterns } from '../../shared/site-origin';

export async function turnOnSite(origin: string): Promise<{ registered: boolean }> {
  // The built-in list already runs there; a second registration would inject the script twice.
  if (coveredByPatterns(`${origin}/`, listedSitePatterns())) throw new Error(`${origin} is already one of the built-in sites`);
  if (!(await hasOrigin(origin))) {
    await addPendingOrigin(origin);
    return { registered: false };
  }
  await registerSiteScript(origin);
  // Done: a wish left over from the popup's first message must not turn the site on again later
  // (when a pack subscription, say, is granted the same origin).
  await takePendingOrigin(origin);
  return { registered: true };
}
