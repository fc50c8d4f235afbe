// A simulated installation for sync tests: its own fake-indexeddb database, the claim, entity
// and sync handlers over it, and a recorder in place of the browser's tabs.

import type { Runtime } from '../../../../src/platform/browser';
import { claimHandlers } from '../../../../src/background/claim-handlers';
import { DictionaryCache } from '../../../../src/background/dictionary-cache';
import type { BackgroundEffects } from '../../../../src/background/effects';
import { syncHandlers } from '../../../../src/background/sync/sync-handlers';
import { describeQuote } from '../../../../src/shared/anchoring/describe-quote';
import type { Claim, ClaimFields } from '../../../../src/shared/claims/claim';
import { freshDb } from '../../../fixtures/sync/db';

export const TAB: Runtime.MessageSender = { id: 'sf', tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, url: 'https://www.gov.uk/', frameId: 0 };
export const PAGE: Runtime.MessageSender = { id: 'sf', url: 'chrome-extension://sf/options.html' };

export const FIELDS: ClaimFields = {
  claimant: 'jeremy-quin', entities: ['gov-uk-one-login'], madeOn: '2022-06-09', claimType: 'promise', status: 'made', deadline: '2025', note: '', tags: [],
};

export function device(label: string) {
  const db = freshDb(label);
  const refreshes: boolean[] = [];
  let invalidations = 0;
  const effects: BackgroundEffects = {
    openTab: async () => 1,
    refreshTabs: async (dictionary) => {
      refreshes.push(dictionary);
    },
    today: () => '2024-05-01',
  };
  const dictionary = new DictionaryCache(db);
  const invalidate = dictionary.invalidate.bind(dictionary);
  dictionary.invalidate = () => {
    invalidations++;
    invalidate();
  };
  const claims = claimHandlers(db, new Map(), effects);
  const sync = syncHandlers(db, dictionary, Promise.resolve(), effects);
  return {
    db,
    claims,
    sync,
    refreshes,
    invalidations: () => invalidations,
    /** Records a claim on a page, as selecting text and saving the editor does. */
    async record(text: string, quote: string, source: string, fields: Partial<ClaimFields> = {}): Promise<Claim> {
      const at = text.indexOf(quote);
      const { draftId } = await claims['draft/start']({ target: { source, selector: describeQuote(text, at, at + quote.length) }, pageTitle: 'Page', pageDate: null, claimant: null, entities: [], mode: 'claim' }, TAB);
      return claims['draft/save']({ id: draftId, fields: { ...FIELDS, ...fields } }, PAGE);
    },
    /** Exports this device's file and imports it into `other` (preview, then apply). */
    async sendTo(other: { sync: typeof sync }) {
      const { json } = await sync['sync/export']({}, PAGE);
      const { token, summary } = await other.sync['sync/preview']({ text: json }, PAGE);
      const applied = await other.sync['sync/apply']({ token }, PAGE);
      return { json, summary, applied };
    },
  };
}

export type Device = ReturnType<typeof device>;
