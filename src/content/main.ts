// The content script proper, run by index.ts in a frame worth reading. Does nothing visible
// until it knows the site is on; answers the popup and the background either way. Everything it
// starts can be torn down. It learns the site switch from the background ('page/start', then
// 'page/sites' when the reader flips it) and never touches the storage API: setting that up cost
// every page load a few milliseconds. A page with no claims is sent no dictionary until its text
// could name something ('page/dictionary'): until then the frame stays quiet (quiet/quiet-frame.ts),
// and wakes when the page adds such text, moves to an address with claims, or the reader acts. The
// session's code (scanner, matcher, page features) is a part of its own, loaded with the dictionary.

import { isBackground } from '../platform/background-sender';
import { callBackground, extensionGone, isExtensionContext, serve } from '../platform/content-messaging';
import { contentValidators, type BackgroundCalls, type ContentCalls } from '../shared/messages';
import type { ContentPart } from '../shared/content-parts';
import type { ShownClaim } from '../shared/team/team-calls';
import { highlightsSupported } from './highlight/supported';
import { stylesRequester } from './highlight/highlight-styles';
import { partLoader, requestPartScript } from './lazy/load-part';
import { registeredPart } from './lazy/part-registry';
import { dictionaryLoader, type Loaded } from './lazy/load-session';
import type { PageSession } from './page-session';
import { QuietFrame, type Awake } from './quiet/quiet-frame';

const host = location.hostname;
const lifetime = new AbortController();
let session: PageSession | null = null;
/** Set while the page has no claims and, as far as read, names nothing we know: no dictionary is held. */
let quiet: QuietFrame<Loaded> | null = null;
/** The site switch: unknown (null) until the background has said. */
let enabled: boolean | null = null;
let starting: Promise<Started> | null = null;
/** Counts stops: a start that was waiting (for its reply, for the session's code) across one is out of date. */
let stops = 0;
/** A part of the content script, loaded once per frame on first need; sessions share them. */
const loaderOf = <P extends ContentPart>(part: P) =>
  partLoader(part, () => orphanAware(() => requestPartScript(part, () => call('page/code', { part }))));
const load = dictionaryLoader(loaderOf('session'));
const loadUi = loaderOf('ui');
/** highlights.css, asked for once per document, when a session first registers a public highlight. */
const requestStyles = stylesRequester(() => call('page/styles', {}));

/**
 * What 'page/start' said, with the dictionary loaded; `claims` are for the page at `url`, used
 * once. An enabled start with no dictionary leaves it to the page's text (quiet/quiet-frame.ts).
 */
interface Started {
  enabled: boolean;
  dictionary: Loaded | null;
  url: string;
  claims: { claims: ShownClaim[]; reveal: string | null } | null;
  echoes: boolean;
}
/** A new dictionary arrived while the editor was open; restart once it closes. */
let restartAfterEditing = false;
/** Settles once the site switch is read and the first session (if any) has started. */
let markInitialised: () => void = () => undefined;
const initialised = new Promise<void>((resolve) => (markInitialised = resolve));

/**
 * Runs `work`; if it fails (a throw or a rejection) because the extension is gone, takes this copy
 * down. Even asking where our files are throws in an orphaned Chromium script.
 */
function orphanAware<T>(work: () => Promise<T>): Promise<T> {
  return Promise.resolve().then(work).catch((error: unknown) => {
    if (extensionGone()) shutDown();
    throw error;
  });
}

const call = <K extends keyof BackgroundCalls & string>(name: K, payload: Parameters<typeof callBackground<BackgroundCalls, K>>[1]) =>
  orphanAware(() => callBackground<BackgroundCalls, K>(name, payload));

/**
 * After an update or reload this copy of the script is orphaned: its highlights and card would
 * only mislead (every card would fail to load), so it takes everything down. It notices when a
 * call fails, or when the reader comes back to the tab.
 */
function shutDown(): void {
  stop();
  lifetime.abort();
}

