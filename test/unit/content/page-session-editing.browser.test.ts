// A knowledge-base change restarts the page session, but never under an editor: not while it is
// open, and not while it is about to open (its draft is being started). A restart in that window
// destroyed the session, so the editor the reader had just asked for never appeared (CI caught it:
// saving a name, then at once recording another).
import { describe, expect, it, vi } from 'vitest';
// The editor frame asks the extension for its page's address; a test has no extension.
vi.mock('../../../src/platform/content-runtime', () => ({
  runtimeId: () => 'test',
  extensionURL: (path: string) => `chrome-extension://test/${path}`,
}));

import { uiParts } from '../../../src/content/lazy/ui-parts';
import { PageSession } from '../../../src/content/page-session';
import { loadDictionary } from '../../../src/content/scan/loaded-dictionary';
import { compileDictionary } from '../../../src/shared/dictionary';
import { mergePrecision } from '../../../src/shared/packs/pack-precision';

function session(startDraft: () => Promise<{ draftId: string }>, onEditorClosed = () => {}): PageSession {
  const { data, periods } = mergePrecision([]);
  const dictionary = loadDictionary(compileDictionary([{ id: 'gds', kind: 'body', name: 'Government Digital Service', aliases: ['GDS'], modified: 1 }], data, periods));
  return new PageSession({
    dictionary,
    loadUi: async () => uiParts,
    onEditorClosed,
    loadEntity: async () => null,
    loadEntityClaims: async () => [],
    fetchClaims: async () => ({ claims: [], reveal: null }),
    startDraft,
    editClaim: startDraft,
    findEchoes: async (sentences) => sentences.map(() => []),
    echoesWanted: async () => false,
  });
}

function selectQuote(): void {
  document.body.innerHTML = '<p id="quote">Every council will be able to reuse a common booking service.</p>';
  const range = document.createRange();
  range.selectNodeContents(document.getElementById('quote')!);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}

describe('PageSession.isEditing', () => {
  it('is true from the moment a draft is asked for, before its editor opens', async () => {
    selectQuote();
    let answer!: (v: { draftId: string }) => void;
    const s = session(() => new Promise((resolve) => (answer = resolve)));
    expect(s.isEditing()).toBe(false);
    const recording = s.record('claim');
    expect(s.isEditing()).toBe(true);
    // The draft is asked for once the card code is there (loaded on first need); editing all along.
    await vi.waitFor(() => expect(answer).toBeTypeOf('function'));
    expect(s.isEditing()).toBe(true);
    answer({ draftId: '00000000-0000-4000-8000-000000000000' });
    expect(await recording).toBe(true);
    expect(s.isEditing()).toBe(true); // now because the editor is open
    s.destroy();
  });

  it('lets a put-off restart happen when the draft could not be started (no editor will close)', async () => {
    selectQuote();
    let closed = 0;
    const s = session(() => Promise.reject(new Error('background gone')), () => void closed++);
    await expect(s.record('claim')).rejects.toThrow('background gone');
    expect(s.isEditing()).toBe(false);
    expect(closed).toBe(1);
    s.destroy();
  });
});
