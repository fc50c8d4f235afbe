// The background passes the reader's site switches on to every frame of every tab (content
// scripts read no storage themselves).
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  listeners: [] as ((changes: Record<string, { newValue?: unknown }>, area: string) => void)[],
  sent: [] as unknown[][],
}));
vi.mock('../../../src/platform/browser', () => ({
  default: {
    storage: { onChanged: { addListener: (fn: (typeof fake.listeners)[number]) => fake.listeners.push(fn) } },
    tabs: {
      query: async () => [{ id: 3 }, { id: undefined }, { id: 9 }],
      sendMessage: async (...args: unknown[]) => {
        fake.sent.push(args);
        if (args[0] === 9) throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
  },
}));

import { relaySiteSwitches } from '../../../src/background/site-switches';

describe('relaySiteSwitches', () => {
  it('sends the new list of switched-off sites to every frame of every tab, and nothing for other changes', async () => {
    relaySiteSwitches();
    for (const listener of fake.listeners) {
      listener({ echoesOff: { newValue: true } }, 'local');
      listener({ disabledHosts: { newValue: ['www.gov.uk'] } }, 'sync');
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.sent).toEqual([]);

    for (const listener of fake.listeners) listener({ disabledHosts: { newValue: ['www.gov.uk', 42] } }, 'local');
    await vi.waitFor(() => expect(fake.sent).toHaveLength(2));
    // No third argument: no frameId, so every frame hears it and finds its own host.
    const message = { call: 'page/sites', payload: { disabledHosts: ['www.gov.uk'] } };
    expect(fake.sent).toEqual([[3, message], [9, message]]);
  });
});
