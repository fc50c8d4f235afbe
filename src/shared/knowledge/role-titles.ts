// The short titles running text uses for a post's holder. A person's role lists the ones that
// fit it, so "the Communities Secretary" on a page resolves to whoever held the post on the page's
// date. One vocabulary, so every pack means the same post by the same words.

export const ROLE_TITLES: readonly string[] = [
  'Communities Secretary', 'Housing Secretary', 'Levelling Up Secretary', 'Local Government Secretary',
  'Local Government Minister', 'Housing Minister', 'Minister for the Cabinet Office',
  'Chancellor of the Duchy of Lancaster', 'Paymaster General', 'Digital Minister',
  'Technology Secretary', 'Science Secretary', 'Culture Secretary', 'Digital Secretary',
  'Cabinet Office Minister', 'Minister for Implementation', 'Government Chief Digital Officer', 'Government Chief Technology Officer',
  'Government Chief Data Officer', 'GDS Director General', 'Chief Secretary to the Treasury',
  'Deputy Prime Minister', 'Prime Minister', 'Chancellor',
];
