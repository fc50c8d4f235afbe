// Describes a span of page text as W3C selectors: the exact quote with some context either side,
// and its position. The inverse is anchor-quote.ts.

import type { TextPositionSelector, TextQuoteSelector } from '../claims/claim';
import { LIMITS } from '../claims/claim';

export function describeQuote(text: string, start: number, end: number, context: number = 32): [TextQuoteSelector, TextPositionSelector] {
  const size = Math.min(context, LIMITS.context);
  return [
    { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - size), start), suffix: text.slice(end, end + size) },
    { type: 'TextPositionSelector', start, end },
  ];
}
