// Runs the content script's real matching pipeline (Scanner + MentionIndex over a compiled
// dictionary) on the labelled real-usage pages (test/fixtures/real-usage/pages.json), one page per
// document, and reports what lit up in each sentence. Scoring is real-usage-score.ts's job.

import '../helpers/static-range';
import type { LoadedDictionary } from '../../../src/content/scan/loaded-dictionary';
import { MentionIndex, type Mention } from '../../../src/content/scan/mention-index';
import { pagePublicationDate } from '../../../src/content/scan/page-date';
import { Scanner } from '../../../src/content/scan/scanner';

export interface Expectation {
  /** The exact substring of the sentence that should light up. */
  surface: string;
  /** The knowledge-base id, or null for a name the knowledge base does not have yet. */
  entity: string | null;
  /** For an unknown entity: what it might be called. */
  name?: string;
}

export interface Sentence {
  /** Our own words, keeping the real form of each name and what surrounds it. */
  text: string;
  expect: Expectation[];
  /** A sentence in which nothing may light up. */
  negative?: boolean;
  /** For a negative: what makes it a trap (`lower-case name`, `ordinary word`, `person-like name`, `homonym or longer name`, `plain`). */
  hazard?: string;
  /** A negative built on a shipped ambiguous alias that is verified excluded: the test asserts it stays dark. */
  guard?: boolean;
}

export interface Page {
  url: string;
  title: string;
  publisher: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as the page gives it; null where the page is undated. */
  date: string | null;
  sentences: Sentence[];
}

export interface Found {
  /** Offsets in the sentence's text. */
  start: number;
  end: number;
  surface: string;
  entity: string;
  /**
   * Painted in the extension's private layer (the user's own names) rather than the page's: the
   * reader still sees it lit, so it counts, but a shipped name should never be private.
   */
  private: boolean;
}

const UI = 'SOUND-FAMILIAR-UI';

/**
 * The date the page's markup would carry. Where only the month or year is known the first day of
 * it stands in: any day in the span resolves shared names the same way at this granularity.
 */
export function publishedTime(date: string | null): string | undefined {
  if (!date) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  throw new Error(`unreadable page date: ${date}`);
}

/** Builds the page as a document (a paragraph per sentence) and scans it as the content script would. */
export async function runPage(page: Page, dictionary: LoadedDictionary, doc: Document, today: string): Promise<Found[][]> {
  const published = publishedTime(page.date);
  doc.head.innerHTML = published ? `<meta property="article:published_time" content="${published}T09:00:00Z">` : '';
  doc.body.innerHTML = '';
  const article = doc.createElement('article');
  const paragraphs = page.sentences.map((s) => {
    const p = doc.createElement('p');
    p.textContent = s.text;
    article.append(p);
    return p;
  });
  doc.body.append(article);

  const index = new MentionIndex(dictionary, pagePublicationDate(doc), today, { show() {}, hide() {} });
  const controller = new AbortController();
  const scanner = new Scanner(doc, dictionary.searcher, index, controller.signal, { uiTag: UI });
  try {
    await scanner.start();
    const found: Found[][] = page.sentences.map(() => []);
    for (const m of index.visible()) {
      const p = m.nodes[0]!.parentElement!.closest('p')!;
      const i = paragraphs.indexOf(p);
      if (i < 0) throw new Error(`a mention outside the sentences on ${page.url}`);
      const { start, end } = offsetsIn(p, m);
      found[i]!.push({ start, end, surface: p.textContent!.slice(start, end), entity: dictionary.entities[m.entity]!.id, private: m.private });
    }
    return found;
  } finally {
    controller.abort();
  }
}

/** A mention's offsets in its paragraph's text. */
function offsetsIn(p: HTMLElement, m: Mention): { start: number; end: number } {
  const walker = p.ownerDocument.createTreeWalker(p, 4 /* NodeFilter.SHOW_TEXT */);
  let offset = 0;
  let start = -1;
  let end = -1;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (n === m.range.startContainer) start = offset + m.range.startOffset;
    if (n === m.range.endContainer) end = offset + m.range.endOffset;
    offset += n.data.length;
  }
  if (start < 0 || end < 0) throw new Error('a mention whose range is not in its paragraph');
  return { start, end };
}
