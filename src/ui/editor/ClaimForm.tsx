// The claim form: who said it, what it concerns, when, what kind of claim, how it stands, and a
// note. Saves into the draft as the user types (nothing is lost if the page goes away), and
// saves the claim on "Save claim" or Ctrl/⌘+Enter.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CLAIM_STATUSES, CLAIM_TYPES, STATUS_LABEL, TYPE_LABEL, type ClaimDraft } from '../../shared/claims/claim';
import type { EntityChoice } from '../../shared/messages';
import { background } from '../shared/background';
import { EntityPicker } from './EntityPicker';
import { fieldsFromForm, formFromFields, NEW_PERSON, validateForm, type FormState } from './form-state';

const AUTOSAVE_MS = 300;

export function ClaimForm({ draft, entities, onDone }: { draft: ClaimDraft; entities: EntityChoice[]; onDone(saved: boolean): void }) {
  const [form, setForm] = useState<FormState>(() => formFromFields(draft.fields));
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const errors = useMemo(() => validateForm(form), [form]);
  const people = useMemo(() => entities.filter((e) => e.kind === 'person'), [entities]);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => first.current?.focus(), []);

  // Autosave the draft: only a valid form is written, so a half-typed date never reaches storage.
  useEffect(() => {
    if (Object.keys(validateForm(form)).length > 0) return;
    const timer = setTimeout(() => void background('draft/update', { id: draft.id, fields: fieldsFromForm(form) }).catch(() => undefined), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [form, draft.id]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = async () => {
    setSubmitted(true);
    if (Object.keys(errors).length > 0 || saving) return;
    setSaving(true);
    setFailure(null);
    try {
      // A person not yet known is created by the same call that saves the claim, in one
      // transaction: two calls left the person behind when the second failed.
      const newClaimant = form.claimant === NEW_PERSON ? { newClaimant: form.newClaimantName.trim() } : {};
      await background('draft/save', { id: draft.id, fields: fieldsFromForm(form), ...newClaimant });
      onDone(true);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  const show = (key: keyof FormState) => (submitted || key === 'madeOn' || key === 'deadline') && errors[key];

  return (
    <form class="claim-form" onSubmit={(e) => { e.preventDefault(); void save(); }} onKeyDown={onKeyDown} noValidate>
      <div class="field">
        <label for="claimant">Who made it</label>
        <select id="claimant" ref={first} value={form.claimant} onChange={(e) => set('claimant', e.currentTarget.value)}>
          <option value="">Unknown</option>
          {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          <option value={NEW_PERSON}>Someone not listed…</option>
        </select>
        {form.claimant === NEW_PERSON && (
          <>
            <label class="sub" for="new-claimant">Their name</label>
            <input id="new-claimant" value={form.newClaimantName} onInput={(e) => set('newClaimantName', e.currentTarget.value)}
              aria-invalid={!!show('newClaimantName')} aria-describedby="new-claimant-error" />
            {show('newClaimantName') && <p class="error" id="new-claimant-error">{errors.newClaimantName}</p>}
          </>
        )}
      </div>

      <div class="field">
        <span class="label" id="entities-label">What it concerns</span>
        <EntityPicker entities={entities} chosen={form.entities} onChange={(ids) => set('entities', ids)} exclude={form.claimant} />
      </div>

      <div class="row">
        <div class="field">
          <label for="made-on">Date made</label>
          <input id="made-on" value={form.madeOn} placeholder="2017-11-21" inputMode="numeric"
            onInput={(e) => set('madeOn', e.currentTarget.value)} aria-invalid={!!show('madeOn')} aria-describedby="made-on-error" />
          {show('madeOn') && <p class="error" id="made-on-error">{errors.madeOn}</p>}
        </div>
        <div class="field">
          <label for="deadline">Deadline <span class="muted">(optional)</span></label>
          <input id="deadline" value={form.deadline} placeholder="2018-03" inputMode="numeric"
            onInput={(e) => set('deadline', e.currentTarget.value)} aria-invalid={!!show('deadline')} aria-describedby="deadline-error" />
          {show('deadline') && <p class="error" id="deadline-error">{errors.deadline}</p>}
        </div>
      </div>

      <fieldset class="field">
        <legend>Type</legend>
        <div class="segmented">
          {CLAIM_TYPES.map((t) => (
            <label key={t} class={form.claimType === t ? 'on' : ''}>
              <input type="radio" name="claim-type" value={t} checked={form.claimType === t} onChange={() => set('claimType', t)} />
              {TYPE_LABEL[t]}
            </label>
          ))}
        </div>
      </fieldset>

      <div class="field">
        <label for="status">Status</label>
        <select id="status" value={form.status} onChange={(e) => set('status', e.currentTarget.value as FormState['status'])}>
          {CLAIM_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
        </select>
      </div>

      <div class="field">
        <label for="note">Note</label>
        <textarea id="note" rows={3} value={form.note} placeholder="What was promised before? What came of it?"
          onInput={(e) => set('note', e.currentTarget.value)} />
        {show('note') && <p class="error">{errors.note}</p>}
      </div>

      <div class="field">
        <label for="tags">Tags <span class="muted">(comma-separated)</span></label>
        <input id="tags" value={form.tags} placeholder="local digital, 2017 speech" onInput={(e) => set('tags', e.currentTarget.value)} />
        {show('tags') && <p class="error">{errors.tags}</p>}
      </div>

      {failure && <p class="error" role="alert">Could not save: {failure}</p>}
      <div class="buttons">
        <button type="button" class="secondary" onClick={() => onDone(false)}>Cancel</button>
        <button type="submit" class="primary" disabled={saving}>{saving ? 'Saving…' : draft.claimId ? 'Save changes' : 'Save claim'}</button>
      </div>
      <p class="hint">Ctrl/⌘ + Enter saves · Esc cancels · Drafts are kept as you type</p>
    </form>
  );
}
