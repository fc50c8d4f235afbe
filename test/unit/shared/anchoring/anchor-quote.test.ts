// Re-finding a recorded quote in today's page text: the same page, an edited page, a page with
// the quote gone, duplicated, or only present by chance. The rule under test is the design's:
// a claim that cannot be placed is unplaced, never attached to the wrong sentence.
import { describe, expect, it } from 'vitest';
import { anchorQuote, contextScore, MIN_FUZZY_SIMILARITY } from '../../../../src/shared/anchoring/anchor-quote';
import { describeQuote } from '../../../../src/shared/anchoring/describe-quote';
import { LIMITS } from '../../../../src/shared/claims/claim';
import { corpusPages, pageText } from '../../helpers/corpus';
import { ARTICLE, PARAGRAPHS, PROMISE, spanOf } from './article';

const describeIn = (text: string, quote: string, from = 0) => {
  const [start, end] = spanOf(text, quote, from);
  return describeQuote(text, start, end);
};

describe('describeQuote', () => {
  it('gives the exact quote, 32 characters of context either side and the position', () => {
    const [start, end] = spanOf(ARTICLE, PROMISE);
    const [quote, position] = describeQuote(ARTICLE, start, end);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: PROMISE,
      prefix: ARTICLE.slice(start - 32, start),
      suffix: ARTICLE.slice(end, end + 32),
    });
    expect(quote.prefix).toBe('ng at the launch, the minister said: "'.slice(-32));
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('cuts the context at the start and end of the text', () => {
    const [quote] = describeQuote(ARTICLE, 0, 10);
    expect(quote.prefix).toBe('');
    expect(quote.exact).toBe('Government');
    const [last] = describeQuote(ARTICLE, ARTICLE.length - 5, ARTICLE.length);
    expect(last.exact).toBe('nths.');
    expect(last.suffix).toBe('');
  });

  it('never stores more context than the claim limit, whatever is asked', () => {
    const [start, end] = spanOf(ARTICLE, PROMISE);
    const [quote] = describeQuote(ARTICLE, start, end, 500);
    expect(quote.prefix).toHaveLength(LIMITS.context);
    expect(quote.suffix).toHaveLength(LIMITS.context);
    expect(quote.prefix).toBe(ARTICLE.slice(start - LIMITS.context, start));
  });
});

