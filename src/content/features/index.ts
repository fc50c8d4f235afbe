// The page features, in hover order: one line each. See page-feature.ts for the contract. A
// feature may wait on one registered before it (echoes read the page after the mentions' scan).

import { startClaims } from './claims';
import { startEchoes } from './echoes';
import { startMentions, type MentionsFeature } from './mentions';
import type { PageFeature, PageServices } from './page-feature';

/** The features registered before the one starting. */
interface Earlier {
  mentions?: MentionsFeature;
}

export const FEATURES = {
  mentions: (s: PageServices) => startMentions(s),
  claims: (s: PageServices) => startClaims(s),
  echoes: (s: PageServices, earlier: Earlier) => startEchoes(s, earlier.mentions!),
};

export type Features = { [K in keyof typeof FEATURES]: ReturnType<(typeof FEATURES)[K]> };

export function startFeatures(services: PageServices): Features {
  const started: Record<string, PageFeature> = {};
  for (const [name, start] of Object.entries(FEATURES) as [string, (s: PageServices, earlier: Earlier) => PageFeature][]) {
    started[name] = start(services, started);
  }
  return started as unknown as Features;
}
