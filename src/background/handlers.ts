// Implements the background side of the message contract, one group of calls per concern, and
// decides who may call what: content-script calls act only for their own tab; calls that read
// or change everything are accepted only from the extension's own pages.

import type { Runtime } from '../platform/browser';
import type { Handlers } from '../platform/messaging';
import type { AskingFrame } from '../platform/asking-frame';
import { injectContentPart } from '../platform/content-part-script';
import { insertHighlightStyles } from '../platform/highlight-styles';
import { echoesWanted } from '../platform/echo-settings';
import { isOwnPage, ownOrigin } from '../platform/own-origin';
import { isSiteEnabled } from '../platform/site-settings';
import type { BackgroundCalls, CallName } from '../shared/messages';
import { BACKGROUND_CALL_SENDERS } from '../shared/messages';
import { claimHandlers, type RevealQueue } from './claim-handlers';
import { stepFromCard } from './commands';
import type { SoundFamiliarDb } from './db';
import type { DictionaryCache } from './dictionary-cache';
import { EchoCache } from './echo-cache';
import { browserEffects, type BackgroundEffects } from './effects';
import { entityHandlers } from './entity-handlers';
import { checksText, pageVerdict } from './page-verdict';
import { packHandlers, subscriptionDeps } from './packs/subscription-handlers';
import { packsNeedOrigin } from './packs/subscriptions';
import { siteHandlers } from './sites/site-handlers';
import { syncHandlers } from './sync/sync-handlers';
import { teamDeps, teamHandlers } from './team/team-handlers';

export function backgroundHandlers(
  db: SoundFamiliarDb,
  dictionary: DictionaryCache,
  ready: Promise<unknown>,
  effects: BackgroundEffects = browserEffects,
): Handlers<BackgroundCalls> {
  const reveals: RevealQueue = new Map();
  const echoes = new EchoCache(db);
  // Every change that tabs must hear of (entities, claims, imports) passes through refreshTabs:
  // the one place to drop the echo index too.
  const tabs = effects;
  effects = {
    ...tabs,
    refreshTabs: (dictionaryChanged, tabId) => {
      echoes.invalidate();
      return tabs.refreshTabs(dictionaryChanged, tabId);
    },
  };
  const claims = claimHandlers(db, reveals, effects, { ready, changed: () => dictionary.invalidate() });
  return {
    // Everything a page starts with, in one round trip. The content script reads no setting
    // itself: touching the storage API set up its bindings in every page's isolated world
    // (measured a few ms a page load).
    async 'page/start'(_payload, sender) {
      const host = senderHost(sender);
      if (host === null || !(await isSiteEnabled(host))) return { enabled: false, dictionary: null, claims: null, echoes: false };
      await ready;
      const [packed, onPage, echoesOn] = await Promise.all([
        dictionary.get(), claims['claims/for-page']({ url: sender.url! }, sender), echoesWanted(host),
      ]);
      // A page with nothing of the reader's on it gets the dictionary only if its text asks for it.
      if (onPage.claims.length === 0 && onPage.reveal === null && checksText(packed)) return { enabled: true, dictionary: null, claims: null, echoes: echoesOn };
      return { enabled: true, dictionary: packed, claims: onPage, echoes: echoesOn };
    },
    // The text is only read here, to decide; it is neither kept nor sent on (docs/SECURITY.md).
    async 'page/dictionary'({ text, needsCode }, sender) {
      const host = senderHost(sender);
      if (host === null || !(await isSiteEnabled(host))) return { verdict: 'none', dictionary: null };
      await ready;
      const packed = await dictionary.get();
      const verdict = text === null ? 'maybe' : pageVerdict(packed, text);
      if (verdict !== 'maybe') return { verdict, dictionary: null };
      if (needsCode) await withSessionCode(sender);
      return { verdict, dictionary: packed };
    },
    // A part of the content script (the session, the card code), only into the asking frame.
    async 'page/code'({ part }, sender) {
      await injectContentPart(contentScriptFrame(sender), part);
      return null;
    },
    // The highlight styles, likewise only into the asking frame, once it has something to paint.
    async 'page/styles'(_payload, sender) {
      await insertHighlightStyles(contentScriptFrame(sender));
      return null;
    },
    // The card's Previous/Next at its frame's end: the keyboard's walk, from the asking frame.
    async 'page/step-tab'({ direction }, sender) {
      return stepFromCard(contentScriptFrame(sender), direction);
    },
    async 'entity/get'({ id }) {
      await ready;
      const entity = await db.entities.get(id);
      return entity && entity.deleted === undefined ? entity : null;
    },
    async 'echoes/find'({ sentences, pageDate }, sender) {
      await ready;
      return echoes.find(sentences, pageDate ?? effects.today(), sender.url);
    },
    ...claims,
    ...entityHandlers(db, dictionary, ready, effects),
    ...syncHandlers(db, dictionary, ready, effects),
    ...siteHandlers((origin) => packsNeedOrigin(db, origin)),
    ...packHandlers(db, ready, subscriptionDeps(dictionary, effects)),
    ...teamHandlers(db, ready, teamDeps(effects)),
  };
}

/**
 * Injects the session's code into a quiet frame that is about to be sent the dictionary and said it
 * has no copy yet, before the reply: the frame needs it to load the dictionary, and would otherwise
 * ask ('page/code') a round trip later. (A frame sends its text only where highlights can show;
 * 'page/start' cannot know that, and leaves the asking to the frame.) Left to the frame too: where
 * the browser does not name the asking document (Firefox), as the frame may have navigated while
 * the text was read; and where the code cannot be injected (our own welcome page, a frame that
 * refuses), as the frame's own request tries, and reports the failure.
 */
async function withSessionCode(sender: Runtime.MessageSender): Promise<void> {
  try {
    const frame = contentScriptFrame(sender);
    if (frame.documentId !== undefined) await injectContentPart(frame, 'session');
  } catch {
    // Left to the frame's own request, as above.
  }
}

/** The host of the frame a content-script call came from, as its `location.hostname` reads it. */
function senderHost(sender: Runtime.MessageSender): string | null {
  try {
    return sender.url ? new URL(sender.url).hostname : null;
  } catch {
    return null;
  }
}

export function allowBackgroundSender(
  sender: Runtime.MessageSender,
  call: CallName<BackgroundCalls>,
  origin: string = ownOrigin(),
): boolean {
  // Extension pages (popup, editor frame, claims list) have our origin; content scripts the page's.
  const extension = isOwnPage(sender.url, origin);
  if (BACKGROUND_CALL_SENDERS[call] === 'extension') return extension;
  // Content calls: from a tab. Our own welcome page runs the content script too.
  return sender.tab?.id !== undefined;
}

/** The frame a content script asked from: a tab's frame, never one of our own pages. */
function contentScriptFrame(sender: Runtime.MessageSender): AskingFrame {
  if (sender.tab?.id === undefined || sender.frameId === undefined || isOwnPage(sender.url)) throw new Error('no content-script frame');
  return { tabId: sender.tab.id, frameId: sender.frameId, documentId: (sender as { documentId?: string }).documentId };
}
