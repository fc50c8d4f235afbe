// The core knowledge pack: the built-in entities, one file per research batch. Each file is an
// array of entities in the pack schema that src/shared/knowledge/core-entity.ts reads.

import additions from './core/additions.json';
import existing from './core/existing.json';
import localGovernment from './core/local-government.json';
import ministersDigital from './core/ministers-digital.json';
import ministersLocal from './core/ministers-local.json';
import nationalBodies from './core/national-bodies.json';
import platforms from './core/platforms.json';
import programmes from './core/programmes.json';
import sectorPeople from './core/sector-people.json';
import strategies from './core/strategies.json';

export const CORE_PACK_FILES: Readonly<Record<string, readonly unknown[]>> = {
  'additions.json': additions,
  'existing.json': existing,
  'local-government.json': localGovernment,
  'ministers-digital.json': ministersDigital,
  'ministers-local.json': ministersLocal,
  'national-bodies.json': nationalBodies,
  'platforms.json': platforms,
  'programmes.json': programmes,
  'sector-people.json': sectorPeople,
  'strategies.json': strategies,
};
