// Reads one entity of the built-in core pack (src/data/core/*.json) through the one entity parser
// (entity-parser.ts), as the loader and the knowledge checks want it: the sound part of the
// entity, and every way it falls short of the rules as lines of text. The loader keeps what is
// sound and drops the rest; the knowledge checks (npm run kb:check) require the list to be empty.

import { parseEntity, problemText, type CoreEntity } from './entity-parser';

export type { CoreEntity } from './entity-parser';

export interface ParsedEntity {
  entity: CoreEntity | null;
  problems: string[];
}

/** `where` is the file and position ("programmes.json[3]"); problems name the id once it is known. */
export function parseCoreEntity(raw: unknown, where: string): ParsedEntity {
  const { entity, problems } = parseEntity(raw, { where, named: (id) => `${where}[${id}]` });
  return { entity, problems: problems.map(problemText) };
}
