// Origins the reader asked to turn on whose permission prompt is still open. In Firefox the
// prompt closes the popup that asked, so the background finishes the job when the grant arrives.
// Kept in session storage: an event page or service worker may sleep while the prompt is up.

import browser from './browser';

const KEY = 'pendingSiteOrigins';
/** A prompt left unanswered this long is forgotten: a later grant is not a "turn on". */
const MAX_AGE_MS = 10 * 60_000;

async function read(): Promise<Record<string, number>> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  return stored && typeof stored === 'object' ? (stored as Record<string, number>) : {};
}

export async function addPendingOrigin(origin: string, now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [KEY]: { ...(await read()), [origin]: now } });
}

/** Whether `origin` was asked for recently; the entry is consumed either way. */
export async function takePendingOrigin(origin: string, now = Date.now()): Promise<boolean> {
  const all = await read();
  const asked = all[origin];
  if (asked === undefined) return false;
  delete all[origin];
  await browser.storage.session.set({ [KEY]: all });
  return typeof asked === 'number' && now - asked <= MAX_AGE_MS;
}