async function recheckSwitch(): Promise<void> {
  starting = null;
  const reply = await getStart();
  if (reply.enabled === enabled) return;
  enabled = reply.enabled;
  stop();
  // Switched on: start() builds on the reply just read (getStart keeps it).
  if (enabled) await start();
}

/**
 * The site switch and, where the site is on, the dictionary, this page's claims and the echo
 * switch: one round trip, kept until something changes.
 */
function getStart(): Promise<Started> {
  const url = location.href;
  starting ??= call('page/start', {}).then(async (reply): Promise<Started> => {
    if (!reply.enabled) return { enabled: false, dictionary: null, url, claims: null, echoes: false };
    // Where highlights cannot show, neither the session's code nor the dictionary is loaded.
    if (!reply.dictionary || !highlightsSupported()) return { enabled: true, dictionary: null, url, claims: null, echoes: reply.echoes };
    return { enabled: true, dictionary: await load(reply.dictionary), url, claims: reply.claims, echoes: reply.echoes };
  });
  starting.catch(() => (starting = null));
  return starting;
}

async function start(): Promise<void> {
  if (session || quiet || enabled === false) return;
  const run = stops;
  const reply = await getStart();
  // Stopped meanwhile (a new dictionary, the site switched): whatever stopped it starts afresh.
  if (run !== stops) return;
  // A switch heard meanwhile ('page/sites') is newer than the reply.
  enabled ??= reply.enabled;
  if (session || quiet || !enabled || !reply.enabled || !highlightsSupported()) return;
  if (reply.dictionary) {
    startSession(reply, reply.dictionary);
    return;
  }
  const frame = new QuietFrame<Loaded>(document, {
    ask: (text) => call('page/dictionary', { text, needsCode: registeredPart('session') === undefined }),
    load,
    onAddressChange: () => void recheckClaims().catch(report),
    onAwake: (awake) => {
      quiet = null;
      startSession(reply, awake.dictionary, awake);
    },
    // The frame's one report of a refused load: its wakes then answer "not woken", not a rejection.
    onRefused: report,
    onError: report,
  });
  quiet = frame;
  try {
    await frame.begin();
  } catch (error) {
    // Not left in place half-started: a later start (a switch, a refresh) can begin again.
    if (quiet === frame) leaveQuiet();
    throw error;
  }
}

function leaveQuiet(): void {
  quiet?.end();
  quiet = null;
}

/** Starts the session on `loaded`; `awake` says how a quiet frame woke, if it did. */
function startSession(reply: Started, loaded: Loaded, awake: Partial<Awake<Loaded>> = {}): void {
  // The claims came with the start (or woke the frame): the first load of this address needs no call of its own.
  let prefetched = awake.claims ?? (reply.claims && { url: reply.url, claims: reply.claims });
  reply.claims = null;
  session = new loaded.session.PageSession({
    dictionary: loaded.dictionary,
    firstVerdict: awake.firstVerdict,
    selectionAt: awake.selectionAt,
    loadUi,
    requestStyles,
    loadEntity: (id) => call('entity/get', { id }),
    loadEntityClaims: (entityId) => call('claims/for-entity', { entityId }),
    fetchClaims: async (url) => {
      const first = prefetched;
      prefetched = null;
      if (first?.url === url) return first.claims;
      const fresh = await call('claims/for-page', { url });
      // 'page/start' spent the tab's reveal; an address tidied since (utm stripped, a hash) keeps it.
      return first && fresh.reveal === null ? { ...fresh, reveal: first.claims.reveal } : fresh;
    },
    startDraft: (draft) => call('draft/start', draft),
    editClaim: (id) => call('claim/edit-on-page', { id }),
    findEchoes: (sentences, pageDate) => call('echoes/find', { sentences, pageDate }),
    stepTab: (direction) => call('page/step-tab', { direction }),
    echoesWanted: async () => reply.echoes,
    onEditorClosed: () => {
      if (!restartAfterEditing) return;
      restartAfterEditing = false;
      void restart();
    },
  });
}

/**
 * A quiet page whose claims may have changed (saved elsewhere, or a single-page site moved to
 * another story): it wakes if its address has claims now. The text's verdict still holds.
 */
