// Turns saved HTML pages into a table of document frequencies (one document per paragraph) of the
// stemmed words the echo tokenizer produces; used by background-build.test.ts.

import { terms } from '../../../../src/shared/echo/tokenize';
import type { BackgroundDf } from '../../../../src/shared/echo/background';

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', rsquo: "'", lsquo: "'", ldquo: '"', rdquo: '"', mdash: '-', ndash: '-', pound: '£' };

/** The text of each <p> of a page: tags dropped, entities decoded, scripts and styles never reached. */
export function paragraphs(html: string): string[] {
  const body = html.replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, ' ');
  const out: string[] = [];
  for (const m of body.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)) {
    const text = m[1]!.replace(/<[^>]+>/g, ' ')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&([a-z]+);/gi, (all, name: string) => ENTITIES[name.toLowerCase()] ?? all)
      .replace(/\s+/g, ' ').trim();
    if (text.split(' ').length >= 8) out.push(text);
  }
  return out;
}

/** Paragraph counts of each stem used in at least `min` paragraphs (rarer ones say little and cost space). */
export function backgroundCounts(pages: readonly string[], min = 3): BackgroundDf {
  const df = new Map<string, number>();
  let docs = 0;
  for (const page of pages) {
    for (const p of paragraphs(page)) {
      docs++;
      const seen = new Set(terms(p).map((t) => t.term).filter((t) => !t.includes(' ')));
      for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const kept = [...df].filter(([, n]) => n >= min).sort(([a], [b]) => (a < b ? -1 : 1));
  return { docs, df: Object.fromEntries(kept) };
}