describe('anchorQuote on the unchanged page', () => {
  it('finds the quote at its recorded position, with full confidence', () => {
    const [quote, position] = describeIn(ARTICLE, PROMISE);
    expect(anchorQuote(ARTICLE, quote, position)).toEqual({ start: position.start, end: position.end, score: 1 });
  });

  it('finds it by quote when no position was recorded', () => {
    const [quote, position] = describeIn(ARTICLE, PROMISE);
    const anchor = anchorQuote(ARTICLE, quote);
    expect(anchor).toMatchObject({ start: position.start, end: position.end });
    expect(anchor!.score).toBeCloseTo(0.8);
  });

  it('places nothing for an empty quote', () => {
    expect(anchorQuote(ARTICLE, { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' })).toBeNull();
  });
});

describe('anchorQuote on a changed page', () => {
  it('finds the quote by its words when a paragraph was inserted before it', () => {
    const [quote, position] = describeIn(ARTICLE, PROMISE);
    const inserted = 'Update, 10 June 2022: this article was amended to add a response from the Local Government Association, which welcomed the plan.';
    const changed = [PARAGRAPHS[0], inserted, ...PARAGRAPHS.slice(1)].join(' ');
    const anchor = anchorQuote(changed, quote, position);
    const [start, end] = spanOf(changed, PROMISE);
    expect(start).toBe(position.start + inserted.length + 1);
    expect(anchor).toMatchObject({ start, end });
    expect(changed.slice(anchor!.start, anchor!.end)).toBe(PROMISE);
    expect(anchor!.score).toBeGreaterThan(0.95);
  });

  it('finds an edited quote (one word changed) by fuzzy search, covering the edited sentence', () => {
    const [quote, position] = describeIn(ARTICLE, PROMISE);
    const edited = PROMISE.replace('We will publish', 'We will launch');
    const changed = ARTICLE.replace(PROMISE, edited);
    const anchor = anchorQuote(changed, quote, position);
    expect(anchor).not.toBeNull();
    expect(anchor!.start).toBe(position.start);
    expect(anchor!.end).toBe(position.start + edited.length);
    expect(changed.slice(anchor!.start, anchor!.end)).toBe(edited);
    expect(anchor!.score).toBeGreaterThan(MIN_FUZZY_SIMILARITY * 0.8);
  });

  it('finds an edited quote even after text was inserted before it (outside the near window)', () => {
    const [quote, position] = describeIn(ARTICLE, PROMISE);
    const filler = 'Background: '.concat('The programme has a long history of missed deadlines and changing scope. '.repeat(60));
    const edited = PROMISE.replace('end of next year', 'end of the year');
    const changed = [PARAGRAPHS[0], filler, ...PARAGRAPHS.slice(1)].join(' ').replace(PROMISE, edited);
    const anchor = anchorQuote(changed, quote, position);
    const [start, end] = spanOf(changed, edited);
    expect(start - position.start).toBeGreaterThan(4000);
    expect(anchor).toMatchObject({ start, end });
  });

  it('leaves a quote unplaced when its sentence was rewritten beyond recognition', () => {
    const [quote, position] = describeIn(ARTICLE, PROMISE);
    const rewritten = 'Ministers promised one login for every government service, to arrive within about eighteen months';
    const changed = ARTICLE.replace(PROMISE, rewritten);
    expect(anchorQuote(changed, quote, position)).toBeNull();
  });

  it('leaves a quote unplaced when its paragraph was deleted', () => {
    const [quote, position] = describeIn(ARTICLE, PROMISE);
    const changed = PARAGRAPHS.filter((p) => !p.includes(PROMISE)).join(' ');
    expect(anchorQuote(changed, quote, position)).toBeNull();
  });

  it('does not attach a deleted quote to a different, dissimilar sentence at the old position', () => {
    const [quote, position] = describeIn(ARTICLE, PROMISE);
    const replacement = 'The minister declined to comment on the timetable when asked by reporters after the launch event.';
    const changed = ARTICLE.replace(PARAGRAPHS[3], replacement);
    expect(anchorQuote(changed, quote, position)).toBeNull();
  });

  // Regression test: this failed before dcc21cb.
  it('does not attach a deleted quote to a similar but different sentence elsewhere', () => {
    const text = 'Ministers met on Tuesday. The department will hire 500 new digital specialists by 2025. Critics were unconvinced.';
    const [quote, position] = describeIn(text, 'The department will hire 500 new digital specialists by 2025.');
    const changed = 'Ministers met on Tuesday. Critics were unconvinced. In Wales, officials said the department will hire 300 new data specialists by 2027, a spokesperson confirmed.';
    expect(anchorQuote(changed, quote, position)).toBeNull();
  });
});

describe('anchorQuote with the quote on the page twice', () => {
  it('picks the occurrence whose prefix and suffix match, even when the other is nearer the old position', () => {
    const [quote, position] = describeIn(ARTICLE, PROMISE);
    // A pull-quote repeats the sentence just before the paragraph it came from.
    const pull = `Pull quote: ${PROMISE}, says the minister.`;
    const changed = [...PARAGRAPHS.slice(0, 3), pull, ...PARAGRAPHS.slice(3)].join(' ');
    const [pullStart] = spanOf(changed, PROMISE);
    const [realStart, realEnd] = spanOf(changed, PROMISE, pullStart + 1);
    expect(Math.abs(pullStart - position.start)).toBeLessThan(Math.abs(realStart - position.start));
    expect(anchorQuote(changed, quote, position)).toMatchObject({ start: realStart, end: realEnd });
  });

  it('with identical context around both, picks the one nearer the old position', () => {
    // The page now repeats the whole paragraph (a "key quote" box), far before or far after.
    const [quote, position] = describeIn(ARTICLE, PROMISE);
    const box = `${PARAGRAPHS[2]} ${PARAGRAPHS[3]} ${PARAGRAPHS[4]}`;
    const padding = 'Other news in brief. '.repeat(40);
    const after = `${ARTICLE} ${padding}${box}`;
    const [firstAfter] = spanOf(after, PROMISE);
    expect(firstAfter).toBe(position.start);
    expect(anchorQuote(after, quote, position)).toMatchObject({ start: position.start });

    const before = `${box} ${padding}${ARTICLE}`;
    const [early] = spanOf(before, PROMISE);
    const [late, lateEnd] = spanOf(before, PROMISE, early + 1);
    // Both occurrences carry the same 32 characters either side.
    expect(contextScore(before, early, early + PROMISE.length, quote)).toBe(1);
    expect(contextScore(before, late, lateEnd, quote)).toBe(1);
    const movedPosition = { ...position, start: late - 10, end: late - 10 + PROMISE.length };
    expect(anchorQuote(before, quote, movedPosition)).toMatchObject({ start: late, end: lateEnd });
    const nearEarly = { ...position, start: early + 10, end: early + 10 + PROMISE.length };
    expect(anchorQuote(before, quote, nearEarly)).toMatchObject({ start: early });
  });
});

describe('anchorQuote with short quotes', () => {
  const SHORT = 'single sign-on'; // 14 characters
  const MEDIUM = 'a single sign-on for all'; // 24 characters: under 32, over the fuzzy minimum of 16

  it('places a short quote where its context still matches', () => {
    const [quote, position] = describeIn(ARTICLE, MEDIUM);
    const changed = `Breaking: ${ARTICLE}`;
    expect(anchorQuote(changed, quote, position)).toMatchObject({ start: position.start + 10 });
  });

  it('does not place a very short quote that now appears only in other words', () => {
    const [quote, position] = describeIn(ARTICLE, SHORT);
    const changed = 'Departments will move to a single sign-on system, the Treasury said in a statement on Friday.';
    expect(anchorQuote(changed, quote, position)).toBeNull();
  });

  // Regression test: this failed before dcc21cb.
  it('does not place a 16–31 character quote whose context no longer matches anywhere', () => {
    const [quote, position] = describeIn(ARTICLE, MEDIUM);
    const changed = 'Departments will move to a single sign-on for all staff, the Treasury said in a statement on Friday.';
    expect(anchorQuote(changed, quote, position)).toBeNull();
  });
});

describe('anchorQuote on real pages', () => {
  // Whitespace collapsed as page-text.ts does, so offsets mean the same thing.
  const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
  const pages = corpusPages().slice(0, 6);

  it.each(pages)('%s: quotes taken across the page re-anchor at their position, then after an insertion by quote', (file) => {
    const text = collapse(pageText(file));
    const insertion = 'Editor’s note: this article has been updated with comment from the department. ';
    let checked = 0;
    for (let i = 1; i <= 8; i++) {
      const start = Math.floor((text.length * i) / 9);
      const end = Math.min(text.length, start + 60);
      const exact = text.slice(start, end);
      if (exact.trim().length < 40 || text.indexOf(exact) !== text.lastIndexOf(exact)) continue;
      const [quote, position] = describeQuote(text, start, end);
      expect(anchorQuote(text, quote, position)).toMatchObject({ start, end });
      const changed = insertion + text;
      expect(anchorQuote(changed, quote, position)).toMatchObject({ start: start + insertion.length, end: end + insertion.length });
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});
