// The page features, in hover order: one line each. See page-feature.ts for the contract.

import { startClaims } from './claims';
import { startMentions } from './mentions';
import type { PageServices } from './page-feature';

export const FEATURES = {
  mentions: startMentions,
  claims: startClaims,
};

export type Features = { [K in keyof typeof FEATURES]: ReturnType<(typeof FEATURES)[K]> };

export function startFeatures(services: PageServices): Features {
  return Object.fromEntries(Object.entries(FEATURES).map(([name, start]) => [name, start(services)])) as Features;
}
