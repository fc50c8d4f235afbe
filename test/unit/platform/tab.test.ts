// tab(): the typed call to a tab's content script sends the contract's envelope to the frame asked
// for (the top one unless told), unwraps the reply, and turns a failure or silence into a rejection.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('../../../src/platform/browser', () => ({
  default: { runtime: { id: 'x', getURL: (p: string) => `chrome-extension://x/${p}` }, tabs: { sendMessage: (...args: unknown[]) => sendMessage(...args) } },
}));

import { tab } from '../../../src/platform/tab';

beforeEach(() => sendMessage.mockReset());

describe('tab', () => {
  it('sends the envelope to the top frame and returns the value', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: 'moved' });
    await expect(tab(7, 'page/step', { direction: 1, from: 'edge' })).resolves.toBe('moved');
    expect(sendMessage).toHaveBeenCalledWith(7, { call: 'page/step', payload: { direction: 1, from: 'edge' } }, { frameId: 0 });
  });

  it('sends to the frame it is given', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: false });
    await tab(7, 'page/record', { mode: 'claim' }, 3);
    expect(sendMessage).toHaveBeenCalledWith(7, { call: 'page/record', payload: { mode: 'claim' } }, { frameId: 3 });
  });

  it('rejects with the handler\'s error, or when nobody answers', async () => {
    sendMessage.mockResolvedValueOnce({ ok: false, error: 'no selection' });
    await expect(tab(7, 'page/record', { mode: 'claim' })).rejects.toThrow('no selection');
    sendMessage.mockResolvedValueOnce(undefined);
    await expect(tab(7, 'page/refresh', { dictionary: false })).rejects.toThrow('no reply to page/refresh');
  });

  it('is typed by the contract: a payload of another call does not compile', () => {
    sendMessage.mockResolvedValue({ ok: true, value: null });
    // @ts-expect-error page/step takes a direction, not a mode
    void tab(7, 'page/step', { mode: 'claim' });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
