// Looks up the names and kinds of the entities claims refer to by id. An id the knowledge base no
// longer knows (deleted, or from an import) still shows as something readable, never as blank.

import type { EntityChoice } from '../../shared/messages';
import type { EntityKind } from '../../shared/types';

export interface EntityNames {
  nameOf(id: string): string;
  kindOf(id: string): EntityKind | undefined;
}

/** `gds-verify` → "gds verify": the best an unknown id can offer. */
function fromId(id: string): string {
  return id.replace(/-/g, ' ');
}

export function entityNames(entities: readonly EntityChoice[]): EntityNames {
  const byId = new Map(entities.map((e) => [e.id, e]));
  return {
    nameOf: (id) => byId.get(id)?.name ?? fromId(id),
    kindOf: (id) => byId.get(id)?.kind,
  };
}
