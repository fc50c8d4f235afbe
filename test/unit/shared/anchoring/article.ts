// A news article in the shape the page-text walk produces: paragraphs joined by one space,
// whitespace collapsed. Used to describe quotes and re-anchor them after the page changes.

export const PARAGRAPHS = [
  'Government sets out plan to fix digital public services',
  'From: Cabinet Office and Government Digital Service. Published 9 June 2022.',
  'The government has today published a roadmap for digital and data which sets out how departments will work together to transform public services by 2025.',
  'Speaking at the launch, the minister said: "We will publish a single sign-on for all government services by the end of next year, so that nobody has to remember twenty passwords to deal with the state."',
  'The roadmap commits departments to hiring at least 500 new digital specialists by 2025, and to retiring the most expensive legacy systems within three years.',
  'Critics pointed out that GOV.UK Verify, launched in 2016, was meant to do the same and was closed after missing its targets.',
  'A spokesperson for the Central Digital and Data Office said progress would be reported every six months.',
] as const;

export const ARTICLE = PARAGRAPHS.join(' ');

/** The sentence most tests quote: long enough (over 32 characters) to be placed without context. */
export const PROMISE = 'We will publish a single sign-on for all government services by the end of next year';

/** Start and end of the first occurrence of `quote` in `text`; throws if absent, so fixtures stay honest. */
export function spanOf(text: string, quote: string, from = 0): [number, number] {
  const at = text.indexOf(quote, from);
  if (at < 0) throw new Error(`fixture text does not contain ${JSON.stringify(quote)}`);
  return [at, at + quote.length];
}
