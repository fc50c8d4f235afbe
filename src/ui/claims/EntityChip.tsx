// An entity's name with its kind's colour (amber initiative, teal body, violet person), as the
// in-page highlights and card colour them. Unknown kinds get a neutral grey.

import type { EntityNames } from './entity-names';

export function EntityChip({ id, names }: { id: string; names: EntityNames }) {
  const kind = names.kindOf(id);
  return (
    <span class={`chip kind-${kind ?? 'unknown'}`}>
      <span class="dot" aria-hidden="true" />
      {names.nameOf(id)}
    </span>
  );
}
