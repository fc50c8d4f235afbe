// What each kind of entity is called wherever people see it: the card, the popup's list, the
// editor's pickers. One table, so a new kind (or a renamed one) is named the same everywhere.

import type { EntityKind } from './types';

export const KIND_LABEL: Readonly<Record<EntityKind, string>> = { initiative: 'Initiative', body: 'Body', person: 'Person' };

/** The kind in running text after "It is": "an initiative", "a body", "a person". */
export function kindInProse(kind: EntityKind): string {
  const word = KIND_LABEL[kind].toLowerCase();
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}
