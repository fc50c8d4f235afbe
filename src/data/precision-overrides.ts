// Precision rules for the built-in knowledge that are not yet part of the pack's data. Which
// aliases are ordinary words (and so count only in context, in their case) is now data: each
// entity's `contextAliases` in src/data/core/*.json. What remains is choosing between entities
// that share a name, by the page's date.

import type { PrecisionData } from '../shared/precision';

/** No alias needs a rule beyond its entity's own data. */
export const PRECISION: PrecisionData = { exactCase: new Set(), contextOnly: new Set() };

/**
 * When two entities share a name, the one whose period contains the page's publication date is
 * meant. `Local Digital Programme` was DCLG's (2013–2016) and, from 2018, MHCLG's; a 2017 page
 * looks back at DCLG's.
 */
export const ENTITY_PERIODS: Readonly<Record<string, { from: string; to?: string }>> = {
  'dclg-local-digital-programme': { from: '2013', to: '2017-12-31' },
  'local-digital-programme-mhclg': { from: '2018' },
};