async function recheckClaims(): Promise<void> {
  const frame = quiet;
  if (!frame) return;
  const url = location.href;
  const onPage = await call('claims/for-page', { url });
  if (quiet !== frame || (onPage.claims.length === 0 && onPage.reveal === null)) return;
  await frame.wake(null, { claims: { url, claims: onPage } });
}

/** Drops the dictionary and the session built on it, and starts afresh with the current one. */
async function restart(): Promise<void> {
  starting = null;
  stop();
  await start();
}

function stop(): void {
  stops++;
  leaveQuiet();
  session?.destroy();
  session = null;
}

/**
 * Everything a readable frame does: answer the popup and the background, follow the site switch,
 * and start once the page is idle (the reader's page comes first).
 */
export function run(): void {
  // Here, not at load: a frame the gate turns away (index.ts) sets up no listener at all.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && extensionGone()) shutDown();
  }, { signal: lifetime.signal });
  // A page kept in the back-forward cache hears no 'page/sites' while it is away: on its return the
  // site switch is asked again, and followed if it changed meanwhile. A start that failed (the
  // browser closes a cached page's message channels) is tried again.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    if (!session && !quiet && enabled !== false) void restart().catch(report);
    else if (enabled !== null) void recheckSwitch().catch(report);
  }, { signal: lifetime.signal });
  serve<ContentCalls>(contentValidators, {
    'page/mentions': async () => {
      // The popup may ask in the first moments of a page: answer with the real state, not the initial one.
      await initialised;
      await session?.firstScan;
      return { enabled: enabled ?? false, host, mentions: session?.summary() ?? [] };
    },
    'page/reveal': ({ entityId }) => session?.reveal(entityId) ?? false,
    'page/step': ({ direction, from }) => session?.step(direction, from) ?? 'idle',
    'page/record': async ({ mode }) => {
      // A command or the context menu on a quiet page: the session starts for it, if there is a selection to record.
      const selection = document.getSelection();
      if (quiet && selection && !selection.isCollapsed) await quiet.wake(null);
      return session?.record(mode) ?? false;
    },
    'page/refresh': async ({ dictionary: changed }) => {
      if (changed) {
        // The knowledge base changed: a new dictionary, and a fresh scan with it. Not while the
        // editor is open in this tab (it may be the very change being saved): after it closes.
        if (session?.isEditing()) restartAfterEditing = true;
        else await restart();
      } else if (quiet) {
        // A claim may now be on this page (its claims are asked for); the text's verdict still holds.
        await recheckClaims();
      } else {
        await session?.claims.load();
      }
      return null;
    },
    'page/unplaced': () => session?.unplaced() ?? [],
    'page/echoes': async () => {
      await initialised;
      return (await session?.echoCount()) ?? 0;
    },
    'page/sites': (changed) => {
      // Only the sites whose switch changed are named: a frame whose site is not among them is unchanged.
      if (!changed.off.includes(host) && !changed.on.includes(host)) return null;
      const on = changed.on.includes(host);
      if (on === enabled) return null;
      const firstReplyPending = enabled === null;
      enabled = on;
      if (firstReplyPending) {
        // The first 'page/start' is in flight (or not yet sent): start() reads the switch when it
        // answers. A reply that said "off" is out of date, and then one more is needed.
        if (on) void starting?.then((r) => (r.enabled ? undefined : restart())).catch(report);
        return null;
      }
      if (on) {
        // Switched back on: what the background said at the start (no dictionary) is out of date.
        starting = null;
        void start().catch(report);
      } else {
        stop();
      }
      return null;
    },
  }, (sender, name) => (name === 'page/step' ? isBackground(sender) : isExtensionContext(sender)), lifetime.signal);

  const begin = () => void start().catch(report).finally(markInitialised);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(begin, { timeout: 1000 });
  else setTimeout(begin, 0);
}

function report(error: unknown): void {
  // The page's console is the only place a content script can speak; keep it to one line.
  console.debug('Sound Familiar:', error instanceof Error ? error.message : error);
}
