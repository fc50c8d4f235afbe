// What the claims list's buttons do beyond the page: ask the background, open the editor tab.

import browser from '../../platform/browser';
import { background } from '../shared/background';

/** The editor is its own extension page, opened on a draft by id. */
export async function openEditor(draftId: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`editor.html#${draftId}`) });
}

export async function editClaim(id: string): Promise<void> {
  const { draftId } = await background('claim/edit', { id });
  await openEditor(draftId);
}

export const deleteClaim = (id: string) => background('claim/delete', { id });
export const openClaimPage = (id: string) => background('claim/open', { id });
export const discardDraft = (id: string) => background('draft/discard', { id });
