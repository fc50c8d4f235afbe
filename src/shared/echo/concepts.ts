// The field's vocabulary of ideas: wordings of one thing ("local authorities", "councils"; "sign in",
// "log on") folded into one concept term before stemming, so that two wordings meet, and named for
// the card's "ideas in common" line. Hand-built from the development pairs and the field's usual
// phrasing; small on purpose. tokenize.ts keeps each term as it is, never stemming it again.

export interface Concept {
  pattern: RegExp;
  term: string;
  /** How the card names the idea. */
  name: string;
}

const rx = (source: string) => new RegExp(source, 'g');

export const CONCEPTS: readonly Concept[] = [
  { pattern: rx(String.raw`\blocal (?:authorit(?:y|ies)|government|councils?)\b|\bcouncils?\b`), term: 'council', name: 'councils' },
  { pattern: rx(String.raw`\b(?:sign(?:ing)?[- ]?(?:in|on)|log(?:ging)?[- ]?(?:in|on)|login)s?\b`), term: 'login', name: 'signing in' },
  {
    pattern: rx(String.raw`\bdigital (?:id|identit(?:y|ies)|credentials?)\b|\bidentity (?:assurance|verification|checks?)\b|\bverify(?:ing)? (?:their |your |people's )?identity\b|\bprove (?:who (?:they|you) are|(?:their|your) identity)\b`),
    term: 'ident', name: 'digital identity',
  },
  { pattern: rx(String.raw`\bpaper[- ]?(?:free|less|based)\b`), term: 'paperless', name: 'paperless' },
  {
    pattern: rx(String.raw`\b(?:re[- ]?key(?:ing|ed)?|re[- ]?enter(?:ing|ed)?|(?:tell|ask) (?:us|people|citizens|government) (?:for )?(?:something |the same )?(?:information )?once|once[- ]only)\b`),
    term: 'onceonli', name: 'asking only once',
  },
  {
    pattern: rx(String.raw`\blegacy (?:it|ict|systems?|technology|estate)\b|\b(?:ageing|aging|old|outdated|out-dated|obsolete) (?:it|ict|systems?|technology|computers?)\b`),
    term: 'legaci', name: 'legacy IT',
  },
  {
    pattern: rx(String.raw`\bgovernment as a platform\b|\b(?:shared|common) (?:components?|platforms?|products?|building blocks?)\b`),
    term: 'gaap', name: 'shared platforms',
  },
  { pattern: rx(String.raw`\bpaperwork\b|\bred tape\b|\bbureaucracy\b|\badmin(?:istration)? (?:burden|time)\b`), term: 'paperwork', name: 'less paperwork' },
  { pattern: rx(String.raw`\bgigabit(?:-capable)?(?: broadband)?\b|\bfull[- ]fibre\b|\b(?:superfast )?broadband\b|\bmobile coverage\b`), term: 'broadband', name: 'broadband' },
  {
    pattern: rx(String.raw`\bdigital(?:ly)? (?:inclusion|exclusion|excluded|skills)\b|\bget(?:ting)? (?:people |more people )?online\b`),
    term: 'inclus', name: 'digital inclusion',
  },
  { pattern: rx(String.raw`\bcivil serv(?:ants?|ice)\b`), term: 'civilservic', name: 'the civil service' },
  { pattern: rx(String.raw`\b(?:outside|out of|beyond|away from) (?:london|whitehall)\b|\brelocat(?:e|es|ed|ing|ion)\b`), term: 'outsidelondon', name: 'moving out of London' },
  {
    pattern: rx(String.raw`\b(?:shar(?:e|es|ed|ing)|reus(?:e|es|ed|ing)) (?:personal |their |people's )?(?:data|information)\b|\bdata[- ]sharing\b|\b(?:data|information)(?: \w+){0,4} (?:shared|reused)\b`),
    term: 'datashar', name: 'sharing data',
  },
  { pattern: rx(String.raw`\bdigital by default\b|\bdigital[- ]first\b|\bonline by default\b`), term: 'digitalfirst', name: 'digital by default' },
  { pattern: rx(String.raw`\bspend(?:ing)? controls?\b|\bcentral approval for (?:technology|it|digital) spend(?:ing)?\b`), term: 'spendcontrol', name: 'spending controls' },
  { pattern: rx(String.raw`\bopen data\b|\bpresumption to publish\b`), term: 'opendata', name: 'open data' },
  { pattern: rx(String.raw`\b(?:smartphone |mobile )?apps?\b`), term: 'app', name: 'an app' },
  { pattern: rx(String.raw`\bartificial intelligence\b|\bai\b`), term: 'ai', name: 'AI' },
  { pattern: rx(String.raw`\b(?:electronic (?:patient|health) records?|eprs?)\b`), term: 'epr', name: 'electronic patient records' },
  // The field's wordings for what happens to a promise's object (switched off, merged, made
  // compulsory) and for a few more of its subjects; added together, cross-validated as a set.
  {
    pattern: rx(String.raw`\bidentity check(?:ing|er)?s?\b|\bproving (?:their |your |people's )?identity\b|\bdigital ids\b`),
    term: 'ident', name: 'digital identity',
  },
  {
    pattern: rx(String.raw`\bspending (?:data|over £\d+)\b|\bpublish(?:es|ing|ed)? (?:all |every item )?(?:of )?(?:its |their )?spending\b|\btransparency code\b`),
    term: 'spendtranspar', name: 'publishing spending',
  },
  {
    pattern: rx(String.raw`\bdevolution\b|\bdevolved (?:powers|funding)\b|\b(?:combined|strategic) authorit(?:y|ies)\b|\bmetro mayors?\b`),
    term: 'devolut', name: 'devolution',
  },
  {
    pattern: rx(String.raw`\bswitch(?:ed|ing)? (?:it |them )?off\b|\bdecommission(?:ed|ing|s)?\b|\bshut(?:ting)? down\b|\bphas(?:e|ed|ing) (?:it |them )?out\b|\bretir(?:e|ed|ing|ement)\b`),
    term: 'switchoff', name: 'switching off',
  },
  { pattern: rx(String.raw`\babolish(?:ed|ing)?\b|\babolition\b|\bmerg(?:e|er|ed|ing)\b|\bfold(?:ed|ing)? into\b|\bbrought (?:back )?into\b`), term: 'merger', name: 'merging bodies' },
  { pattern: rx(String.raw`\bmandat(?:e|ed|ing|ory)\b|\bcompulsory\b|\blegal requirement\b`), term: 'mandatori', name: 'made compulsory' },
  { pattern: rx(String.raw`\boffline (?:population|people|adults)\b|\b(?:people|adults) (?:who are )?offline\b|\bdata poverty\b`), term: 'inclus', name: 'digital inclusion' },
  { pattern: rx(String.raw`\bcyber[- ]?(?:security|secure|resilien(?:ce|t)|attacks?)\b`), term: 'cybersecur', name: 'cyber security' },
  // Development pairs (gaap-10, gaap-11, fresh-cloud-1, ho4-p-19, ho4-p-20) say "look at cloud
  // services first" or "evaluate cloud options first" where the policy's events say "cloud first".
  {
    pattern: rx(String.raw`\bcloud[- ]first\b|\b(?:look(?:s|ing)?|consider(?:s|ing)?|evaluat(?:e|es|ing)|check(?:s|ing)?) (?:at )?(?:public |commercial )?cloud (?:services |options |solutions |hosting )?(?:first|before anything else)\b`),
    term: 'cloudfirst', name: 'cloud first',
  },
];

export const IDEA_TERMS: ReadonlySet<string> = new Set(CONCEPTS.map((c) => c.term));
export const IDEA_NAMES: Readonly<Record<string, string>> = Object.fromEntries(CONCEPTS.map((c) => [c.term, c.name]));
