// With ECHOES_BACKGROUND=1, rebuilds src/shared/echo/background-df.json: how many paragraphs of 33
// real news and tech pages (../shared/corpus/pages, Mozilla Readability's test pages, Apache-2.0)
// use each stemmed word. It gives the echo index general-English document frequencies, so a word
// that is rare in the knowledge base but common in any text ("least", "others") is not mistaken for
// a telling one. Only counts leave the corpus, never its text. Skipped on ordinary runs.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backgroundCounts } from './background-lib';

const CORPUS = new URL('../../../../../shared/corpus/pages/', import.meta.url);
const OUT = new URL('../../../../src/shared/echo/background-df.json', import.meta.url);

describe.runIf(process.env.ECHOES_BACKGROUND === '1')('background document frequencies', () => {
  it('counts paragraphs per stem over the corpus pages and writes the table', () => {
    const pages = readdirSync(CORPUS).filter((f) => f.endsWith('.html')).sort().map((f) => readFileSync(new URL(f, CORPUS), 'utf8'));
    const table = backgroundCounts(pages);
    expect(table.docs).toBeGreaterThan(500);
    writeFileSync(OUT, `${JSON.stringify(table)}\n`);
  });
});
