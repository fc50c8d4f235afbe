// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useMountRoot } from '../mount-root';
import { ConfirmAction } from '../../../../src/ui/claims/ConfirmAction';

const root = useMountRoot();

async function show(onConfirm: () => Promise<unknown>) {
  await act(() => render(h(ConfirmAction, { label: 'Delete', question: 'Delete this claim?', confirmLabel: 'Delete claim', onConfirm }), root()));
}
const buttons = () => [...root().querySelectorAll('button')];
const flush = () => act(async () => { await new Promise((r) => setTimeout(r, 0)); });

describe('ConfirmAction', () => {
  it('asks first, with focus on Cancel, and does nothing until confirmed', async () => {
    const onConfirm = vi.fn(async () => undefined);
    await show(onConfirm);
    await act(() => buttons()[0]!.click());
    const group = root().querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-labelledby')).toBe(root().querySelector('.confirm-question')!.id);
    expect(buttons().map((b) => b.textContent)).toEqual(['Delete claim', 'Cancel']);
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('backs out on Escape and gives focus back to the button', async () => {
    await show(async () => undefined);
    await act(() => buttons()[0]!.click());
    await act(() => { root().querySelector('[role="group"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); });
    expect(buttons().map((b) => b.textContent)).toEqual(['Delete']);
    expect(document.activeElement).toBe(buttons()[0]);
  });

  it('acts on confirm', async () => {
    const onConfirm = vi.fn(async () => undefined);
    await show(onConfirm);
    await act(() => buttons()[0]!.click());
    await act(() => buttons()[0]!.click());
    await flush();
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('shows a failure beside the buttons and keeps asking', async () => {
    await show(async () => { throw new Error('no such claim'); });
    await act(() => buttons()[0]!.click());
    await act(() => buttons()[0]!.click());
    await flush();
    expect(root().querySelector('[role="alert"]')!.textContent).toContain('no such claim');
    expect(buttons().map((b) => b.textContent)).toEqual(['Delete claim', 'Cancel']);
  });
});
