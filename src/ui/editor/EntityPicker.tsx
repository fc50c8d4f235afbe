// Choosing the entities a claim concerns: chips for those chosen (each removable), and a
// filterable list to add more. Plain buttons and a labelled input: fully usable by keyboard.

import { useMemo, useRef, useState } from 'preact/hooks';
import { KIND_LABEL } from '../../shared/kind-label';
import type { EntityChoice } from '../../shared/messages';
import { foldText } from '../../shared/normalise';

export function EntityPicker({ entities, chosen, onChange, exclude }: {
  entities: EntityChoice[];
  chosen: string[];
  onChange(ids: string[]): void;
  exclude?: string;
}) {
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const byId = useMemo(() => new Map(entities.map((e) => [e.id, e])), [entities]);
  const matches = useMemo(() => {
    const q = foldText(query).trim();
    if (!q) return [];
    return entities
      .filter((e) => !chosen.includes(e.id) && e.id !== exclude)
      .filter((e) => foldText(e.name).includes(q) || e.aliases.some((a) => foldText(a).includes(q)))
      .slice(0, 6);
  }, [entities, chosen, query, exclude]);

  return (
    <div class="picker">
      <ul class="chips" aria-label="Chosen">
        {chosen.length === 0 && <li class="muted">None yet</li>}
        {chosen.map((id) => (
          <li key={id} class={`chip kind-${byId.get(id)?.kind ?? 'body'}`}>
            {byId.get(id)?.name ?? id}
            <button type="button" aria-label={`Remove ${byId.get(id)?.name ?? id}`} onClick={() => { onChange(chosen.filter((c) => c !== id)); search.current?.focus(); }}>×</button>
          </li>
        ))}
      </ul>
      <label class="sub" for="entity-search">Add an initiative, body or person</label>
      <input ref={search} id="entity-search" type="search" value={query} autocomplete="off" placeholder="Type a name…"
        onInput={(e) => setQuery(e.currentTarget.value)} />
      {matches.length > 0 && (
        <ul class="suggestions">
          {matches.map((e) => (
            <li key={e.id}>
              {/* The button goes away with the list: focus goes back to the search, not to the page's body. */}
              <button type="button" onClick={() => { onChange([...chosen, e.id]); setQuery(''); search.current?.focus(); }}>
                <span>{e.name}</span> <span class="muted">{KIND_LABEL[e.kind]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
