// A PageSession over a one-entity dictionary (GDS) whose background calls are stubs: for the
// browser tests of what a session does on a page, counting how often it loads the card code.

import { uiParts, type UiParts } from '../../../src/content/lazy/ui-parts';
import { PageSession, type PageSessionDeps } from '../../../src/content/page-session';
import { loadDictionary } from '../../../src/content/scan/loaded-dictionary';
import { compileDictionary } from '../../../src/shared/dictionary';
import { mergePrecision } from '../../../src/shared/packs/pack-precision';
import type { Claim } from '../../../src/shared/claims/claim';

const DRAFT = { draftId: '00000000-0000-4000-8000-000000000000' };

export function gdsDictionary() {
  const { data, periods } = mergePrecision([]);
  return loadDictionary(compileDictionary([{ id: 'gds', kind: 'body', name: 'Government Digital Service', aliases: ['GDS'], modified: 1 }], data, periods));
}

/** A session on the current document; `loads()` counts card-code loads. */
export function stubSession(claims: Claim[] = [], extra: Partial<PageSessionDeps> = {}): { s: PageSession; loads: () => number } {
  let loads = 0;
  const s = new PageSession({
    dictionary: gdsDictionary(),
    loadUi: async (): Promise<UiParts> => (loads++, uiParts),
    loadEntity: async () => ({ id: 'gds', kind: 'body', name: 'Government Digital Service', aliases: [], summary: '', events: [], sources: [], modified: 1 }) as never,
    loadEntityClaims: async () => [],
    fetchClaims: async () => ({ claims, reveal: null }),
    startDraft: async () => DRAFT,
    editClaim: async () => DRAFT,
    findEchoes: async (sentences) => sentences.map(() => []),
    echoesWanted: async () => false,
    ...extra,
  });
  return { s, loads: () => loads };
}
