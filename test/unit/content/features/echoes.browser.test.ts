// Where the echoes feature paints a sentence: in the page-readable CSS.highlights (the
// highlighter) only when every echo of it is public; privately (the painter, in our closed shadow
// root) when any is a pack's event, the reader's own entity's, or a claim. The background's reply
// is stubbed with what EchoCache sends (test/unit/background/echo-cache.test.ts covers that side).
import { describe, expect, it } from 'vitest';
import { startEchoes } from '../../../../src/content/features/echoes';
import type { MentionsFeature } from '../../../../src/content/features/mentions';
import type { PageServices } from '../../../../src/content/features/page-feature';
import type { EchoView } from '../../../../src/shared/messages';

const SENTENCE = 'The Test Digital Office will publish every council dataset online by 2027.';

function echo(id: string, fields: Partial<EchoView>): EchoView {
  return {
    id, origin: 'builtin', private: false, label: 'Test Digital Office', date: '2019-04-01', type: 'promise',
    text: 'The office promises to publish every council dataset online.', confidence: 0.9,
    shared: { words: ['publish'], ideas: [], entities: [] }, ...fields,
  };
}

/** Runs the feature on a page of one sentence whose echoes are `echoes`; says where it was painted. */
async function paintedWith(echoes: EchoView[]): Promise<{ public: number; private: number }> {
  document.body.innerHTML = `<p>${SENTENCE}</p>`;
  const painted = { public: 0, private: 0 };
  const s = {
    doc: document,
    signal: new AbortController().signal,
    pageDate: '2026-12-06',
    highlighter: { add: () => void painted.public++ },
    painter: { add: () => void painted.private++ },
    backend: {
      echoesWanted: async () => true,
      findEchoes: async (sentences: string[]) => sentences.map((x) => (x === SENTENCE ? echoes : [])),
    },
  } as unknown as PageServices;
  // The page names something known: that alone lets the feature read it for echoes.
  const mentions = { ready: Promise.resolve(), rendered: () => [{}] } as unknown as MentionsFeature;
  const feature = startEchoes(s, mentions);
  await feature.ready;
  expect(feature.count()).toBe(1);
  return painted;
}

describe('echoes feature: public or private paint', () => {
  it('paints an echo of unedited built-in knowledge where the page can see it', async () => {
    expect(await paintedWith([echo('test-body#0', {})])).toEqual({ public: 1, private: 0 });
  });

  it("paints privately an echo of a pack's event, though its origin is 'builtin' like the core's", async () => {
    expect(await paintedWith([echo('test-pack:test-body#0', { private: true })])).toEqual({ public: 0, private: 1 });
  });

  it('paints privately when any echo of the sentence is private, not only the strongest', async () => {
    const echoes = [echo('test-body#0', { confidence: 0.95 }), echo('test-pack:test-body#0', { private: true, confidence: 0.8 })];
    expect(await paintedWith(echoes)).toEqual({ public: 0, private: 1 });
  });

  it('paints privately an echo whose reply does not say it is public', async () => {
    const { private: _p, ...unsaid } = echo('test-body#0', {});
    expect(await paintedWith([unsaid as EchoView])).toEqual({ public: 0, private: 1 });
  });
});
