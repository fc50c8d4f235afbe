// Picks the sentences of a page worth comparing with earlier promises: ones that announce or
// promise something (a strategy, a fund, a target, "will", "by 2030", "call to arms", "is now
// live"). A cheap filter for the content script, not a classifier: it errs towards letting through.

/** Promise and announcement wording; any one is enough. */
const SIGNALS: readonly RegExp[] = [
  /\b(?:will|shall|would|should|could|'ll|going to|is to|are to|set to|due to|plans? to|aims? to|intends? to|expects? to|wants? to|hopes? to)\b/i,
  /\b(?:by|before|until|from|in) (?:the (?:end|start|spring|summer|autumn|winter) of )?(?:(?:jan|febr)uary |march |april |may |june |july |august |(?:septem|octo|novem|decem)ber |spring |summer |autumn |winter )?(?:19|20)\d\d\b/i,
  // Money put into something, and bodies and rules brought into being.
  /£\d|\b(?:creat(?:e|es|ed|ing)|establish\w*|set(?:s|ting)? up|switch\w*|puts?|putting|gives?|giving|pushes|pushing|abolish\w*|scrap\w*|merg(?:e|es|ed|ing))\b/i,
  /\b(?:promis|pledg|commit|vow|announc|launch|unveil|introduc|publish|set(?:s|ting)? out|roll(?:s|ing|ed)? out|kick(?:s|ed)? off|replac|open(?:s|ed|ing)?\b|go(?:es|ne)? live|went live|is live|now)\w*/i,
  /\b(?:must|need to|has to|have to|due|wants?|expected|confirm\w*|agreed|approved|required|reaffirm\w*|restat\w*|new|first)\b/i,
  /\b(?:can (?:now )?(?:apply|bid|use|sign)|brought forward|bring forward|delay\w*|postpon\w*|extend\w*|push(?:ed)? back)\b/i,
  /\b(?:strateg(?:y|ies)|plan|roadmap|blueprint|vision|framework|declaration|charter|white paper|manifesto|mission|programme|fund|funding|investment|platform|target|ambition|goal|pilot|initiative|call to arms|coalition|alliance|partnership|taskforce|task force|review)s?\b/i,
];

/** Shapes that are not announcements: questions, and fragments too short or long to compare. */
const MIN_WORDS = 6;
const MAX_WORDS = 90;

export function isCandidate(sentence: string): boolean {
  const s = sentence.trim();
  if (s.endsWith('?')) return false;
  const n = s.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
  if (n < MIN_WORDS || n > MAX_WORDS) return false;
  // One is enough: the scorer and its threshold, not this filter, keep the page quiet. Stopping at
  // the first also spares the page compiling the other expressions (V8 compiles one on first use).
  return SIGNALS.some((re) => re.test(s));
}

/**
 * Splits running text into sentences at ., ! or ? followed by space and a capital, quote or
 * digit; abbreviations such as "Mr." and "e.g." and decimals ("£7.5m") do not end one.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[.!?]["'\u201d\u2019)]*\s+(?=["'\u201c\u2018(]?[A-Z0-9£])/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index + 1);
    if (/\b(?:Mr|Mrs|Ms|Dr|St|Sir|No|e\.g|i\.e|etc|vs)\.$/i.test(before)) continue;
    out.push(text.slice(start, m.index + m[0].trimEnd().length).trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}
