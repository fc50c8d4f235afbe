// The background passes the reader's site switches on to every frame of every tab (content
// scripts read no storage themselves): only the sites whose switch changed, so the length of the
// reader's list never decides whether a tab hears of a switch.
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  listeners: [] as ((changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => void)[],
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

import { relaySiteSwitches, siteChanges } from '../../../src/background/site-switches';
import { contentValidators, parseEnvelope, SITE_CHANGES_PER_MESSAGE } from '../../../src/shared/messages';

describe('relaySiteSwitches', () => {
  it('sends the new list of switched-off sites to every frame of every tab, and nothing for other changes', async () => {
    relaySiteSwitches();
    for (const listener of fake.listeners) {
      listener({ echoesOff: { newValue: true } }, 'local');
      listener({ disabledHosts: { newValue: ['www.gov.uk'] } }, 'sync');
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.sent).toEqual([]);

    for (const listener of fake.listeners) listener({ disabledHosts: { newValue: ['www.gov.uk', 42, 'www.bbc.co.uk'], oldValue: ['www.bbc.co.uk', 'www.ft.com'] } }, 'local');
    await vi.waitFor(() => expect(fake.sent).toHaveLength(2));
    // No third argument: no frameId, so every frame hears it and finds its own host. Only what changed travels.
    const message = { call: 'page/sites', payload: { off: ['www.gov.uk'], on: ['www.ft.com'] } };
    expect(fake.sent).toEqual([[3, message], [9, message]]);
    expect(contentValidators['page/sites'](message.payload)).toBe(true);
  });

  it('tells every frame of a switch however many sites are already off (the whole list once travelled, and failed past 10,000)', async () => {
    fake.sent.length = 0;
    const before = Array.from({ length: 20_000 }, (_, i) => `site-${i}.example.org`);
    for (const listener of fake.listeners) listener({ disabledHosts: { newValue: [...before, 'www.gov.uk'].sort(), oldValue: before } }, 'local');
    await vi.waitFor(() => expect(fake.sent).toHaveLength(2));
    const [, message] = fake.sent[0] as [number, { call: string; payload: unknown }];
    expect(message).toEqual({ call: 'page/sites', payload: { off: ['www.gov.uk'], on: [] } });
    expect(parseEnvelope(message, contentValidators)).toEqual(message);
  });
});

describe('siteChanges', () => {
  it('names the hosts switched off and on, in messages the content script accepts', () => {
    expect(siteChanges(['a.org', 'b.org'], ['b.org', 'c.org'])).toEqual([{ off: ['a.org'], on: ['c.org'] }]);
    expect(siteChanges(['a.org'], ['a.org'])).toEqual([]);
    // A whole list cleared at once: as many messages as it takes, each within the message's bound.
    const many = Array.from({ length: 2_500 }, (_, i) => `s${i}.org`);
    const batches = siteChanges([], many);
    expect(batches.map((b) => b.on.length)).toEqual([SITE_CHANGES_PER_MESSAGE, SITE_CHANGES_PER_MESSAGE, 500]);
    expect(batches.flatMap((b) => b.on)).toEqual(many);
    for (const b of batches) expect(contentValidators['page/sites'](b)).toBe(true);
    expect(contentValidators['page/sites']({ off: many, on: [] })).toBe(false);
  });
});
