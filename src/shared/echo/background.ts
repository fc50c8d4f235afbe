// General-English document frequencies for the echo index: how many paragraphs of a corpus of real
// news and tech pages use each stem (background-df.json, rebuilt by
// test/unit/shared/echo/background-build.test.ts). Mixed into idf (bm25.ts) so that a word common
// in any text but rare in the knowledge base does not pass for a telling one.

import table from './background-df.json';

export interface BackgroundDf {
  /** Paragraphs counted. */
  docs: number;
  /** Stem → paragraphs using it (stems used in fewer than three are left out). */
  df: Record<string, number>;
}

export const BACKGROUND: BackgroundDf = table as BackgroundDf;
