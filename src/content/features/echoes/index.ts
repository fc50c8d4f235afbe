// "Sound familiar?": the page's sentences that repeat an earlier promise, found after the first
// scan and only on a page that names something known, in slices that leave the page its turns.
// The content script sends the page's sentences; the background picks those that announce or
// promise something, and answers from an index it keeps. Quiet by default: the background returns
// only matches above the measured confidence, and at most three sentences of a page are marked. A
// sentence is painted publicly only when every echo of it is of the shipped knowledge; an echo of
// a pack's event, of the reader's own entity or claim, is painted privately, or the page could
// read what they follow.

import type { EchoView } from '../../../shared/messages';
import { rangeCovers } from '../../scan/range-covers';
import { UI_TAG } from '../../ui/ui-root';
import { yieldToPage } from '../../yield-to-page';
import type { CardSubject, PageFeature, PageServices } from '../page-feature';
import type { MentionsFeature } from '../mentions';
import { pageSentences, placeSentence, type PageSentence } from './page-sentences';

/** Never more than a handful per page. */
const MAX_PER_PAGE = 3;

export interface EchoesFeature extends PageFeature {
  /** How many sentences of this page repeat an earlier promise. */
  count(): number;
}

interface Marked {
  sentence: PageSentence & { range: StaticRange; nodes: Text[] };
  echoes: EchoView[];
  private: boolean;
}

export function startEchoes(s: PageServices, mentions: MentionsFeature): EchoesFeature {
  let marked: Marked[] = [];
  /** Records the sentence as a claim that repeats these earlier promises (the editor opens on it). */
  const recordAsRepeated = async (m: Marked) => {
    const { captureRange } = await s.ui();
    const suggestions = mentions.rendered().map((x) => ({ entityId: s.dictionary.entities[x.entity]!.id, kind: s.dictionary.entities[x.entity]!.kind, range: x.range }));
    const captured = captureRange(s.doc, m.sentence.range, UI_TAG, suggestions, s.pageDate ?? null);
    if (!captured) return;
    s.card.close();
    void s.edit(s.backend.startDraft({ ...captured, mode: 'claim', repeats: m.echoes.map((e) => e.id) }));
  };
  const subjectOf = (m: Marked): CardSubject => ({
    key: m,
    range: m.sentence.range,
    render: async (doc, common) => (await s.ui()).renderEchoCard(doc, m.sentence.text, m.echoes, { ...common, onRecord: () => void recordAsRepeated(m) }),
  });
  const ready = (async () => {
    await mentions.ready;
    // Only a page that names something known (built-in or the reader's own) is read for echoes:
    // the earlier promises are about those, and a page that names none of them (most of the web)
    // then costs no second reading.
    if (s.signal.aborted || !s.doc.body || mentions.rendered().length === 0) return;
    await yieldToPage();
    if (s.signal.aborted || !(await s.backend.echoesWanted())) return;
    const sentences = await pageSentences(s.doc.body, UI_TAG, s.signal);
    if (sentences.length === 0) return;
    const found = await s.backend.findEchoes(sentences.map((x) => x.text), s.pageDate ?? null);
    if (s.signal.aborted) return;
    marked = strongest(sentences.map((sentence, i) => ({ sentence, echoes: found[i] ?? [] })))
      .map(({ sentence, echoes }) => ({ sentence: { ...sentence, ...placeSentence(sentence) }, echoes, private: echoes.some(isPrivate) }));
    for (const m of marked) (m.private ? s.painter : s.highlighter).add('echo', m.sentence.range);
  })().catch(() => undefined);
  return {
    ready,
    at(node, offset) {
      if (node.nodeType !== Node.TEXT_NODE) return undefined;
      const m = marked.find((x) => x.sentence.nodes.includes(node as Text) && rangeCovers(x.sentence.range, node as Text, offset));
      return m ? subjectOf(m) : undefined;
    },
    count: () => marked.length,
    stops: () => marked.map(subjectOf),
  };
}

/** Private unless the background says plainly it is not (a reply without the flag stays private). */
function isPrivate(e: EchoView): boolean {
  return e.private !== false || e.origin === 'claim';
}

/** At most MAX_PER_PAGE sentences, strongest first, each earlier promise marked once. */
function strongest<T extends { echoes: EchoView[] }>(all: T[]): T[] {
  const ranked = all.filter((m) => m.echoes.length > 0).sort((a, b) => b.echoes[0]!.confidence - a.echoes[0]!.confidence);
  const seen = new Set<string>();
  const out: T[] = [];
  for (const m of ranked) {
    if (out.length >= MAX_PER_PAGE) break;
    if (seen.has(m.echoes[0]!.id)) continue;
    m.echoes.forEach((e) => seen.add(e.id));
    out.push(m);
  }
  return out;
}
