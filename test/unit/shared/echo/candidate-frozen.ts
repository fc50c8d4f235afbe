// A frozen copy of isCandidate as it was before the pre-test and single compiled expression
// (commit db8aba8): the reference the equivalence test and the bench compare the live one with.
// Do not edit: it is the old behaviour every candidate decision must keep.

const SIGNALS: readonly RegExp[] = [
  /\b(?:will|shall|would|should|could|'ll|going to|is to|are to|set to|due to|plans? to|aims? to|intends? to|expects? to|wants? to|hopes? to)\b/i,
  /\b(?:by|before|until|from|in) (?:the (?:end|start|spring|summer|autumn|winter) of )?(?:(?:jan|febr)uary |march |april |may |june |july |august |(?:septem|octo|novem|decem)ber |spring |summer |autumn |winter )?(?:19|20)\d\d\b/i,
  /£\d|\b(?:creat(?:e|es|ed|ing)|establish\w*|set(?:s|ting)? up|switch\w*|puts?|putting|gives?|giving|pushes|pushing|abolish\w*|scrap\w*|merg(?:e|es|ed|ing))\b/i,
  /\b(?:promis|pledg|commit|vow|announc|launch|unveil|introduc|publish|set(?:s|ting)? out|roll(?:s|ing|ed)? out|kick(?:s|ed)? off|replac|open(?:s|ed|ing)?\b|go(?:es|ne)? live|went live|is live|now)\w*/i,
  /\b(?:must|need to|has to|have to|due|wants?|expected|confirm\w*|agreed|approved|required|reaffirm\w*|restat\w*|new|first)\b/i,
  /\b(?:can (?:now )?(?:apply|bid|use|sign)|brought forward|bring forward|delay\w*|postpon\w*|extend\w*|push(?:ed)? back)\b/i,
  /\b(?:strateg(?:y|ies)|plan|roadmap|blueprint|vision|framework|declaration|charter|white paper|manifesto|mission|programme|fund|funding|investment|platform|target|ambition|goal|pilot|initiative|call to arms|coalition|alliance|partnership|taskforce|task force|review)s?\b/i,
];

export function isCandidateFrozen(sentence: string): boolean {
  const s = sentence.trim();
  if (s.endsWith('?')) return false;
  const n = s.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
  if (n < 6 || n > 90) return false;
  return SIGNALS.some((re) => re.test(s));
}
