// Growing the knowledge base from a selection: the selected words as another name for an entity
// it already knows ("this is also Sajid Javid"), or as a new person, body or initiative.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../../shared/claims/claim';
import { kindInProse } from '../../shared/kind-label';
import type { EntityChoice } from '../../shared/messages';
import { ENTITY_KINDS, type EntityKind } from '../../shared/types';
import { background } from '../shared/background';

export function KnowledgeForm({ selected, entities, onDone }: { selected: string; entities: EntityChoice[]; onDone(saved: boolean): void }) {
  const name = selected.trim().replace(/\s+/g, ' ').slice(0, LIMITS.alias);
  const [mode, setMode] = useState<'alias' | 'new'>('alias');
  const [entityId, setEntityId] = useState('');
  const [kind, setKind] = useState<EntityKind>('person');
  const [newName, setNewName] = useState(name);
  const [summary, setSummary] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const sorted = useMemo(() => [...entities].sort((a, b) => a.name.localeCompare(b.name)), [entities]);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const valid = mode === 'alias' ? !!entityId && name.length > 0 : newName.trim().length > 0 && newName.length <= LIMITS.name;
  const save = async () => {
    if (!valid || saving) return;
    setSaving(true);
    try {
      if (mode === 'alias') await background('entity/add-alias', { entityId, alias: name });
      else await background('entity/create', { kind, name: newName.trim(), summary: summary.trim() });
      onDone(true);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  };

  return (
    <form class="claim-form" onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
      <fieldset class="field">
        <legend>“{name}” is…</legend>
        <label class="choice">
          <input ref={first} type="radio" name="kb-mode" checked={mode === 'alias'} onChange={() => setMode('alias')} />
          another name for
        </label>
        {mode === 'alias' && (
          <select aria-label="Which entity" value={entityId} onChange={(e) => setEntityId(e.currentTarget.value)}>
            <option value="">Choose…</option>
            {sorted.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
          </select>
        )}
        <label class="choice">
          <input type="radio" name="kb-mode" checked={mode === 'new'} onChange={() => setMode('new')} />
          something new
        </label>
        {mode === 'new' && (
          <div class="nested">
            <label for="kb-kind">It is</label>
            <select id="kb-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as EntityKind)}>
              {ENTITY_KINDS.map((k) => <option key={k} value={k}>{kindInProse(k)}</option>)}
            </select>
            <label for="kb-name">Name</label>
            <input id="kb-name" value={newName} onInput={(e) => setNewName(e.currentTarget.value)} />
            <label for="kb-summary">Summary <span class="muted">(optional)</span></label>
            <textarea id="kb-summary" rows={2} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
          </div>
        )}
      </fieldset>
      <p class="hint">Sound Familiar will light it up on every page from now on.</p>
      {failure && <p class="error" role="alert">Could not save: {failure}</p>}
      <div class="buttons">
        <button type="button" class="secondary" onClick={() => onDone(false)}>Cancel</button>
        <button type="submit" class="primary" disabled={!valid || saving}>Add to knowledge base</button>
      </div>
    </form>
  );
}
