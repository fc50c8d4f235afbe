// highlights.css reaches a frame only once it has something to highlight: a page that names
// nothing we know never asks for it; the first registered highlight asks, once per document,
// however many kinds and sessions follow. Our own welcome page (which links the file) never asks.
import { afterEach, describe, expect, it } from 'vitest';
import { stylesRequester } from '../../../../src/content/highlight/highlight-styles';
import { HIGHLIGHT_PREFIX } from '../../../../src/content/highlight/highlighter';
import { uiParts } from '../../../../src/content/lazy/ui-parts';
import { PageSession } from '../../../../src/content/page-session';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { compileDictionary } from '../../../../src/shared/dictionary';
import { mergePrecision } from '../../../../src/shared/packs/pack-precision';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function dictionary() {
  const { data, periods } = mergePrecision([]);
  return loadDictionary(compileDictionary([
    { id: 'gds', kind: 'body', name: 'Government Digital Service', aliases: ['GDS'], modified: 1 },
    { id: 'jane-doe', kind: 'person', name: 'Jane Doe', aliases: [], modified: 1 },
  ], data, periods));
}

function session(requestStyles: () => void): PageSession {
  return new PageSession({
    dictionary: dictionary(),
    loadUi: async () => uiParts,
    requestStyles,
    loadEntity: async () => null,
    loadEntityClaims: async () => [],
    fetchClaims: async () => ({ claims: [], reveal: null }),
    startDraft: async () => ({ draftId: '00000000-0000-4000-8000-000000000000' }),
    editClaim: async () => ({ draftId: '00000000-0000-4000-8000-000000000000' }),
    findEchoes: async (sentences) => sentences.map(() => []),
    echoesWanted: async () => false,
  });
}

/** Runs a session on `text` until its highlights are applied (batches are 100 ms). */
async function scanned(s: PageSession): Promise<void> {
  await s.firstScan;
  await sleep(250);
}

const ours = () => [...CSS.highlights.keys()].filter((name) => name.startsWith(HIGHLIGHT_PREFIX));

describe('the highlight styles', () => {
  const sessions: PageSession[] = [];
  afterEach(() => {
    for (const s of sessions.splice(0)) s.destroy();
    document.body.replaceChildren();
  });

  it('are never asked for on a page that names nothing we know', async () => {
    document.body.innerHTML = '<p>The council will publish its accounts on Tuesday, as it does every year.</p>';
    let asks = 0;
    const s = session(stylesRequester(async () => void asks++, () => false));
    sessions.push(s);
    await scanned(s);
    expect(ours()).toEqual([]);
    expect(asks).toBe(0);
  });

  it('are asked for exactly once, at the first registration, through kinds and restarted sessions', async () => {
    document.body.innerHTML = '<p>The Government Digital Service said Jane Doe would lead GDS.</p>';
    let asks = 0;
    let registeredWhenAsked: string[] | null = null;
    const request = stylesRequester(async () => {
      asks++;
      registeredWhenAsked ??= ours();
    }, () => false);
    const first = session(request);
    sessions.push(first);
    await scanned(first);
    expect(ours().sort()).toEqual([`${HIGHLIGHT_PREFIX}body`, `${HIGHLIGHT_PREFIX}person`]);
    expect(asks).toBe(1);
    // Asked as the first highlight went in, before the frame could paint it.
    expect(registeredWhenAsked).toEqual([]);
    first.destroy();
    const again = session(request);
    sessions.push(again);
    await scanned(again);
    expect(ours().length).toBeGreaterThan(0);
    expect(asks).toBe(1);
  });

  it('are not asked for on our own page, and asked again after a failed ask', async () => {
    let asks = 0;
    const own = stylesRequester(async () => void asks++, () => true);
    own();
    own();
    expect(asks).toBe(0);
    let fail = true;
    const flaky = stylesRequester(async () => {
      asks++;
      if (fail) throw new Error('gone');
    }, () => false);
    flaky();
    await sleep(0);
    fail = false;
    flaky();
    await sleep(0);
    flaky();
    expect(asks).toBe(2);
  });
});
