// Re-finding an edited quote on long pages. The fuzzy search used to be a text × quote dynamic
// programme that gave up past 30 million cells, so an edited quote on a long page (a Hansard
// debate, a consultation response) was left unplaced however clearly it was still there.
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../../../../src/shared/anchoring/anchor-quote';
import { describeQuote } from '../../../../src/shared/anchoring/describe-quote';
import { LIMITS } from '../../../../src/shared/claims/claim';
import { PROMISE, spanOf } from './article';

/** `length` characters of distinct sentences that share the quote's vocabulary but never its words in order. */
function longPage(length: number, seed = 7): string {
  const words = ['department', 'will', 'publish', 'services', 'government', 'digital', 'council', 'roadmap', 'year', 'data', 'the', 'for', 'of', 'by', 'end'];
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const sentences: string[] = [];
  let total = 0;
  for (let i = 0; total < length; i++) {
    const sentence = `Item ${i}: ${Array.from({ length: 12 }, () => words[Math.floor(next() * words.length)]).join(' ')}.`;
    sentences.push(sentence);
    total += sentence.length + 1;
  }
  return sentences.join(' ');
}

/** `page` with `quote` put in after about `at` of its characters, at a sentence boundary. */
function withQuote(page: string, quote: string, at: number): string {
  const cut = page.indexOf('. ', at) + 2;
  return `${page.slice(0, cut)}${quote}. ${page.slice(cut)}`;
}

describe('anchoring an edited quote on a long page', () => {
  it('finds a lightly edited sentence near the end of a million-character page', () => {
    const page = longPage(1_000_000);
    const original = withQuote(page, PROMISE, 900_000);
    const [quote] = describeQuote(original, ...spanOf(original, PROMISE));
    const edited = PROMISE.replace('We will publish', 'We will launch');
    const today = withQuote(page, edited, 900_000);
    // Recorded with no position: the whole page must be searched.
    const anchor = anchorQuote(today, quote);
    const [start, end] = spanOf(today, edited);
    expect(anchor).toMatchObject({ start, end });
  });

  it('finds a quote of the longest length allowed, with a few edits, on a long page', () => {
    const page = longPage(300_000, 11);
    const long = longPage(LIMITS.quote, 99).slice(0, LIMITS.quote);
    const original = withQuote(page, long, 150_000);
    const [quote, position] = describeQuote(original, ...spanOf(original, long));
    const edited = long.replace(' roadmap ', ' plan ').replace(' council ', ' local authority ').replace(' data ', ' information ');
    expect(edited).not.toBe(long);
    // Text added before it moves it far from its recorded position.
    const today = withQuote(`${longPage(50_000, 3)} ${page}`, edited, 200_000);
    const anchor = anchorQuote(today, quote, position);
    const [start, end] = spanOf(today, edited);
    expect(anchor).toMatchObject({ start, end });
  });

  it('still leaves a quote that is gone unplaced, rather than attach it to the nearest lookalike', () => {
    const page = longPage(1_000_000, 5);
    const original = withQuote(page, PROMISE, 500_000);
    const [quote, position] = describeQuote(original, ...spanOf(original, PROMISE));
    expect(anchorQuote(page, quote, position)).toBeNull();
  });
});
