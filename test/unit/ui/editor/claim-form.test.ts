// @vitest-environment happy-dom
// The claim form saves a claim by someone not listed in ONE call to the background: the person is
// created in the same transaction as the claim. (It used to call entity/create and then draft/save,
// and a failing second call left the new person behind with no claim.)
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { ClaimDraft } from '../../../../src/shared/claims/claim';
import { useMountRoot } from '../mount-root';

const background = vi.fn(async (call: string, _payload: unknown): Promise<unknown> => (call === 'entity/create' ? { id: 'ada-lovelace' } : {}));
vi.mock('../../../../src/ui/shared/background', () => ({ background: (call: string, payload: unknown) => background(call, payload) }));

const { ClaimForm } = await import('../../../../src/ui/editor/ClaimForm');
const { NEW_PERSON } = await import('../../../../src/ui/editor/form-state');

const root = useMountRoot();
const ID = '7d1f7a3e-2b1c-4a55-9d0e-2f6f4f1e9a01';

const draft: ClaimDraft = {
  id: ID, tabId: 7, pageTitle: 'Roadmap', pageDate: null, claimId: null, mode: 'claim', modified: 1,
  target: { source: 'https://www.gov.uk/news', selector: [{ type: 'TextQuoteSelector', exact: 'We will', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: 7 }] },
  fields: { claimant: null, entities: [], madeOn: '2022-06-09', claimType: 'promise', status: 'made', deadline: null, note: '', tags: [] },
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ClaimForm, saving a claim by someone not listed', () => {
  it('makes one background call that names the new person', async () => {
    const onDone = vi.fn();
    render(h(ClaimForm, { draft, entities: [], onDone }), root());
    const who = root().querySelector<HTMLSelectElement>('#claimant')!;
    who.value = NEW_PERSON;
    who.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    const name = root().querySelector<HTMLInputElement>('#new-claimant')!;
    name.value = ' Ada Lovelace ';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    background.mockClear(); // drop the draft autosaves; only what "Save claim" sends counts
    root().querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(true));
    const saves = background.mock.calls.filter(([call]) => call !== 'draft/update');
    expect(saves).toEqual([['draft/save', { id: ID, fields: { ...draft.fields, claimant: null }, newClaimant: 'Ada Lovelace' }]]);
  });
});
