// The message handlers for the reader's own sites: list, turn on, turn off. Extension pages only
// (BACKGROUND_CALL_SENDERS); a page can neither see nor change which sites the reader chose.

import type { Handlers } from '../../platform/messaging';
import type { BackgroundCalls } from '../../shared/messages';
import { createContextMenus } from '../context-menu';
import { listSites } from './site-list';
import { turnOffSite } from './turn-off';
import { turnOnSite } from './turn-on';

type SiteCalls = Pick<Handlers<BackgroundCalls>, 'sites/list' | 'sites/turn-on' | 'sites/turn-off'>;

/** `packsNeed` says whether a pack subscription still fetches from an origin (its permission stays). */
export function siteHandlers(packsNeed: (origin: string) => Promise<boolean>): SiteCalls {
  return {
    'sites/list': () => listSites(),
    async 'sites/turn-on'({ origin }) {
      const done = await turnOnSite(origin);
      if (done.registered) await createContextMenus();
      return done;
    },
    async 'sites/turn-off'({ origin }) {
      await turnOffSite(origin, packsNeed);
      await createContextMenus();
      return null;
    },
  };
}
