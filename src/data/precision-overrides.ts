// Hand-made precision rules for aliases in the built-in knowledge base that are risky in running
// text (see ../shared/kb/README.md, "Things the data tells you about matching"). The general
// rules in shared/precision.ts cover most aliases; these are the exceptions they cannot infer.

/** Multi-word aliases that are ordinary phrases in lower case, so they must match case exactly. */
export const EXACT_CASE_ALIASES: readonly string[] = [
  'Local Digital', 'Local Digital team', 'Collaboration Unit', 'Transformation Strategy',
  'Digital Declaration', 'Local Government Coalition', 'Coalition action plan', 'Marsham Street',
  'Digital Strategy 2.0', 'UK Digital Champion', 'Communities and Local Government',
];

/**
 * Aliases that count only where the same entity is named unambiguously on the page: short
 * acronyms with other common meanings (LDF is also a planning Local Development Framework) and
 * phrases that name other things too.
 */
export const CONTEXT_ONLY_ALIASES: readonly string[] = [
  'LDF', 'LDD', 'GTS', 'GaaP', 'CLG', 'IDAP', 'LGCC', 'Solace', 'Collaboration Unit',
  'Transformation Strategy', 'Local Government Coalition', 'Coalition action plan', 'Marsham Street',
  'the housing ministry', 'Local Digital', 'Local Digital team', 'Digital Declaration',
  'UK Digital Champion', 'Digital Strategy 2.0', 'Local Digital programme (DCLG)',
];

/**
 * When two entities share a name, the one whose period contains the page's publication date is
 * meant. `Local Digital Programme` was DCLG's (2013–2016) and, from 2018, MHCLG's; a 2017 page
 * looks back at DCLG's.
 */
export const ENTITY_PERIODS: Readonly<Record<string, { from: string; to?: string }>> = {
  'dclg-local-digital-programme': { from: '2013', to: '2017-12-31' },
  'local-digital-programme-mhclg': { from: '2018' },
};
