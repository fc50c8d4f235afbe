// The right-click items are rebuilt whenever the reader's sites change, and a site turned on
// triggers two rebuilds at once (its handler and the permission event). Interleaved, both would
// clear the menu and then both create the items: a duplicate id, which the browser refuses.
import { describe, expect, it, vi } from 'vitest';

const items = new Map<string, { documentUrlPatterns: string[] }>();
vi.mock('../../../src/platform/browser', () => ({
  default: {
    runtime: { getManifest: () => ({ content_scripts: [{ matches: ['https://*.gov.uk/*'] }] }) },
    scripting: { getRegisteredContentScripts: async () => [{ id: 'sf-site-www.example.org', matches: ['https://www.example.org/*'] }] },
    contextMenus: {
      removeAll: async () => { await Promise.resolve(); items.clear(); },
      create: (item: { id: string; documentUrlPatterns: string[] }) => {
        if (items.has(item.id)) throw new Error(`duplicate id ${item.id}`);
        items.set(item.id, item);
      },
    },
  },
}));

import { createContextMenus } from '../../../src/background/context-menu';

describe('createContextMenus', () => {
  it('offers the items on the built-in sites and the reader\'s own', async () => {
    await createContextMenus();
    expect([...items.keys()]).toEqual(['record-claim', 'add-to-knowledge-base']);
    expect(items.get('record-claim')!.documentUrlPatterns).toEqual(['https://*.gov.uk/*', 'https://www.example.org/*']);
  });

  it('two rebuilds asked for at once run one after the other (no duplicate item)', async () => {
    await expect(Promise.all([createContextMenus(), createContextMenus()])).resolves.toBeDefined();
    expect(items.size).toBe(2);
  });
});
