// Import: choose or drop a file, see what it would change, record by record, confirm. The file's
// size is checked before it is read; the background validates the whole file and names any
// problem; a backup is taken before anything is written.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportSummary, OutcomeCounts } from '../../shared/sync/plan-import';
import { background } from '../shared/background';
import { formatCount } from '../../shared/format-count';
import { ChangeList } from './ChangeList';
import { readImportFile } from './read-import-file';

type Step =
  | { step: 'idle' }
  | { step: 'reading'; name: string }
  | { step: 'preview'; name: string; token: string; summary: ImportSummary }
  | { step: 'applying'; name: string }
  | { step: 'done'; name: string; summary: ImportSummary }
  | { step: 'error'; name: string; message: string };

const OUTCOMES: [keyof OutcomeCounts, string][] = [['new', 'new'], ['updated', 'updated'], ['deleted', 'deleted'], ['conflict', 'in conflict'], ['unchanged', 'unchanged']];

function Counts({ label, counts }: { label: string; counts: OutcomeCounts }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  return (
    <tr>
      <th scope="row">{label}</th>
      {OUTCOMES.map(([key]) => <td key={key} class={counts[key] > 0 && key !== 'unchanged' ? 'hot' : ''}>{formatCount(counts[key])}</td>)}
    </tr>
  );
}

function SummaryTable({ summary }: { summary: ImportSummary }) {
  return (
    <table class="summary">
      <thead><tr><th scope="col">Records</th>{OUTCOMES.map(([key, label]) => <th key={key} scope="col">{label}</th>)}</tr></thead>
      <tbody>
        <Counts label="Claims" counts={summary.claims} />
        <Counts label="Entities" counts={summary.entities} />
      </tbody>
    </table>
  );
}

/** Validation messages are terse ("claim 3.id: must be a UUID"); end them as sentences. */
function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

export function ImportPanel({ onImported }: { onImported(): void }) {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLParagraphElement>(null);

  // The button just pressed (Import, Cancel) is gone once the step changes: focus goes to what
  // happened, or back to the file input, never to the page's body where a keyboard user is lost.
  useEffect(() => {
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (state.step === 'done' || (state.step === 'error' && lost)) outcome.current?.focus();
    else if (state.step === 'idle' && lost) fileInput.current?.focus();
  }, [state.step]);

  const read = async (file: File) => {
    setState({ step: 'reading', name: file.name });
    try {
      const { token, summary } = await readImportFile(file, (text) => background('sync/preview', { text }));
      setState({ step: 'preview', name: file.name, token, summary });
    } catch (error) {
      setState({ step: 'error', name: file.name, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const apply = async (name: string, token: string) => {
    setState({ step: 'applying', name });
    try {
      const summary = await background('sync/apply', { token });
      setState({ step: 'done', name, summary });
      onImported();
    } catch (error) {
      setState({ step: 'error', name, message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section class="panel" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <p>A Sound Familiar export, or a Hypothesis export (its annotations become claims). You will see what changes before anything does.</p>
      <label class={dragging ? 'drop dragging' : 'drop'}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); const f = e.dataTransfer?.files[0]; if (f) void read(f); }}>
        <input ref={fileInput} type="file" accept=".json,application/json" onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void read(f); e.currentTarget.value = ''; }} />
        <span><strong>Choose a file</strong> or drop it here</span>
      </label>
      <div aria-live="polite">
        {state.step === 'reading' && <p class="status"><span class="spinner" aria-hidden="true" /> Checking {state.name}…</p>}
        {state.step === 'preview' && (
          <div class="preview">
            <p><strong>{state.name}</strong>{state.summary.kind === 'hypothesis' ? ' (Hypothesis export)' : ''} would change:</p>
            <SummaryTable summary={state.summary} />
            <ChangeList changes={state.summary.changes} />
            {state.summary.claims.conflict + state.summary.entities.conflict > 0 && (
              <p class="note">Records changed on both sides keep the newer version; the other is kept as a conflict you can resolve below.</p>
            )}
            {state.summary.changes.entities.some((c) => c.builtin && c.outcome === 'conflict') && (
              <p class="note">The file changes what a built-in entity says. The built-in version stays in use; the file’s is kept as a conflict, to keep only if you trust where it came from.</p>
            )}
            <div class="buttons">
              <button type="button" class="secondary" onClick={() => setState({ step: 'idle' })}>Cancel</button>
              <button type="button" class="primary" onClick={() => void apply(state.name, state.token)}>Import</button>
            </div>
          </div>
        )}
        {state.step === 'applying' && (
          <p class="status"><span class="spinner" aria-hidden="true" /> Importing {state.name}… <progress aria-label="Import progress" /></p>
        )}
        {state.step === 'done' && (
          <div class="preview">
            <p role="status" ref={outcome} tabIndex={-1}>Imported <strong>{state.name}</strong>. Your data from before is kept: “Undo last import” puts it back.</p>
            <SummaryTable summary={state.summary} />
            <ChangeList changes={state.summary.changes} />
          </div>
        )}
        {state.step === 'error' && (
          <p class="error" role="alert" ref={outcome} tabIndex={-1}><strong>{state.name} was not imported.</strong> {sentence(state.message)} Nothing was changed.</p>
        )}
      </div>
    </section>
  );
}
